import ArcaDomain
import Foundation
import LibPQ

public struct CertificateRepository: Sendable {
    let db: Transaction

    static let columns = """
        c.id, c.office_code, c.case_id, c.direction, c.kind, c.order_id, c.counterpart_state, c.counterpart_office, c.channel,
        c.external_reference, c.state, c.received_at, c.version, c.created_at, c.updated_at, c.urgency_reason, c.deadline_rule,
        c.deadline_period, c.clock_started_at, c.deadline_at, c.decided_at, c.order_described::text
        """

    public func add(_ certificate: Certificate) async throws {
        try await db.write(
            """
            INSERT INTO certificate (id, office_code, case_id, direction, kind, order_id, counterpart_state, counterpart_office, channel,
                external_reference, state, received_at, version, created_at, updated_at, urgency_reason, deadline_rule, deadline_period,
                clock_started_at, deadline_at, decided_at, order_described)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb)
            """,
            [
                certificate.id, certificate.office.value, certificate.caseID, certificate.direction.rawValue, certificate.kind.rawValue,
                certificate.orderID, certificate.counterpart.state.value, certificate.counterpart.office, certificate.channel.rawValue,
                certificate.externalReference, certificate.state.rawValue, certificate.receivedAt, certificate.version,
                certificate.createdAt, certificate.updatedAt, certificate.urgencyReason, certificate.clock?.rule.rawValue, certificate.clock?.period,
                certificate.clock?.startedAt, certificate.clock?.deadline, certificate.decidedAt,
                try certificate.orderDescribed.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
            ])
    }

    /// The certificate, if it is `office`'s; locked for a change when asked.
    public func find(_ id: UUID, of office: OfficeCode, forUpdate: Bool = false) async throws -> Certificate? {
        try await db.query(
            "SELECT \(Self.columns) FROM certificate c WHERE c.id = $1 AND c.office_code = $2 \(forUpdate ? "FOR NO KEY UPDATE" : "")",
            [id, office.value]
        ).first.map(Self.decode)
    }

    /// One page of the certificates `filter` selects, plus one more when there are more.
    public func list(_ filter: CertificateFilter) async throws -> [Certificate] {
        var sql = SQLBuilder("SELECT \(Self.columns) FROM certificate c WHERE c.office_code = ?", filter.office.value)
        if let caseID = filter.caseID { sql.and("c.case_id = ?", caseID) }
        if let direction = filter.direction { sql.and("c.direction = ?", direction.rawValue) }
        if let state = filter.state { sql.and("c.state = ?", state.rawValue) }
        let key = filter.byDeadline ? "c.deadline_at" : "c.created_at"
        if let dueBefore = filter.dueBefore {
            sql.and("c.deadline_at IS NOT NULL AND c.decided_at IS NULL AND c.state NOT IN ('withdrawn', 'closed') AND c.deadline_at < ?", dueBefore)
        }
        if let after = filter.after {
            sql.and(filter.byDeadline ? "(\(key), c.id) > (?, ?2)" : "(\(key), c.id) < (?, ?2)", after.date, after.id)
        }
        sql.append(filter.byDeadline ? " ORDER BY \(key), c.id LIMIT ?" : " ORDER BY \(key) DESC, c.id DESC LIMIT ?", filter.limit + 1)
        return try await db.query(sql.text, sql.parameters).map(Self.decode)
    }

    /// Whether a certificate with this reference is registered already in `direction`.
    public func registered(_ externalReference: String, direction: RequestDirection, of office: OfficeCode) async throws -> Bool {
        try await !db.query(
            "SELECT 1 FROM certificate WHERE office_code = $1 AND direction = $2 AND external_reference = $3",
            [office.value, direction.rawValue, externalReference]
        ).isEmpty
    }

    /// The incoming certificate a partner knows by `reference` (its own id), if `office` holds one.
    public func find(reference: String, from partner: Counterpart, of office: OfficeCode, forUpdate: Bool = false) async throws -> Certificate? {
        try await db.query(
            """
            SELECT \(Self.columns) FROM certificate c
            WHERE c.office_code = $1 AND c.direction = 'incoming' AND c.channel = 'arca' AND c.external_reference = $2
                AND c.counterpart_state = $3 AND c.counterpart_office = $4 \(forUpdate ? "FOR NO KEY UPDATE" : "")
            """,
            [office.value, reference, partner.state.value, partner.office]
        ).first.map(Self.decode)
    }

