import ArcaDomain
import Foundation
import LibPQ

public struct OrderRepository: Sendable {
    let db: Transaction

    static let columns = """
        o.id, o.case_id, o.kind, o.urgent, o.confiscation_type, o.issuing_authority, o.decision_reference,
        o.decision_date::text, o.covered_amount::text, o.covered_currency, o.status, o.executed_on::text, o.lifted_on::text,
        o.version, o.created_at, ARRAY(SELECT oa.asset_id::text FROM order_asset oa WHERE oa.order_id = o.id ORDER BY oa.asset_id),
        c.office_code
        """

    public func add(_ order: LegalOrder) async throws {
        try await translatingConstraints {
            try await db.execute(
                """
                INSERT INTO legal_order (id, case_id, kind, urgent, confiscation_type, issuing_authority, decision_reference,
                    decision_date, covered_amount, covered_currency, status, version, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::numeric, $10, $11, $12, $13)
                """,
                [
                    order.id, order.caseID, order.kind.rawValue, order.urgent, order.confiscationType?.rawValue,
                    order.issuingAuthority, order.decisionReference, order.decisionDate.description, order.coveredAmount?.amount,
                    order.coveredAmount?.currency.code, order.status.rawValue, order.version, order.createdAt,
                ])
            if !order.assetIDs.isEmpty {
                try await db.execute(
                    "INSERT INTO order_asset (order_id, asset_id) SELECT $1, unnest($2::text[])::uuid",
                    [order.id, order.assetIDs.map(\.lowercased)])
            }
        }
    }

    /// The order, if `office` may see its case, locked for a change; with the office owning it.
    public func find(_ id: UUID, visibleTo office: OfficeCode, forUpdate: Bool = false) async throws -> (order: LegalOrder, office: OfficeCode)? {
        try await db.query(
            """
            SELECT \(Self.columns) FROM legal_order o JOIN case_file c ON c.id = o.case_id
            WHERE o.id = $2 AND (c.office_code = $1 OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = $1))
            \(forUpdate ? "FOR UPDATE OF o" : "")
            """, [office.value, id]
        ).first.map { row in (try Self.decode(row), try OfficeCode(row.decode(String.self, 16))) }
    }

    public func inCase(_ caseID: UUID) async throws -> [LegalOrder] {
        try await db.query(
            "SELECT \(Self.columns) FROM legal_order o JOIN case_file c ON c.id = o.case_id WHERE o.case_id = $1 ORDER BY o.decision_date, o.created_at, o.id",
            [caseID]
        ).map(Self.decode)
    }

    public func update(_ order: LegalOrder) async throws -> Bool {
        try await db.execute(
            """
            UPDATE legal_order SET status = $3, executed_on = $4::date, lifted_on = $5::date, version = $2
            WHERE id = $1 AND version = $2 - 1
            """,
            [order.id, order.version, order.status.rawValue, order.executedOn?.description, order.liftedOn?.description]) == 1
    }

    static func decode(_ row: Row) throws -> LegalOrder {
        let covered: Money? = try row.decode(String?.self, 8).map { amount in
            Money(try Money.parseAmount(amount), try Currency(code: row.decode(String.self, 9)).orThrow("covered_currency"))
        }
        return try LegalOrder(
            id: row.decode(UUID.self, 0), caseID: row.decode(UUID.self, 1),
            kind: LegalOrder.Kind(rawValue: row.decode(String.self, 2)).orThrow("kind"), urgent: row.decode(Bool.self, 3),
            confiscationType: row.decode(String?.self, 4).map { try ConfiscationType(rawValue: $0).orThrow("confiscation_type") },
            issuingAuthority: row.decode(String.self, 5), decisionReference: row.decode(String.self, 6),
            decisionDate: Day(row.decode(String.self, 7)), coveredAmount: covered,
            assetIDs: row.decode([String].self, 15).map { try UUID(uuidString: $0).orThrow("asset_id") },
            status: LegalOrder.Status(rawValue: row.decode(String.self, 10)).orThrow("status"),
            executedOn: row.decode(String?.self, 11).map { try Day($0) }, liftedOn: row.decode(String?.self, 12).map { try Day($0) },
            version: row.decode(Int.self, 13), createdAt: row.decode(Date.self, 14))
    }
}
