import ArcaDomain
import ArcaPersistence
import Foundation

/// Lets another office of the deployment see a case of the caller's office.
public struct ShareCase: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, _ input: CaseShare, by caller: Caller) async throws -> [OfficeCode] {
        let office = try caller.office(for: .shareCases)
        var validation = Validation(reading: input)
        let target = validation.required("office", input.office, "office-code") { (text) throws(OfficeError) in try OfficeCode(text) }
        try validation.finish()
        guard let target else { return try unreachable() }
        return try await database.transaction { store in
            let record = try await store.cases.owned(id, by: office)
            guard target != office else { throw UseCaseError.invalid("office", "other-office", "case \(record.reference) already belongs to \(office)") }
            guard try await store.offices.find(target) != nil else {
                throw UseCaseError.invalid("office", "office-exists", "there is no office \(target)")
            }
            let before = try await store.cases.grants(caseID: id)
            if try await store.cases.grant(caseID: id, to: target, by: caller.name) {
                try await store.audit.change("ShareCase", by: caller, entity: "case", id: id.lowercased, before: SharedWith(before), after: SharedWith(before + [target]))
            }
            return try await store.cases.grants(caseID: id)
        }
    }
}

/// The offices a case is shared with, as the audit trail keeps it.
struct SharedWith: Encodable {
    let sharedWith: [String]

    init(_ offices: [OfficeCode]) {
        sharedWith = offices.map(\.value).sorted()
    }
}
