import LibPQ

/// What an operator watches of the database's side: messages waiting for partners, the length
/// of the audit trail, and how busy the pool is.
public struct OperatingFigures: Sendable, Equatable {
    public let poolSize: Int
    public let poolInUse: Int
    public let poolWaiting: Int
    /// Outbox messages neither delivered nor refused yet.
    public let outboxBacklog: Int
    /// Entries sealed on the audit chains, all chains together.
    public let auditEntries: Int
}

extension Database {
    /// The figures now, in one statement.
    public func operatingFigures() async throws -> OperatingFigures {
        let (inUse, waiting) = (pool.inUse, pool.waiting)
        let row = try await oneRoundTrip { store in
            try await store.transaction.query(
                """
                SELECT (SELECT count(*) FROM exchange_outbox WHERE delivered_at IS NULL AND refused_at IS NULL)::bigint,
                    (SELECT coalesce(sum(length), 0) FROM audit_chain)::bigint
                """)[0]
        }
        return OperatingFigures(
            poolSize: pool.size, poolInUse: inUse, poolWaiting: waiting, outboxBacklog: try row.decode(Int.self, 0),
            auditEntries: try row.decode(Int.self, 1))
    }
}
