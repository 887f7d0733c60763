import ArcaDomain
import Foundation
import LibPQ

/// The append-only audit trail. Entries are written in the transaction of the use case
/// they record, so a change and its entry commit or vanish together.
public struct AuditRepository: Sendable {
    let db: Transaction

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func append(_ entry: AuditEntry) async throws {
        try await db.write(
            """
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
            """,
            [
                entry.actor.userID, entry.actor.name, entry.actor.office?.value, entry.kind.rawValue, entry.operation,
                entry.entity, entry.entityID, entry.before, entry.after, entry.reason,
            ])
    }

    /// One consultation entry per record shown, in one statement, sent with the transaction's
    /// next statement or its COMMIT (`Transaction.write`).
    public func appendConsultations(by actor: AuditEntry.Actor, operation: String, records: [(entity: String, id: String)]) async throws {
        try await db.write(
            """
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id)
            SELECT $1, $2, $3, 'consultation', $4, r.entity, r.id FROM unnest($5::text[], $6::text[]) AS r (entity, id)
            """,
            [actor.userID, actor.name, actor.office?.value, operation, records.map(\.entity), records.map(\.id)])
    }

    static let columns = """
        actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before::text, after::text, reason, recorded_at, id
        """

    /// Entries about one record, oldest first.
    public func entries(entity: String, id: String) async throws -> [AuditEntry] {
        try await db.query(
            "SELECT \(Self.columns) FROM audit_entry WHERE entity = $1 AND entity_id = $2 ORDER BY id", [entity, id]
        ).map(Self.decode)
    }

    /// One page of the entries `filter` selects, newest first, plus one more when there are more.
    public func search(_ filter: AuditFilter) async throws -> [AuditEntry] {
        var sql = SQLBuilder("SELECT \(Self.columns) FROM audit_entry WHERE true")
        if let office = filter.office { sql.and("actor_office = ?", office.value) }
        if let entity = filter.entity { sql.and("entity = ?", entity) }
        if let entityID = filter.entityID {
            // A record was consulted when it was read, and when a list showed it.
            sql.and(
                "(entity_id = ?1 OR (entity_id = '\(AuditEntry.searchID)' AND after->'shown' @> jsonb_build_array(?1::text)))", entityID)
        }
        if let actor = filter.actor { sql.and("actor_name = ?", actor) }
        if let kind = filter.kind { sql.and("kind = ?", kind.rawValue) }
        if let operation = filter.operation { sql.and("operation = ?", operation) }
        if let from = filter.from { sql.and("recorded_at >= ?", from) }
        if let to = filter.to { sql.and("recorded_at < ?", to) }
        if let before = filter.before { sql.and("id < ?", before) }
        sql.append(" ORDER BY id DESC LIMIT ?", filter.limit + 1)
        return try await db.query(sql.text, sql.parameters).map(Self.decode)
    }

    static func decode(_ row: Row) throws -> AuditEntry {
        try AuditEntry(
            actor: .init(
                userID: row.decode(UUID?.self, 0), name: row.decode(String.self, 1),
                office: row.decode(String?.self, 2).map { try OfficeCode($0) }),
            kind: AuditEntry.Kind(rawValue: row.decode(String.self, 3)).orThrow("kind"),
            operation: row.decode(String.self, 4), entity: row.decode(String.self, 5),
            entityID: row.decode(String.self, 6), before: row.decode(String?.self, 7),
            after: row.decode(String?.self, 8), reason: row.decode(String?.self, 9),
            recordedAt: row.decode(Date.self, 10), sequence: row.decode(Int.self, 11))
    }
}
