import ArcaDomain
import Foundation
import LibPQ

/// Reads the facts the yearly statistics are computed from (Docs/STATISTICS.md). Each query
/// selects the records of one calendar year; the counting and the conversion to euro are
/// ArcaDomain's.
public struct StatisticsRepository: Sendable {
    let db: Transaction

    /// The orders of `state`'s authorities executed in `state` whose first execution falls in
    /// the year, the property they first froze there in the year (with its value on that day),
    /// and the property and sums their confiscations recovered there in the year.
    public func domesticRecord(of state: CountryCode, in year: Int) async throws -> DomesticRecord {
        let span: [any PostgresEncodable] = [state.value, "\(year)-01-01", "\(year)-12-31"]
        let orders = try await db.query(
            """
            SELECT o.id, o.kind, o.decision_reference, first.executed_on::text, c.offences[1],
                ARRAY(SELECT DISTINCT a.category FROM order_asset oa JOIN asset a ON a.id = oa.asset_id WHERE oa.order_id = o.id ORDER BY 1)
            FROM legal_order o
            JOIN case_file c ON c.id = o.case_id
            CROSS JOIN LATERAL (SELECT min(e.executed_on) AS executed_on FROM order_execution e WHERE e.order_id = o.id) first
            WHERE o.issuing_state = $1 AND o.executing_state = $1 AND first.executed_on BETWEEN $2::date AND $3::date
            ORDER BY first.executed_on, o.id
            """, span
        ).map { row in
            ExecutedOrder(
                id: try row.decode(UUID.self, 0), kind: try LegalOrder.Kind(rawValue: row.decode(String.self, 1)).orThrow("kind"),
                decisionReference: try row.decode(String.self, 2), firstExecutedOn: try Day(row.decode(String.self, 3)),
                principalOffence: try OffenceCategory(rawValue: row.decode(String.self, 4)).orThrow("offences"),
                categories: try row.decode([String].self, 5).map { try AssetCategory(rawValue: $0).orThrow("category") })
        }
        // The first freeze of each asset under an order of this state executed here, and the
        // valuation dated on or before that day (the latest such, of one day the last entered).
        let freezes = try await db.query(
            """
            WITH first_freeze AS (
                SELECT e.asset_id, min(e.occurred_on) AS day
                FROM asset_event e JOIN legal_order o ON o.id = e.order_id
                WHERE e.action = 'freeze' AND o.issuing_state = $1 AND o.executing_state = $1
                GROUP BY e.asset_id)
            SELECT a.id, c.reference || ': ' || a.description, f.day::text, c.offences[1], a.category, v.amount::text, v.currency
            FROM first_freeze f
            JOIN asset a ON a.id = f.asset_id
            JOIN case_file c ON c.id = a.case_id
            LEFT JOIN LATERAL (
                SELECT amount, currency FROM valuation WHERE asset_id = a.id AND valued_on <= f.day ORDER BY valued_on DESC, created_at DESC LIMIT 1
            ) v ON true
            WHERE f.day BETWEEN $2::date AND $3::date
            ORDER BY f.day, a.id
            """, span
        ).map { row in try Self.property(row, entity: "asset", valueFixedOnColumn: 2) }
        // Each asset's confiscation executed in the year, valued on the day the confiscation was
        // ordered; and the sums a value confiscation recovered, in the year they were executed.
        let confiscations = try await db.query(
            """
            WITH executed AS (
                SELECT DISTINCT ON (e.asset_id) e.asset_id, e.executed_on, o.decision_date
                FROM order_execution e JOIN legal_order o ON o.id = e.order_id
                WHERE o.kind = 'confiscation' AND o.issuing_state = $1 AND o.executing_state = $1 AND e.asset_id IS NOT NULL
                ORDER BY e.asset_id, e.executed_on, e.id)
            SELECT a.id, c.reference || ': ' || a.description, x.executed_on::text, c.offences[1], a.category, v.amount::text, v.currency,
                x.decision_date::text
            FROM executed x
            JOIN asset a ON a.id = x.asset_id
            JOIN case_file c ON c.id = a.case_id
            LEFT JOIN LATERAL (
                SELECT amount, currency FROM valuation WHERE asset_id = a.id AND valued_on <= x.decision_date
                ORDER BY valued_on DESC, created_at DESC LIMIT 1
            ) v ON true
            WHERE x.executed_on BETWEEN $2::date AND $3::date
            ORDER BY x.executed_on, a.id
            """, span
        ).map { row in try Self.property(row, entity: "asset", valueFixedOnColumn: 7) }
        let sums = try await db.query(
            """
            SELECT o.id, c.reference || ': ' || o.decision_reference || ' (sum executed)', e.executed_on::text, c.offences[1], NULL::text,
                e.amount::text, e.currency, e.executed_on::text
            FROM order_execution e
            JOIN legal_order o ON o.id = e.order_id
            JOIN case_file c ON c.id = o.case_id
            WHERE o.kind = 'confiscation' AND o.issuing_state = $1 AND o.executing_state = $1 AND e.asset_id IS NULL
                AND e.executed_on BETWEEN $2::date AND $3::date
            ORDER BY e.executed_on, e.id
            """, span
        ).map { row in try Self.property(row, entity: "order", valueFixedOnColumn: 7) }
        return DomesticRecord(orders: orders, firstFreezes: freezes, confiscations: confiscations + sums)
    }

    /// id, label, day, principal offence, category, amount, currency, and the day fixing the value.
    private static func property(_ row: Row, entity: String, valueFixedOnColumn: Int) throws -> ValuedProperty {
        ValuedProperty(
            entity: entity, id: try row.decode(UUID.self, 0), label: try row.decode(String.self, 1), day: try Day(row.decode(String.self, 2)),
            principalOffence: try OffenceCategory(rawValue: row.decode(String.self, 3)).orThrow("offences"),
            category: try row.decode(String?.self, 4).map { try AssetCategory(rawValue: $0).orThrow("category") },
            value: try Row.money(row, 5, 6), valueFixedOn: try Day(row.decode(String.self, valueFixedOnColumn)))
    }
}
