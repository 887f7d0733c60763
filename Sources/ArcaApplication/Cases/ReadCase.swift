import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows a case with its subjects, assets and orders, and logs the consultation of each
/// case, subject, asset and order shown (Dir 2016/680 Art 25).
public struct ReadCase: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> CaseFile {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            let record = try await store.cases.find(id, visibleTo: office).found("case \(id.lowercased)").permit(.read, by: office, "case \(id.lowercased)")
            let file = CaseFile(
                record: record, subjects: try await store.subjects.inCase(id), assets: try await store.assets.inCase(id),
                orders: try await store.orders.inCase(id), sharedWith: try await store.cases.grants(caseID: id))
            try await store.audit.appendConsultations(
                by: caller.auditActor, operation: "ReadCase",
                records: [("case", id.lowercased)] + file.subjects.map { ("subject", $0.id.lowercased) }
                    + file.assets.map { ("asset", $0.id.lowercased) } + file.orders.map { ("order", $0.id.lowercased) })
            return file
        }
    }
}
