import ArcaDomain
import Foundation
import LibPQ
import Synchronization

/// Reads the facts the yearly statistics are computed from (Docs/STATISTICS.md). Each query
/// selects the records of one calendar year; the counting and the conversion to euro are
/// ArcaDomain's.
public struct StatisticsRepository: Sendable {
    let db: Transaction

    /// The orders of `state`'s authorities executed in `state` whose first execution falls in the year.
    public func ordersFirstExecuted(of state: CountryCode, in year: Int) async throws -> [DomesticOrder] {
        try await db.query(
            """
            WITH candidate AS (
                -- First executed in the year as recorded (legal_order.first_executed_on), or with a corrected execution.
                SELECT l.id FROM legal_order l WHERE l.first_executed_on BETWEEN $2::date AND $3::date
                UNION
                SELECT e.order_id FROM order_correction k JOIN order_execution e ON e.id = k.execution_id),
            first AS (
                SELECT e.order_id, min(e.executed_on) AS executed_on
                FROM candidate x JOIN order_execution_dated e ON e.order_id = x.id
                GROUP BY e.order_id)
            SELECT \(Self.orderColumns("first.executed_on"))
            FROM first
            JOIN legal_order_dated o ON o.id = first.order_id
            JOIN case_file c ON c.id = o.case_id
            WHERE \(Self.domestic) AND first.executed_on BETWEEN $2::date AND $3::date
            ORDER BY first.executed_on, o.id
            """, Self.span(state, year)
        ).map(Self.order)
    }

    /// The confiscation orders of `state`'s authorities decided in the year, wherever executed.
    public func confiscationsIssued(of state: CountryCode, in year: Int) async throws -> [DomesticOrder] {
        try await db.query(
            """
            WITH candidate AS (
                SELECT l.id FROM legal_order l WHERE l.kind = 'confiscation' AND l.decision_date BETWEEN $2::date AND $3::date
                UNION
                SELECT k.order_id FROM order_correction k WHERE k.step = 'decision')
            SELECT \(Self.orderColumns("o.decision_date"))
            FROM candidate x
            JOIN legal_order_dated o ON o.id = x.id
            JOIN case_file c ON c.id = o.case_id
            WHERE o.kind = 'confiscation' AND o.issuing_state = $1 AND o.decision_date BETWEEN $2::date AND $3::date
            ORDER BY o.decision_date, o.id
            """, Self.span(state, year)
        ).map(Self.order)
    }

    /// The property (or sums) `state`'s freezes first froze there in the year, valued that day.
    public func firstFreezes(of state: CountryCode, in year: Int) async throws -> [ValuedProperty] {
        try await property(executedBy: "freezing", valuedOn: "x.executed_on", Self.span(state, year))
    }

    /// The property and sums `state`'s confiscations recovered there in the year, valued on the
    /// day of the decision.
    public func confiscationsExecuted(of state: CountryCode, in year: Int) async throws -> [ValuedProperty] {
        try await property(executedBy: "confiscation", valuedOn: "x.decision_date", Self.span(state, year))
    }

    /// `$1` the state, `$2` and `$3` the year's first and last days.
    static func span(_ state: CountryCode, _ year: Int) -> [any PostgresEncodable] {
        [state.value, "\(year)-01-01", "\(year)-12-31"]
    }

