import ArcaDomain
import Foundation
import LibPQ

/// An order, the office that owns its case, and where that case stands.
public struct OrderRepository: Sendable {
    let db: Transaction

    static let columns = """
        o.id, o.case_id, o.kind, o.urgent, o.confiscation_type, o.issuing_authority, o.decision_reference,
        o.decision_date::text, o.covered_amount::text, o.covered_currency, o.status, o.lifted_on::text,
        o.version, o.created_at, ARRAY(SELECT oa.asset_id::text FROM order_asset oa WHERE oa.order_id = o.id ORDER BY oa.asset_id),
        c.office_code, o.confirms_order_id, o.issuing_state, o.executing_state, o.final_on::text, o.lifting_ground,
        ARRAY(SELECT os.subject_id::text FROM order_subject os WHERE os.order_id = o.id ORDER BY os.subject_id),
        (SELECT coalesce(json_agg(json_build_object(
                'id', e.id, 'asset', e.asset_id, 'on', e.executed_on::text, 'amount', e.amount::text, 'currency', e.currency) ORDER BY e.id), '[]')
            FROM order_execution e WHERE e.order_id = o.id)::text,
        c.status,
        (SELECT coalesce(json_agg(json_build_object(
                'step', k.step, 'execution', k.execution_id, 'asset', x.asset_id, 'on', k.corrected_on::text, 'reason', k.reason,
                'by', k.recorded_by) ORDER BY k.id), '[]')
            FROM order_correction k LEFT JOIN order_execution x ON x.id = k.execution_id WHERE k.order_id = o.id)::text
        """

    public func add(_ order: LegalOrder) async throws {
        try await translatingConstraints {
            try await db.execute(
                """
                INSERT INTO legal_order (id, case_id, kind, urgent, confiscation_type, issuing_authority, decision_reference,
                    decision_date, covered_amount, covered_currency, status, version, created_at, confirms_order_id,
                    issuing_state, executing_state, asset_categories)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9::numeric, $10, $11, $12, $13, $14, $15, $16,
                    (SELECT coalesce(array_agg(DISTINCT category ORDER BY category), '{}') FROM asset WHERE id = ANY ($17::text[]::uuid[])))
                """,
                [
                    order.id, order.caseID, order.kind.rawValue, order.urgent, order.confiscationType?.rawValue,
                    order.issuingAuthority, order.decisionReference, order.decisionDate.description, order.coveredAmount?.amount,
                    order.coveredAmount?.currency.code, order.status.rawValue, order.version, order.createdAt, order.confirms,
                    order.issuingState.value, order.executingState.value, order.assetIDs.map(\.lowercased),
                ])
            if !order.assetIDs.isEmpty {
                try await db.execute(
                    "INSERT INTO order_asset (order_id, asset_id) SELECT $1, unnest($2::text[])::uuid",
                    [order.id, order.assetIDs.map(\.lowercased)])
            }
            if !order.subjectIDs.isEmpty {
                try await db.execute(
                    "INSERT INTO order_subject (order_id, subject_id) SELECT $1, unnest($2::text[])::uuid",
                    [order.id, order.subjectIDs.map(\.lowercased)])
            }
        }
    }

    /// The order, if `office` may see its case, locked for a change when asked; with the
    /// office owning it.
    public func find(_ id: UUID, visibleTo office: OfficeCode, forUpdate: Bool = false) async throws -> Owned<LegalOrder>? {
        try await db.query(Self.visibleOne + (forUpdate ? " FOR NO KEY UPDATE OF o FOR SHARE OF c" : ""), [office.value, id])
            .first.map(Self.decodeOwned)
    }

    /// The order `$2`, with its case's office and status, if the office `$1` may see its case.
    static let visibleOne = """
        SELECT \(columns) FROM legal_order o JOIN case_file c ON c.id = o.case_id
        WHERE o.id = $2 AND \(OfficeAccessSQL.caseVisible(to: "$1"))
        """

    /// The orders of a case by decision date as corrected, then as recorded.
    public func inCase(_ caseID: UUID) async throws -> [LegalOrder] {
        try await db.query(
            "SELECT \(Self.columns) FROM legal_order o JOIN case_file c ON c.id = o.case_id WHERE o.case_id = $1 ORDER BY o.created_at, o.id",
            [caseID]
        ).map { try Self.decodeOwned($0).record }.byDecision
    }

    /// Stores the order's status and steps if it is still at version `order.version - 1`,
    /// and appends its executions not stored yet (`newExecutions`). A date once stored stays:
    /// a correction is a record of its own (`addCorrection`).
    public func update(_ order: LegalOrder, newExecutions: [OrderExecution] = [], by actor: String) async throws -> Bool {
        let updated = try await db.execute(
            """
            UPDATE legal_order SET status = $3, final_on = coalesce(final_on, $4::date), lifted_on = coalesce(lifted_on, $5::date),
                lifting_ground = $6, version = $2, first_executed_on = least(first_executed_on, $7::date)
            WHERE id = $1 AND version = $2 - 1
            """,
            [
                order.id, order.version, order.status.rawValue, order.finalOn?.description, order.liftedOn?.description, order.liftingGround?.rawValue,
                newExecutions.map(\.executedOn).min()?.description,
            ])
        guard updated == 1 else { return false }
        // Nothing waits for their outcome: they travel with the transaction's next statement.
        for execution in newExecutions {
            try await db.write(
                """
                INSERT INTO order_execution (order_id, asset_id, executed_on, amount, currency, recorded_by)
                VALUES ($1, $2, $3::date, $4::numeric, $5, $6)
                """,
                [order.id, execution.assetID, execution.executedOn.description, execution.amount?.amount, execution.amount?.currency.code, actor])
        }
        return true
    }