    /// Stores the certificate's state, reference, dates, decision and links if it is still at version `version - 1`.
    public func update(_ certificate: Certificate) async throws -> Bool {
        try await db.execute(
            """
            UPDATE certificate SET state = $3, external_reference = $4, received_at = $5, updated_at = $6, decided_at = $7, case_id = $8,
                order_id = $9, version = $2
            WHERE id = $1 AND version = $2 - 1
            """,
            [
                certificate.id, certificate.version, certificate.state.rawValue, certificate.externalReference, certificate.receivedAt,
                certificate.updatedAt, certificate.decidedAt, certificate.caseID, certificate.orderID,
            ]) == 1
    }

    public func appendEvent(certificateID: UUID, _ event: CertificateEvent) async throws {
        try await db.write(
            """
            INSERT INTO certificate_event (certificate_id, action, from_state, to_state, occurred_at, actor_name, reason, refusal_ground)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            [
                certificateID, event.action, event.from?.rawValue, event.to.rawValue, event.occurredAt, event.actor, event.reason,
                event.refusalGround?.rawValue,
            ])
    }

    public func events(of certificateID: UUID) async throws -> [CertificateEvent] {
        try await db.query(
            """
            SELECT id, action, from_state, to_state, occurred_at, actor_name, reason, refusal_ground
            FROM certificate_event WHERE certificate_id = $1 ORDER BY id
            """, [certificateID]
        ).map { row in
            CertificateEvent(
                id: try row.decode(Int64.self, 0), action: try row.decode(String.self, 1),
                from: try row.decode(String?.self, 2).map { try CertificateState(rawValue: $0).orThrow("from_state") },
                to: try CertificateState(rawValue: row.decode(String.self, 3)).orThrow("to_state"), occurredAt: try row.decode(Date.self, 4),
                actor: try row.decode(String.self, 5), reason: try row.decode(String?.self, 6),
                refusalGround: try row.decode(String?.self, 7).map { try RefusalGround(rawValue: $0).orThrow("refusal_ground") })
        }
    }

    /// Records an amount recovered under the certificate. Migration 0018's trigger refuses
    /// one that would take the order's recoveries beyond its amount: `OrderAmountExceeded`.
    public func addRecovery(_ recovery: Recovery, orderID: UUID) async throws {
        do {
            try await insertRecovery(recovery, orderID: orderID)
        } catch let error as PostgresError where error.constraint == "certificate_recovery_within_order" {
            throw OrderAmountExceeded(message: error.message)
        }
    }

    private func insertRecovery(_ recovery: Recovery, orderID: UUID) async throws {
        try await db.execute(
            """
            INSERT INTO certificate_recovery (certificate_id, order_id, executing_state, amount, currency, recovered_on, recorded_by, reason)
            VALUES ($1, $2, $3, $4::numeric, $5, $6::date, $7, $8)
            """,
            [
                recovery.certificateID, orderID, recovery.state.value, recovery.amount.amount, recovery.amount.currency.code,
                recovery.recoveredOn.description, recovery.recordedBy, recovery.reason,
            ])
    }

    /// Every amount recovered under any certificate carrying the order, oldest first.
    public func recoveries(ofOrder orderID: UUID) async throws -> [Recovery] {
        try await db.query(
            """
            SELECT id, certificate_id, executing_state, amount::text, currency, recovered_on::text, recorded_by, reason
            FROM certificate_recovery WHERE order_id = $1 ORDER BY id
            """, [orderID]
        ).map { row in
            Recovery(
                id: try row.decode(Int64.self, 0), certificateID: try row.decode(UUID.self, 1),
                state: try CountryCode(recorded: row.decode(String.self, 2)),
                amount: try Row.money(row, 3, 4).orThrow("amount"), recoveredOn: try Day(row.decode(String.self, 5)),
                recordedBy: try row.decode(String.self, 6), reason: try row.decode(String?.self, 7))
        }
    }

    /// Records how the money realised under an incoming confiscation certificate was shared (Art 30).
    public func addSharing(_ split: SharingSplit, certificateID: UUID, at instant: Date, by actor: String) async throws {
        try await db.write(
            """
            INSERT INTO certificate_sharing (certificate_id, currency, realised, to_victims, to_issuing_state, kept, basis, threshold,
                threshold_currency, issuing_state_percent, source, recorded_at, recorded_by)
            VALUES ($1, $2, $3::numeric, $4::numeric, $5::numeric, $6::numeric, $7, $8::numeric, $9, $10::numeric, $11, $12, $13)
            """,
            [
                certificateID, split.realised.currency.code, split.realised.amountText, split.toVictims.amountText, split.toIssuingState.amountText,
                split.keptByExecutingState.amountText, split.basis.rawValue, split.rule.threshold?.amountText, split.rule.threshold?.currency.code,
                "\(split.rule.issuingStatePercent)", SharingRule.source, instant, actor,
            ])
    }

    /// How the money realised under the certificate was shared, if it was.
    public func sharing(of certificateID: UUID) async throws -> SharingSplit? {
        try await db.query(
            """
            SELECT currency, realised::text, to_victims::text, to_issuing_state::text, kept::text, basis, threshold::text, threshold_currency,
                issuing_state_percent::text
            FROM certificate_sharing WHERE certificate_id = $1
            """, [certificateID]
        ).first.map { row in
            func money(_ column: Int) throws -> Money { try Row.money(row, column, 0).orThrow("certificate_sharing") }
            let percent = try Money.parseAmount(row.decode(String.self, 8))
            let rule: SharingRule
            if let threshold = try Row.money(row, 6, 7) {
                rule = try SharingRule(threshold: threshold, issuingStatePercent: percent)
            } else {
                rule = try SharingRule.bilateral(issuingStatePercent: percent)
            }
            return SharingSplit(
                realised: try money(1), toVictims: try money(2), toIssuingState: try money(3), keptByExecutingState: try money(4), rule: rule,
                basis: try SharingRule.Basis(rawValue: row.decode(String.self, 5)).orThrow("basis"))
        }
    }

    static func decode(_ row: Row) throws -> Certificate {
        let clock = try row.decode(String?.self, 16).map { rule in
            RequestClock(
                rule: try DeadlineRule(rawValue: rule).orThrow("deadline_rule"), period: try row.decode(String.self, 17),
                startedAt: try row.decode(Date.self, 18), deadline: try row.decode(Date.self, 19))
        }
        return Certificate(
            id: try row.decode(UUID.self, 0), office: try OfficeCode(row.decode(String.self, 1)), caseID: try row.decode(UUID?.self, 2),
            direction: try RequestDirection(rawValue: row.decode(String.self, 3)).orThrow("direction"),
            kind: try CertificateKind(rawValue: row.decode(String.self, 4)).orThrow("kind"), orderID: try row.decode(UUID?.self, 5),
            orderDescribed: try row.decode(String?.self, 21).map { try JSONDecoder().decode(CertifiedOrder.self, from: Data($0.utf8)) },
            counterpart: Counterpart(state: try CountryCode(recorded: row.decode(String.self, 6)), office: try row.decode(String.self, 7)),
            channel: try Channel(rawValue: row.decode(String.self, 8)).orThrow("channel"), externalReference: try row.decode(String?.self, 9),
            state: try CertificateState(rawValue: row.decode(String.self, 10)).orThrow("state"), receivedAt: try row.decode(Date?.self, 11),
            urgencyReason: try row.decode(String?.self, 15), clock: clock, decidedAt: try row.decode(Date?.self, 20),
            version: try row.decode(Int.self, 12), createdAt: try row.decode(Date.self, 13), updatedAt: try row.decode(Date.self, 14))
    }
}

/// The database refused an amount recovered: with it, the order's recoveries would exceed
/// the order (Reg 2018/1805 Art 16; migration 0018).
public struct OrderAmountExceeded: Error, Sendable {
    public let message: String
}