    /// The property orders of `kind` first executed here in the year, each asset once (its first
    /// such execution), valued on the day `valuedOn` names; and the sums they executed (no asset),
    /// at their amount on the day of execution.
    private func property(executedBy kind: String, valuedOn: String, _ span: [any PostgresEncodable]) async throws -> [ValuedProperty] {
        let assets = try await db.query(
            """
            WITH candidate AS (\(Self.executionsPossiblyIn("e.asset_id", where: "e.asset_id IS NOT NULL"))),
            executed AS (
                SELECT DISTINCT ON (e.asset_id) e.asset_id, e.executed_on, o.decision_date
                FROM candidate x
                JOIN order_execution_dated e ON e.asset_id = x.asset_id
                JOIN legal_order_dated o ON o.id = e.order_id
                WHERE o.kind = '\(kind)' AND \(Self.domestic)
                ORDER BY e.asset_id, e.executed_on, e.id)
            SELECT a.id::text, c.reference || ': ' || a.description, x.executed_on::text, coalesce(c.offences, '{}'), a.category, v.amount::text, v.currency,
                (\(valuedOn))::text
            FROM executed x
            JOIN asset a ON a.id = x.asset_id
            JOIN case_file c ON c.id = a.case_id
            LEFT JOIN LATERAL (
                SELECT amount, currency FROM valuation
                WHERE asset_id = a.id AND valued_on <= \(valuedOn) ORDER BY valued_on DESC, created_at DESC, id DESC LIMIT 1
            ) v ON true
            WHERE x.executed_on BETWEEN $2::date AND $3::date
            ORDER BY x.executed_on, a.id
            """, span
        ).map { try Self.property($0, entity: "asset") }
        let sums = try await db.query(
            """
            SELECT e.id::text, c.reference || ': ' || o.decision_reference || ' (sum executed)', e.executed_on::text, coalesce(c.offences, '{}'), NULL::text,
                e.amount::text, e.currency, e.executed_on::text
            FROM (\(Self.executionsPossiblyIn("e.id", where: "e.asset_id IS NULL"))) x
            JOIN order_execution_dated e ON e.id = x.id
            JOIN legal_order_dated o ON o.id = e.order_id
            JOIN case_file c ON c.id = o.case_id
            WHERE o.kind = '\(kind)' AND \(Self.domestic) AND e.executed_on BETWEEN $2::date AND $3::date
            ORDER BY e.executed_on, e.id
            """, span
        ).map { try Self.property($0, entity: "order_execution") }
        return assets + sums
    }

    /// What the office's own summary counts from `first` through `last` (Docs/STATISTICS.md, "The
    /// office's summary"): property identified, first frozen and confiscated here under `state`'s
    /// orders (as S3 and S4 read them), money received, and how long confiscated property had
    /// been frozen.
    public func summaryRecord(of state: CountryCode, from first: Int, through last: Int) async throws -> SummaryRecord {
        let span: [any PostgresEncodable] = [state.value, "\(first)-01-01", "\(last)-12-31"]
        let traced = try await db.query(
            """
            SELECT a.id::text, c.reference || ': ' || a.description, a.identified_on::text, coalesce(c.offences, '{}'), a.category,
                v.amount::text, v.currency, a.identified_on::text
            FROM asset a
            JOIN case_file c ON c.id = a.case_id
            LEFT JOIN LATERAL (
                SELECT amount, currency FROM valuation
                WHERE asset_id = a.id AND valued_on <= a.identified_on ORDER BY valued_on DESC, created_at DESC, id DESC LIMIT 1
            ) v ON true
            WHERE a.identified_on BETWEEN $1::date AND $2::date
            ORDER BY a.identified_on, a.id
            """, Array(span.dropFirst())
        ).map { try Self.property($0, entity: "asset") }
        let recovered = try await db.query(
            """
            SELECT r.id::text, c.reference || ': ' || r.source || ' to ' || r.destination, r.received_on::text, coalesce(c.offences, '{}'), NULL::text,
                r.amount::text, r.currency, r.received_on::text
            FROM recovered_value r JOIN case_file c ON c.id = r.case_id
            WHERE r.received_on BETWEEN $1::date AND $2::date
            ORDER BY r.received_on, r.id
            """, Array(span.dropFirst())
        ).map { try Self.property($0, entity: "recovered_value") }
        let held = try await db.query(
            """
            WITH confiscated AS (
                SELECT DISTINCT ON (e.asset_id) e.asset_id, e.executed_on
                FROM order_execution_dated e JOIN legal_order_dated o ON o.id = e.order_id
                WHERE o.kind = 'confiscation' AND \(Self.domestic) AND e.asset_id IS NOT NULL
                ORDER BY e.asset_id, e.executed_on, e.id)
            SELECT x.asset_id::text, f.frozen_on::text, x.executed_on::text
            FROM confiscated x
            CROSS JOIN LATERAL (
                SELECT min(e.executed_on) AS frozen_on FROM order_execution_dated e JOIN legal_order_dated o ON o.id = e.order_id
                WHERE e.asset_id = x.asset_id AND o.kind = 'freezing' AND \(Self.domestic)) f
            WHERE x.executed_on BETWEEN $2::date AND $3::date AND f.frozen_on IS NOT NULL
            ORDER BY x.executed_on, x.asset_id
            """, span
        ).map { row in
            FrozenBeforeConfiscation(
                assetID: try row.decode(String.self, 0), frozenOn: try Day(row.decode(String.self, 1)), confiscatedOn: try Day(row.decode(String.self, 2)))
        }
        return SummaryRecord(
            traced: traced, frozen: try await property(executedBy: "freezing", valuedOn: "x.executed_on", span),
            confiscated: try await property(executedBy: "confiscation", valuedOn: "x.decision_date", span), recovered: recovered,
            frozenBeforeConfiscation: held)
    }

