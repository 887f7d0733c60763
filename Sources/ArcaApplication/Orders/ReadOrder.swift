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
        return try await database.transaction { store in
            let order = try await store.orders.find(id, visibleTo: office).found("order \(id.lowercased)").permit(.read, by: office, "order \(id.lowercased)")
            try await store.audit.appendConsultation(by: consultant, operation: "ReadOrder", entity: "order", id: id.lowercased)
            return order
        }
    }
}
