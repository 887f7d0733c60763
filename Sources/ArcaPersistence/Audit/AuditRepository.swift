import ArcaDomain
import Foundation
import LibPQ

/// The append-only audit trail. Entries are written in the transaction of the use case
/// they record, so a change and its entry commit or vanish together.
public struct AuditRepository: Sendable {
    let db: Transaction

    public func append(_ entry: AuditEntry) async throws {
        try await db.execute(
            """
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
            """,
            [
                entry.actor.userID, entry.actor.name, entry.actor.office?.value, entry.kind.rawValue, entry.operation,
                entry.entity, entry.entityID, entry.before, entry.after, entry.reason,
            ])
    }

    /// One consultation entry per record shown, in one statement: a read that shows many
    /// records costs one round trip.
    public func appendConsultations(by actor: AuditEntry.Actor, operation: String, records: [(entity: String, id: String)]) async throws {
        try await db.execute(
            """
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id)
            SELECT $1, $2, $3, 'consultation', $4, r.entity, r.id FROM unnest($5::text[], $6::text[]) AS r (entity, id)
            """,
            [actor.userID, actor.name, actor.office?.value, operation, records.map(\.entity), records.map(\.id)])
    }

    /// Entries about one record, oldest first.
    public func entries(entity: String, id: String) async throws -> [AuditEntry] {
        try await db.query(
            """
            SELECT actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before::text, after::text, reason, recorded_at
            FROM audit_entry WHERE entity = $1 AND entity_id = $2 ORDER BY id
            """, [entity, id]
        ).map { row in
            try AuditEntry(
                actor: .init(
                    userID: row.decode(UUID?.self, 0), name: row.decode(String.self, 1),
                    office: row.decode(String?.self, 2).map { try OfficeCode($0) }),
                kind: AuditEntry.Kind(rawValue: row.decode(String.self, 3)).orThrow("kind"),
                operation: row.decode(String.self, 4), entity: row.decode(String.self, 5),
                entityID: row.decode(String.self, 6), before: row.decode(String?.self, 7),
                after: row.decode(String?.self, 8), reason: row.decode(String?.self, 9),
                recordedAt: row.decode(Date.self, 10))
        }
    }
}
