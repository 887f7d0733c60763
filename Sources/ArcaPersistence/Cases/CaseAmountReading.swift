import ArcaDomain
import Foundation
import LibPQ

extension Store {
    /// Every amount that counts in the case's totals (`CaseAmount.Line` says which), each with
    /// the day of the event that fixed it, dates as corrected (migration 0022's views), in one
    /// statement. A value confiscation counts as its sum: the property it names is what the sum
    /// is enforced on, not more confiscated, so an asset held by no other standing confiscation
    /// is not counted again.
    public func caseAmounts(_ caseID: UUID) async throws -> [CaseAmount] {
        try await transaction.query(
            """
            SELECT 'frozen', 'asset', a.id::text, a.description, a.freezing_amount::text, a.freezing_currency, a.frozen_on::text
            FROM asset a WHERE a.case_id = $1 AND a.frozen_on IS NOT NULL
            UNION ALL
            SELECT CASE o.kind WHEN 'freezing' THEN 'frozen' ELSE 'realised' END, 'order_execution', e.id::text,
                o.decision_reference || CASE WHEN e.asset_id IS NULL THEN ' (sum executed)' ELSE ': ' || a.description END,
                e.amount::text, e.currency, e.executed_on::text
            FROM legal_order_dated o
            JOIN order_execution_dated e ON e.order_id = o.id
            LEFT JOIN asset a ON a.id = e.asset_id
            WHERE o.case_id = $1 AND e.amount IS NOT NULL AND (o.kind = 'confiscation' OR e.asset_id IS NULL)
            UNION ALL
            SELECT 'confiscated', 'asset', a.id::text, a.description, a.confiscation_amount::text, a.confiscation_currency,
                a.confiscation_ordered_on::text
            FROM asset a WHERE a.case_id = $1 AND a.confiscation_ordered_on IS NOT NULL
                AND EXISTS (
                    SELECT 1 FROM order_asset oa JOIN legal_order l ON l.id = oa.order_id
                    WHERE oa.asset_id = a.id AND l.kind = 'confiscation' AND l.status <> 'lifted' AND l.confiscation_type <> 'value')
            UNION ALL
            SELECT 'confiscated', 'legal_order', o.id::text, o.decision_reference || ' (sum confiscated)', l.covered_amount::text,
                l.covered_currency, o.decision_date::text
            FROM legal_order_dated o JOIN legal_order l ON l.id = o.id
            WHERE o.case_id = $1 AND o.kind = 'confiscation' AND o.confiscation_type = 'value' AND l.status <> 'lifted'
                AND l.covered_amount IS NOT NULL
            UNION ALL
            SELECT 'recovered', 'recovered_value', r.id::text, r.source || ' to ' || r.destination, r.amount::text, r.currency,
                r.received_on::text
            FROM recovered_value r WHERE r.case_id = $1
            UNION ALL
            SELECT 'management_costs', 'asset_management', m.id::text, a.description || ': ' || m.purpose, m.amount::text, m.currency,
                m.occurred_on::text
            FROM asset a JOIN asset_management m ON m.asset_id = a.id
            WHERE a.case_id = $1 AND m.kind = 'cost'
            UNION ALL
            SELECT 'management_costs', 'asset_event', e.id::text, a.description || ': disposal (' || e.disposal_outcome || ')',
                e.costs::text, e.costs_currency, d.occurred_on::text
            FROM asset a JOIN asset_event e ON e.asset_id = a.id JOIN asset_event_dated d ON d.id = e.id
            WHERE a.case_id = $1 AND e.costs IS NOT NULL
            ORDER BY 7, 2, 3
            """, [caseID]
        ).map { row in
            try CaseAmount(
                line: CaseAmount.Line(rawValue: row.decode(String.self, 0)).orThrow("line"), entity: row.decode(String.self, 1),
                id: row.decode(String.self, 2), label: row.decode(String.self, 3), value: Row.money(row, 4, 5),
                day: Day(row.decode(String.self, 6)))
        }
    }
}
