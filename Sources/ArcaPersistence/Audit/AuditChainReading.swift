import ArcaDomain
import LibPQ

/// The audit trail as sealed on its chains (migrations 0025, 0030), read for `arca audit verify`.
extension AuditRepository {
    /// Where each chain ends now.
    public func chainHeads() async throws -> [AuditChainHead] {
        try await db.query("SELECT chain, length, head FROM audit_chain ORDER BY chain").map { row in
            AuditChainHead(chain: try row.decode(Int.self, 0), length: try row.decode(Int64.self, 1), head: try row.decode(String.self, 2))
        }
    }

    /// Up to `limit` sealed entries after the place (`chain`, `link`), in order of chain and
    /// link: one index range per page, so the whole trail is walked without holding it all.
    public func sealedEntries(after chain: Int, link: Int64, limit: Int) async throws -> [SealedAuditEntry] {
        try await db.query(
            """
            SELECT chain, link, id, (extract(epoch FROM recorded_at) * 1000000)::bigint, actor_id::text, actor_name, actor_office,
                kind, operation, entity, entity_id, before::text, after::text, reason, context::text, values_digest,
                erased_at IS NOT NULL, former_hash, previous_hash, hash
            FROM audit_entry WHERE (chain, link) > ($1, $2) ORDER BY chain, link LIMIT $3
            """, [chain, link, limit]
        ).map { row in
            SealedAuditEntry(
                chain: try row.decode(Int.self, 0), link: try row.decode(Int64.self, 1), id: try row.decode(Int64.self, 2),
                recordedAt: try row.decode(Int64.self, 3), actorID: try row.decode(String?.self, 4), actorName: try row.decode(String.self, 5),
                actorOffice: try row.decode(String?.self, 6), kind: try row.decode(String.self, 7), operation: try row.decode(String.self, 8),
                entity: try row.decode(String.self, 9), entityID: try row.decode(String.self, 10), before: try row.decode(String?.self, 11),
                after: try row.decode(String?.self, 12), reason: try row.decode(String?.self, 13), context: try row.decode(String?.self, 14),
                valuesDigest: try row.decode(String.self, 15), erased: try row.decode(Bool.self, 16), formerHash: try row.decode(String?.self, 17),
                previousHash: try row.decode(String.self, 18), hash: try row.decode(String.self, 19))
        }
    }
}