    /// The case's offences in column `column`, the principal first; none for a record with no case here.
    static func offences(_ row: Row, _ column: Int) throws -> [OffenceCategory] {
        // A few hundred lists of offences recur over hundreds of thousands of rows: each is read once.
        let text = try row.decode(String.self, column)
        if let known = knownOffences.withLock({ $0[text] }) { return known }
        let offences = try row.decode([String].self, column).map { try OffenceCategory(rawValue: $0).orThrow("offences") }
        knownOffences.withLock { known in
            if known.count >= 4_096 { known.removeAll(keepingCapacity: true) }
            known[text] = offences
        }
        return offences
    }

    private static let knownOffences = Mutex<[String: [OffenceCategory]]>([:])

    /// An order (`o`) of the state `$1` names, executed there.
    static let domestic = "o.issuing_state = $1 AND o.executing_state = $1"

    /// `column` of the executions (`e`, and `where`) whose day as corrected may fall between `$2`
    /// and `$3`: those recorded on a day in the span, and those whose day was corrected. The
    /// span is found by index, and only these are read through the corrected-date views.
    static func executionsPossiblyIn(_ column: String, where condition: String = "true") -> String {
        """
        SELECT \(column) FROM order_execution e WHERE e.executed_on BETWEEN $2::date AND $3::date AND \(condition)
        UNION
        SELECT \(column) FROM order_correction k JOIN order_execution e ON e.id = k.execution_id WHERE \(condition)
        """
    }

    /// An order (`o`) of case `c` with the day `day` names, as `order` reads it.
    static func orderColumns(_ day: String) -> String {
        """
        o.id, o.kind, o.confiscation_type, o.decision_reference, (\(day))::text, coalesce(c.offences, '{}'),
            o.asset_categories
        """
    }

    static func order(_ row: Row) throws -> DomesticOrder {
        DomesticOrder(
            id: try row.decode(UUID.self, 0), kind: try LegalOrder.Kind(rawValue: row.decode(String.self, 1)).orThrow("kind"),
            confiscationType: try row.decode(String?.self, 2).map { try ConfiscationType(rawValue: $0).orThrow("confiscation_type") },
            decisionReference: try row.decode(String.self, 3), day: try Day(row.decode(String.self, 4)),
            offences: try Self.offences(row, 5),
            categories: try row.decode([String].self, 6).map { try AssetCategory(rawValue: $0).orThrow("category") })
    }

