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
    /// logs the consultation of each record shown (Dir 2016/680 Art 25), in one round trip:
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
                INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id)
                SELECT $3, $4, $5, 'consultation', $6, r.entity, r.id FROM (
                    SELECT 'case' AS entity, c.id::text AS id, 0 AS part, c.created_at AS recorded, c.id AS tie FROM case_file c WHERE c.id = $1
                    UNION ALL SELECT 'subject', s.id::text, 1, s.created_at, s.id FROM subject s WHERE s.case_id = $1
                    UNION ALL SELECT 'asset', a.id::text, 2, a.created_at, a.id FROM asset a WHERE a.case_id = $1
                    UNION ALL SELECT 'order', o.id::text, 3, o.created_at, o.id FROM legal_order o WHERE o.case_id = $1
                ) AS r WHERE \(visible) ORDER BY r.part, r.recorded, r.tie
                """, key + [actor.userID, actor.name, actor.office?.value, operation]),
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
