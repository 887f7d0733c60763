import ArcaPersistence

/// The figures an operator watches (`/metrics`): pool use, outbox backlog, audit trail length.
/// Places and counts only, no record: no caller is needed, as for `/readyz`.
public struct MeasureOperations: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction() async throws -> OperatingFigures {
        try await database.operatingFigures()
    }
}