    /// The certificates this state's offices transmitted in the year (the day each was sent, in
    /// the sending office's time zone) and the amounts executing states recovered in the year.
    public func crossBorderRecord(in year: Int) async throws -> CrossBorderRecord {
        let span: [any PostgresEncodable] = ["\(year)-01-01", "\(year)-12-31"]
        let transmitted = try await db.query(
            """
            SELECT t.id, t.kind, c.reference || ': ' || o.decision_reference || ' to ' || t.counterpart_office, t.sent_on::text, t.counterpart_state,
                coalesce(c.offences, '{}'),
                o.asset_categories
            FROM (
                SELECT x.*, (x.received_at AT TIME ZONE f.time_zone)::date AS sent_on
                FROM certificate x JOIN office f ON f.code = x.office_code
                WHERE x.direction = 'outgoing' AND x.received_at IS NOT NULL) t
            JOIN legal_order o ON o.id = t.order_id
            JOIN case_file c ON c.id = t.case_id
            WHERE t.sent_on BETWEEN $1::date AND $2::date
            ORDER BY t.sent_on, t.id
            """, span
        ).map { row in
            TransmittedCertificate(
                id: try row.decode(UUID.self, 0), kind: try CertificateKind(rawValue: row.decode(String.self, 1)).orThrow("kind"),
                label: try row.decode(String.self, 2), sentOn: try Day(row.decode(String.self, 3)),
                executingState: try CountryCode(recorded: row.decode(String.self, 4)),
                offences: try Self.offences(row, 5),
                categories: try row.decode([String].self, 6).map { try AssetCategory(rawValue: $0).orThrow("category") })
        }
        let recovered = try await db.query(
            """
            SELECT r.id::text, c.reference || ': recovered by ' || r.executing_state || ' under ' || o.decision_reference, r.recovered_on::text,
                r.executing_state, coalesce(c.offences, '{}'), r.amount::text, r.currency
            FROM certificate_recovery r
            JOIN legal_order o ON o.id = r.order_id
            JOIN case_file c ON c.id = o.case_id
            WHERE r.recovered_on BETWEEN $1::date AND $2::date
            ORDER BY r.recovered_on, r.id
            """, span
        ).map { row in
            RecoveredAbroad(
                id: try row.decode(String.self, 0), label: try row.decode(String.self, 1), recoveredOn: try Day(row.decode(String.self, 2)),
                executingState: try CountryCode(recorded: row.decode(String.self, 3)),
                offences: try Self.offences(row, 4),
                amount: try Row.money(row, 5, 6).orThrow("amount"))
        }
        // Each incoming certificate's recognition decision (its first recognise or refuse), and
        // its first execution; days in the receiving office's time zone.
        let decisions = try await db.query(
            """
            SELECT t.id, t.kind, t.counterpart_office || ' (' || t.counterpart_state || ')' || coalesce(' ' || t.external_reference, ''),
                t.counterpart_state, d.action = 'recognise', (d.occurred_at AT TIME ZONE f.time_zone)::date::text, d.refusal_ground,
                (SELECT (min(x.occurred_at) AT TIME ZONE f.time_zone)::date FROM certificate_event x WHERE x.certificate_id = t.id AND x.action = 'execute')::text,
                coalesce(c.offences, '{}')
            FROM certificate t
            JOIN office f ON f.code = t.office_code
            CROSS JOIN LATERAL (
                SELECT e.action, e.occurred_at, e.refusal_ground FROM certificate_event e
                WHERE e.certificate_id = t.id AND e.action IN ('recognise', 'refuse') ORDER BY e.id LIMIT 1) d
            LEFT JOIN case_file c ON c.id = t.case_id
            WHERE t.direction = 'incoming' AND (d.occurred_at AT TIME ZONE f.time_zone)::date BETWEEN $1::date AND $2::date
            ORDER BY d.occurred_at, t.id
            """, span
        ).map { row in
            RecognitionDecision(
                id: try row.decode(UUID.self, 0), kind: try CertificateKind(rawValue: row.decode(String.self, 1)).orThrow("kind"),
                label: try row.decode(String.self, 2), issuingState: try CountryCode(recorded: row.decode(String.self, 3)),
                recognised: try row.decode(Bool.self, 4), decidedOn: try Day(row.decode(String.self, 5)),
                refusalGround: try row.decode(String?.self, 6).map { try RefusalGround(rawValue: $0).orThrow("refusal_ground") },
                executedOn: try row.decode(String?.self, 7).map { try Day($0) },
                offences: try Self.offences(row, 8))
        }
        // Each incoming certificate executed in the year or whose executed confiscation redressed
        // a victim in the year: its receipt, first execution, and the first redress of the year
        // (its disposal paying victims' claims under Art 30, property of its order disposed of to a
        // victim, or money of its case received and paid to a victim, from property of its order
        // or from no one asset, on or after the certificate's execution).
        let received = try await db.query(
            """
            SELECT t.id, t.kind, t.counterpart_office || ' (' || t.counterpart_state || ')' || coalesce(' ' || t.external_reference, ''),
                t.counterpart_state, (t.received_at AT TIME ZONE f.time_zone)::date::text, x.executed_on::text, v.redressed_on::text, coalesce(c.offences, '{}')
            FROM certificate t
            JOIN office f ON f.code = t.office_code
            LEFT JOIN case_file c ON c.id = t.case_id
            CROSS JOIN LATERAL (
                SELECT (min(e.occurred_at) AT TIME ZONE f.time_zone)::date AS executed_on FROM certificate_event e
                WHERE e.certificate_id = t.id AND e.action = 'execute') x
            CROSS JOIN LATERAL (
                SELECT min(day) AS redressed_on FROM (
                    SELECT (d.occurred_at AT TIME ZONE f.time_zone)::date AS day
                    FROM certificate_sharing s JOIN certificate_event d ON d.certificate_id = s.certificate_id AND d.action = 'dispose'
                    WHERE s.certificate_id = t.id AND s.to_victims > 0
                    UNION ALL
                    SELECT a.occurred_on FROM order_asset oa JOIN asset_event_dated a ON a.asset_id = oa.asset_id
                    WHERE oa.order_id = t.order_id AND a.disposal_outcome IN ('restituted_to_victim', 'victim_compensation')
                        AND a.occurred_on >= x.executed_on
                    UNION ALL
                    SELECT r.received_on FROM recovered_value r
                    WHERE r.case_id = t.case_id AND r.destination = 'victim_compensation' AND r.received_on >= x.executed_on
                        AND (r.asset_id IS NULL OR EXISTS (SELECT 1 FROM order_asset oa WHERE oa.order_id = t.order_id AND oa.asset_id = r.asset_id))
                    ) redress
                WHERE day BETWEEN $1::date AND $2::date) v
            WHERE t.direction = 'incoming' AND t.received_at IS NOT NULL
                AND (x.executed_on BETWEEN $1::date AND $2::date OR v.redressed_on BETWEEN $1::date AND $2::date)
            ORDER BY t.received_at, t.id
            """, span
        ).map { row in
            ReceivedCertificate(
                id: try row.decode(UUID.self, 0), kind: try CertificateKind(rawValue: row.decode(String.self, 1)).orThrow("kind"),
                label: try row.decode(String.self, 2), issuingState: try CountryCode(recorded: row.decode(String.self, 3)),
                receivedOn: try Day(row.decode(String.self, 4)), executedOn: try row.decode(String?.self, 5).map { try Day($0) },
                victimRedressOn: try row.decode(String?.self, 6).map { try Day($0) },
                offences: try Self.offences(row, 7))
        }
        return CrossBorderRecord(transmitted: transmitted, recovered: recovered, decisions: decisions, received: received)
    }

