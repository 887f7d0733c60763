import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows a case with its subjects, assets and orders, and logs the consultation (Dir 2016/680
/// Art 25) as one entry for the case listing every subject, asset and order shown, which the
/// trail of each of them finds; the reading and its log reach the database together, in one
/// round trip.
public struct ReadCase: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> CaseFile {
        let office = try caller.office(for: .readCases)
        return try await database.oneRoundTrip { store in
            guard let found = try await store.readCaseFile(id, visibleTo: office, consultedBy: try caller.consultant, operation: "ReadCase") else {
                throw UseCaseError.notFound("case \(id.lowercased)")
            }
            let record = try found.record.permit(.read, by: office, "case \(id.lowercased)")
            return CaseFile(record: record, subjects: found.subjects, assets: found.assets, orders: found.orders, sharedWith: found.sharedWith)
        }
    }
}
