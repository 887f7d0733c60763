import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows an order, and logs the consultation.
public struct ReadOrder: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .readCases)
        let consultant = try caller.consultant
        return try await database.oneRoundTrip { store in
            try await store.readOrder(id, visibleTo: office, consultedBy: consultant, operation: "ReadOrder")
                .found("order \(id.lowercased)").permit(.read, by: office, "order \(id.lowercased)")
        }
    }
}