    /// The interim sales of the year with their proceeds, and the property given to social or
    /// public reuse in the year with its value at confiscation (dates as corrected).
    public func managedProperty(in year: Int) async throws -> [ManagedProperty] {
        try await db.query(
            """
            SELECT a.id, c.reference || ': ' || a.description, CASE e.action WHEN 'sell_interim' THEN 'interim_sale' ELSE 'reuse' END,
                e.occurred_on::text, coalesce(c.offences, '{}'), a.category,
                CASE e.action WHEN 'sell_interim' THEN e.amount ELSE a.confiscation_amount END::text,
                CASE e.action WHEN 'sell_interim' THEN e.currency ELSE a.confiscation_currency END,
                CASE e.action WHEN 'sell_interim' THEN e.occurred_on ELSE a.confiscation_ordered_on END::text,
                e.disposal_outcome
            FROM (
                -- Recorded on a day of the year, or with a corrected day (the views give the right one).
                SELECT m.id FROM asset_event m
                WHERE m.action IN ('sell_interim', 'dispose') AND m.occurred_on BETWEEN $1::date AND $2::date
                UNION
                SELECT k.corrects_event_id FROM asset_event k WHERE k.corrects_event_id IS NOT NULL) x
            JOIN asset_event_dated e ON e.id = x.id
            JOIN asset a ON a.id = e.asset_id
            JOIN case_file c ON c.id = a.case_id
            WHERE (e.action = 'sell_interim' OR (e.action = 'dispose' AND e.disposal_outcome IN ('social_reuse', 'public_use')))
                AND e.occurred_on BETWEEN $1::date AND $2::date
            ORDER BY e.occurred_on, e.id
            """, ["\(year)-01-01", "\(year)-12-31"]
        ).map { row in
            ManagedProperty(
                assetID: try row.decode(UUID.self, 0), label: try row.decode(String.self, 1),
                kind: try ManagedProperty.Kind(rawValue: row.decode(String.self, 2)).orThrow("kind"), day: try Day(row.decode(String.self, 3)),
                offences: try Self.offences(row, 4),
                category: try AssetCategory(rawValue: row.decode(String.self, 5)).orThrow("category"), value: try Row.money(row, 6, 7),
                valueFixedOn: try row.decode(String?.self, 8).map { try Day($0) }, outcome: try row.decode(String?.self, 9))
        }
    }

