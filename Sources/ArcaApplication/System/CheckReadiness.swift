import ArcaPersistence

/// Whether this process can do its work: the database answers.
public struct CheckReadiness: Sendable {
    public enum Outcome: Sendable, Equatable {
        case ready
        case databaseUnavailable(reason: String)
    }

    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction() async -> Outcome {
        do {
            try await database.ping()
            return .ready
        } catch {
            return .databaseUnavailable(reason: String(describing: error))
        }
    }
}
