import ArcaDomain
import Foundation
import LibPQ

/// A case with its parts, as an office that may see it reads it.
public struct CaseFileRecord: Sendable {
    public let record: Owned<Case>
    public let subjects: [Subject]
    public let assets: [Asset]
    public let orders: [LegalOrder]
    public let sharedWith: [OfficeCode]
}

extension Store {
    /// Reads a case with its subjects, assets, orders and the offices it is shared with, and
    /// logs the consultation (Dir 2016/680 Art 25) as one entry for the case that lists the
    /// subjects, assets and orders shown (`AuditRepository.partsShownWithACase`), in one round trip:
    /// a pipeline whose every statement is bound to the case being visible to `office`, so an
    /// office that may not see it reads and logs nothing, and nil comes back.
    public func readCaseFile(_ id: UUID, visibleTo office: OfficeCode, consultedBy actor: AuditEntry.Actor, operation: String) async throws
        -> CaseFileRecord?
    {
        let visible = "EXISTS (SELECT 1 FROM case_file c WHERE c.id = $1 AND \(OfficeAccessSQL.caseVisible(to: "$2")))"
        let inVisibleCase = { (table: String, alias: String, columns: String) in
            "SELECT \(columns) FROM \(table) \(alias) JOIN case_file c ON c.id = \(alias).case_id "
                + "WHERE \(alias).case_id = $1 AND \(OfficeAccessSQL.caseVisible(to: "$2"))"
        }
        let key: [any PostgresEncodable] = [id, office.value]
        let results = try await transaction.pipeline([
            Statement("SELECT \(CaseRepository.columns) FROM case_file c WHERE c.id = $1 AND \(OfficeAccessSQL.caseVisible(to: "$2"))", key),
            Statement("SELECT \(SubjectRepository.columns) FROM subject s WHERE s.case_id = $1 AND \(visible) ORDER BY s.created_at, s.id", key),
            Statement(inVisibleCase("asset", "a", AssetRepository.columns) + " ORDER BY a.created_at, a.id", key),
            Statement(inVisibleCase("legal_order", "o", OrderRepository.columns) + " ORDER BY o.created_at, o.id", key),
            Statement("SELECT office_code FROM case_grant WHERE case_id = $1 AND \(visible) ORDER BY office_code", key),
            Statement(
                """
                INSERT INTO audit_entry (actor_id, actor_name, actor_office, context, kind, operation, entity, entity_id, after)
                SELECT $3, $4, $5, $7::jsonb, 'consultation', $6, 'case', c.id::text, jsonb_build_object('shown', jsonb_build_object(
                    'subject', ARRAY(SELECT s.id::text FROM subject s WHERE s.case_id = c.id ORDER BY s.created_at, s.id),
                    'asset', ARRAY(SELECT a.id::text FROM asset a WHERE a.case_id = c.id ORDER BY a.created_at, a.id),
                    'order', ARRAY(SELECT o.id::text FROM legal_order o WHERE o.case_id = c.id ORDER BY o.created_at, o.id)))
                FROM case_file c WHERE c.id = $1 AND \(OfficeAccessSQL.caseVisible(to: "$2"))
                """, key + [actor.userID, actor.name, actor.office?.value, operation, actor.context]),
        ])
        guard let row = results[0].first else { return nil }
        let file = try CaseRepository.decodeCase(row)
        return CaseFileRecord(
            record: Owned(record: file, owner: file.office, caseStatus: file.status),
            subjects: try results[1].map(SubjectRepository.decode),
            assets: try results[2].map { try AssetRepository.decode($0).record },
            orders: try results[3].map { try OrderRepository.decodeOwned($0).record }.byDecision,
            sharedWith: try results[4].map { try OfficeCode($0.decode(String.self, 0)) })
    }
}
