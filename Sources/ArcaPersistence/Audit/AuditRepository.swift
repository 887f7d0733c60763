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
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason, context)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::jsonb)
            """,
            [
                entry.actor.userID, entry.actor.name, entry.actor.office?.value, entry.kind.rawValue, entry.operation,
                entry.entity, entry.entityID, entry.before, entry.after, entry.reason, entry.actor.context,
            ])
    }

    /// The consultation of one record, sent with the transaction's next statement or its
    /// COMMIT (`Transaction.write`).
    public func appendConsultation(by actor: AuditEntry.Actor, operation: String, entity: String, id: String) async throws {
        try await db.write(
            """
            INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, context)
            VALUES ($1, $2, $3, 'consultation', $4, $5, $6, $7::jsonb)
            """,
            [actor.userID, actor.name, actor.office?.value, operation, entity, id, actor.context])
    }

    /// The kinds of record a reading of a case lists in its one consultation entry, under
    /// `after.shown` (migration 0015).
    public static let partsShownWithACase = ["subject", "asset", "order"]

    /// The entries about one record: its own (changes, readings), the lists of its kind that
    /// showed it, and the readings of its case that showed it. With the record's kind given,
    /// each branch is one index lookup (the entity index; the GIN index over consultations'
    /// `after`); without it, its own entries are found by reading the entity index whole.
    static func about(_ id: String, entity: String?) -> (condition: String, values: [any PostgresEncodable]) {
        let listed = "kind = 'consultation' AND entity_id = '\(AuditEntry.searchID)' AND after @> jsonb_build_object('shown', jsonb_build_array($1::text))"
        let shownWithCase = { (part: Int) in
            "kind = 'consultation' AND after @> jsonb_build_object('shown', jsonb_build_object($\(part)::text, jsonb_build_array($1::text)))"
        }
        guard let entity else {
            let parts = partsShownWithACase
            let readings = parts.indices.map { "(\(shownWithCase($0 + 2)))" }.joined(separator: " OR ")
            return ("(entity_id = $1 OR (\(listed)) OR \(readings))", [id] + parts)
        }
        let readings = partsShownWithACase.contains(entity) ? " OR (\(shownWithCase(2)))" : ""
        return ("((entity = $2 AND entity_id = $1) OR (entity = $2 AND \(listed))\(readings))", [id, entity])
    }

    /// The entries about records of one kind: their own, and for a subject, asset or order
    /// also the readings of a case that showed one (a broad search, without an index).
    static func ofKind(_ entity: String) -> SQLBuilder {
        guard partsShownWithACase.contains(entity) else { return SQLBuilder("entity = ?", entity) }
        return SQLBuilder(
            """
            (entity = ?1 OR (kind = 'consultation' AND entity = 'case' AND jsonb_typeof(after -> 'shown') = 'object'
                AND jsonb_array_length(after -> 'shown' -> ?1) > 0))
            """, entity)
    }

    /// The entries an office's auditor reads: those of its own users, and the readings of its
    /// records by users of the offices it shared them with (a case shared, its subjects,
    /// assets and orders; the readings and lists that showed one).
    static func ofOffice(_ office: OfficeCode) -> SQLBuilder {
        let granted = "c.office_code = ?1 AND EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id)"
        let shared = """
            SELECT c.id::text FROM case_file c WHERE \(granted)
            UNION ALL SELECT s.id::text FROM subject s JOIN case_file c ON c.id = s.case_id WHERE \(granted)
            UNION ALL SELECT a.id::text FROM asset a JOIN case_file c ON c.id = a.case_id WHERE \(granted)
            UNION ALL SELECT o.id::text FROM legal_order o JOIN case_file c ON c.id = o.case_id WHERE \(granted)
            """
        return SQLBuilder(
            """
            (actor_office = ?1 OR (kind = 'consultation' AND (entity_id IN (\(shared))
                OR (entity_id = '\(AuditEntry.searchID)' AND jsonb_typeof(after -> 'shown') = 'array'
                    AND jsonb_exists_any(after -> 'shown', ARRAY(\(shared)))))))
            """, office.value)
    }

    static let columns = """
        actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before::text, after::text, reason, recorded_at, id,
        context::text
        """

    /// Entries about one record, oldest first.
    public func entries(entity: String, id: String) async throws -> [AuditEntry] {
        try await db.query(
            "SELECT \(Self.columns) FROM audit_entry WHERE entity = $1 AND entity_id = $2 ORDER BY id", [entity, id]
        ).map(Self.decode)
    }

    /// One page of the entries `filter` selects, newest first, plus one more when there are more.
    public func search(_ filter: AuditFilter) async throws -> [AuditEntry] {
        let sql = Self.searchQuery(filter)
        return try await db.query(sql.text, sql.parameters).map(Self.decode)
    }

    static func searchQuery(_ filter: AuditFilter) -> SQLBuilder {
        var sql = SQLBuilder("SELECT \(Self.columns) FROM audit_entry WHERE true")
        if let office = filter.office { sql.and(Self.ofOffice(office)) }
        if let entityID = filter.entityID {
            let about = Self.about(entityID, entity: filter.entity)
            sql.and(about.condition, values: about.values)
        } else if let entity = filter.entity {
            sql.and(Self.ofKind(entity))
        }
        if let actor = filter.actor { sql.and("actor_name = ?", actor) }
        if let kind = filter.kind { sql.and("kind = ?", kind.rawValue) }
        if let operation = filter.operation { sql.and("operation = ?", operation) }
        if let from = filter.from { sql.and("recorded_at >= ?", from) }
        if let to = filter.to { sql.and("recorded_at < ?", to) }
        if let before = filter.before { sql.and("id < ?", before) }
        sql.append(" ORDER BY id DESC LIMIT ?", filter.limit + 1)
        return sql
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
            recordedAt: row.decode(Date.self, 10), sequence: row.decode(Int.self, 11), context: row.decode(String?.self, 12))
    }
}