    /// The moves of ARO information requests S11 counts, in the year (days in the office's time
    /// zone): outgoing ones sent, incoming ones received, first answered (late when after the
    /// deadline) or refused.
    public func requestMoves(in year: Int) async throws -> [RequestMove] {
        try await db.query(
            """
            SELECT r.id, r.counterpart_office || ' (' || r.counterpart_state || ')' || coalesce(' ' || r.external_reference, ''),
                CASE WHEN e.action IN ('answer_in_full', 'answer_in_part') THEN 'answered' WHEN e.action = 'refuse' THEN 'refused'
                    WHEN e.action = 'send' THEN 'sent' ELSE 'received' END,
                (e.occurred_at AT TIME ZONE f.time_zone)::date::text, r.urgency_reason IS NOT NULL, r.counterpart_state, coalesce(c.offences, '{}'), e.refusal_ground,
                coalesce(e.occurred_at > r.deadline_at, false)
            FROM exchange_request_event e
            JOIN exchange_request r ON r.id = e.request_id
            JOIN office f ON f.code = r.office_code
            LEFT JOIN case_file c ON c.id = r.case_id
            WHERE r.kind = 'information_request' AND (e.occurred_at AT TIME ZONE f.time_zone)::date BETWEEN $1::date AND $2::date
                AND ((r.direction = 'outgoing' AND e.action = 'send')
                    OR (r.direction = 'incoming' AND e.action IN ('receive', 'refuse'))
                    OR (r.direction = 'incoming' AND e.action IN ('answer_in_full', 'answer_in_part') AND NOT EXISTS (
                        SELECT 1 FROM exchange_request_event p
                        WHERE p.request_id = e.request_id AND p.action IN ('answer_in_full', 'answer_in_part') AND p.id < e.id)))
            ORDER BY e.occurred_at, e.id
            """, ["\(year)-01-01", "\(year)-12-31"]
        ).map { row in
            RequestMove(
                requestID: try row.decode(UUID.self, 0), label: try row.decode(String.self, 1),
                kind: try RequestMove.Kind(rawValue: row.decode(String.self, 2)).orThrow("kind"), day: try Day(row.decode(String.self, 3)),
                urgent: try row.decode(Bool.self, 4), counterpart: try CountryCode(recorded: row.decode(String.self, 5)),
                offences: try Self.offences(row, 6),
                refusalGround: try row.decode(String?.self, 7).map { try RefusalGround(rawValue: $0).orThrow("refusal_ground") },
                late: try row.decode(Bool.self, 8))
        }
    }

    /// id, label, day, principal offence, category, amount, currency, and the day fixing the value.
    private static func property(_ row: Row, entity: String) throws -> ValuedProperty {
        ValuedProperty(
            entity: entity, id: try row.decode(String.self, 0), label: try row.decode(String.self, 1), day: try Day(row.decode(String.self, 2)),
            offences: try Self.offences(row, 3),
            category: try row.decode(String?.self, 4).map { try AssetCategory(rawValue: $0).orThrow("category") },
            value: try Row.money(row, 5, 6), valueFixedOn: try Day(row.decode(String.self, 7)))
    }
}