    public func addCorrection(_ correction: OrderDateCorrection, of orderID: UUID) async throws {
        try await db.execute(
            """
            INSERT INTO order_correction (order_id, step, execution_id, corrected_on, reason, recorded_by)
            VALUES ($1, $2, $3, $4::date, $5, $6)
            """,
            [orderID, correction.step.rawValue, correction.executionID, correction.correctedOn.description, correction.reason, correction.recordedBy])
    }

    /// Of `assetIDs`, those an executed freezing order other than `orderID` still holds.
    public func heldByOtherFreezes(_ assetIDs: [UUID], besides orderID: UUID) async throws -> Set<UUID> {
        Set(
            try await db.query(
                """
                SELECT DISTINCT e.asset_id FROM order_execution e JOIN legal_order o ON o.id = e.order_id
                WHERE e.asset_id = ANY($1::text[]::uuid[]) AND o.id <> $2 AND o.kind = 'freezing' AND o.status <> 'lifted'
                """, [assetIDs.map(\.lowercased), orderID]
            ).map { try $0.decode(UUID.self, 0) })
    }

    /// One execution as the order's row carries it.
    private struct StoredExecution: Decodable {
        let id: Int64
        let asset: UUID?
        let on: String
        let amount: String?
        let currency: String?
    }

    /// One correction as the order's row carries it.
    private struct StoredCorrection: Decodable {
        let step: String
        let execution: Int64?
        let asset: UUID?
        let on: String
        let reason: String
        let by: String
    }

    /// A JSON array the order's row carries; most orders have no executions or corrections,
    /// and an empty one costs no JSON decoder.
    private static func storedList<T: Decodable>(_ type: T.Type, _ row: Row, _ column: Int) throws -> [T] {
        let text = try row.decode(String.self, column)
        return text == "[]" ? [] : try decoder.decode([T].self, from: Data(text.utf8))
    }

    /// One for every row: a decoder costs more to make than a short list does to read.
    private static let decoder = JSONDecoder()

    static func decodeOwned(_ row: Row) throws -> Owned<LegalOrder> {
        let covered = try Row.money(row, 8, 9)
        let executions = try storedList(StoredExecution.self, row, 22).map { stored in
            OrderExecution(
                id: stored.id, assetID: stored.asset, executedOn: try Day(stored.on),
                amount: try stored.amount.map { Money(try Money.parseAmount($0), try Currency(code: stored.currency ?? "").orThrow("currency")) })
        }
        let corrections = try storedList(StoredCorrection.self, row, 24).map { stored in
            OrderDateCorrection(
                step: try OrderDateStep(rawValue: stored.step).orThrow("step"), executionID: stored.execution, asset: stored.asset,
                correctedOn: try Day(stored.on), reason: stored.reason, recordedBy: stored.by)
        }
        let order = try LegalOrder(
            id: row.decode(UUID.self, 0), caseID: row.decode(UUID.self, 1),
            kind: LegalOrder.Kind(rawValue: row.decode(String.self, 2)).orThrow("kind"), urgent: row.decode(Bool.self, 3),
            confirms: row.decode(UUID?.self, 16),
            confiscationType: row.decode(String?.self, 4).map { try ConfiscationType(rawValue: $0).orThrow("confiscation_type") },
            issuingState: CountryCode(recorded: row.decode(String.self, 17)), issuingAuthority: row.decode(String.self, 5),
            executingState: CountryCode(recorded: row.decode(String.self, 18)), decisionReference: row.decode(String.self, 6),
            decisionDate: Day(row.decode(String.self, 7)), coveredAmount: covered,
            assetIDs: row.decodeUUIDs(14),
            subjectIDs: row.decodeUUIDs(21),
            status: LegalOrder.Status(rawValue: row.decode(String.self, 10)).orThrow("status"),
            finalOn: row.decode(String?.self, 19).map { try Day($0) }, executions: executions,
            liftedOn: row.decode(String?.self, 11).map { try Day($0) },
            liftingGround: row.decode(String?.self, 20).map { try LiftingGround(rawValue: $0).orThrow("lifting_ground") },
            corrections: corrections, version: row.decode(Int.self, 12), createdAt: row.decode(Date.self, 13))
        return Owned(
            record: order, owner: try OfficeCode(row.decode(String.self, 15)),
            caseStatus: try CaseStatus(rawValue: row.decode(String.self, 23)).orThrow("status"))
    }
}

extension Array where Element == LegalOrder {
    /// A case's orders, read in the order recorded, by decision date as corrected.
    var byDecision: [LegalOrder] {
        enumerated().sorted { ($0.element.decisionDate, $0.offset) < ($1.element.decisionDate, $1.offset) }.map(\.element)
    }
}
