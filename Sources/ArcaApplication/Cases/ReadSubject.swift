import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows a subject, and logs the consultation (Dir 2016/680 Art 25).
public struct ReadSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .readCases)
        let consultant = try caller.consultant
        return try await database.oneRoundTrip { store in
            try await store.readSubject(id, visibleTo: office, consultedBy: consultant, operation: "ReadSubject")
                .found("subject \(id.lowercased)").permit(.read, by: office, "subject \(id.lowercased)")
        }
    }
}
