import ArcaDomain
import Foundation
import LibPQ

extension Store {
    /// Reads a subject and logs the consultation (Dir 2016/680 Art 25) in one round trip; an
    /// office that may not see the subject's case reads and logs nothing, and nil comes back.
    public func readSubject(_ id: UUID, visibleTo office: OfficeCode, consultedBy actor: AuditEntry.Actor, operation: String) async throws
        -> Owned<Subject>?
    {
        try await readConsulted(
            SubjectRepository.visibleOne, entity: "subject", id: id, office: office, actor: actor, operation: operation,
            decode: SubjectRepository.decodeOwned)
    }

    /// Reads an order and logs the consultation in one round trip, as `readSubject`.
    public func readOrder(_ id: UUID, visibleTo office: OfficeCode, consultedBy actor: AuditEntry.Actor, operation: String) async throws
        -> Owned<LegalOrder>?
    {
        try await readConsulted(
            OrderRepository.visibleOne, entity: "order", id: id, office: office, actor: actor, operation: operation,
            decode: OrderRepository.decodeOwned)
    }

    /// `select` (the record `$2` if the office `$1` may see it) and the consultation entry it
    /// earns, bound to the same condition, in one pipeline: the entry `appendConsultation`
    /// writes, without a round trip of its own.
    private func readConsulted<T>(
        _ select: String, entity: String, id: UUID, office: OfficeCode, actor: AuditEntry.Actor, operation: String, decode: (Row) throws -> T
    ) async throws -> T? {
        let key: [any PostgresEncodable] = [office.value, id]
        let results = try await transaction.pipeline([
            Statement(select, key),
            Statement(
                """
                INSERT INTO audit_entry (actor_id, actor_name, actor_office, context, kind, operation, entity, entity_id)
                SELECT $3, $4, $5, $7::jsonb, 'consultation', $6, $8, $2::text WHERE EXISTS (\(select))
                """, key + [actor.userID, actor.name, actor.office?.value, operation, actor.context, entity]),
        ])
        return try results[0].first.map(decode)
    }
}
