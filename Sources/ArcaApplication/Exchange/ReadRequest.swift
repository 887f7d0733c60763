import ArcaDomain
import ArcaPersistence
import Foundation

/// A request of the office with its history; the reading is logged, as every consultation is.
public struct ReadRequest: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> RequestFile {
        let office = try caller.office(for: .readCases)
        let consultant = try caller.consultant
        return try await database.transaction { store in
            guard let request = try await store.requests.find(id, of: office) else { throw UseCaseError.notFound("request \(id.lowercased)") }
            try await store.audit.appendConsultation(by: consultant, operation: "ReadRequest", entity: "request", id: id.lowercased)
            return RequestFile(request: request, events: try await store.requestEvents.of(id), readAt: clock(), timeZone: caller.timeZone)
        }
    }
}
