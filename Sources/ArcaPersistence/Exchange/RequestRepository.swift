import ArcaDomain
import Foundation
import LibPQ

public struct RequestRepository: Sendable {
    let db: Transaction

    static let columns = """
        r.id, r.office_code, r.case_id, r.direction, r.kind, r.counterpart_state, r.counterpart_office, r.channel,
        r.external_reference, r.urgency_reason, r.directly_accessible, r.offence, r.circumstances, r.information_sought,
        r.reasons_to_believe, r.purpose, r.restrictions, r.state, r.received_at, r.deadline_rule, r.deadline_period,
        r.clock_started_at, r.deadline_at, r.version, r.created_at, r.updated_at, r.answered_at,
        r.persons_concerned::text, r.objects_concerned::text,
        ARRAY(SELECT s.subject_id::text FROM exchange_request_subject s WHERE s.request_id = r.id ORDER BY s.subject_id),
        ARRAY(SELECT a.asset_id::text FROM exchange_request_asset a WHERE a.request_id = r.id ORDER BY a.asset_id)
        """

    public func add(_ request: CrossBorderRequest) async throws {
        try await db.execute(
            """
            INSERT INTO exchange_request (id, office_code, case_id, direction, kind, counterpart_state, counterpart_office, channel,
                external_reference, urgency_reason, directly_accessible, offence, circumstances, information_sought,
                reasons_to_believe, purpose, restrictions, state, received_at, version, created_at, updated_at, deadline_rule,
                deadline_period, clock_started_at, deadline_at, persons_concerned, objects_concerned)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
                $27::jsonb, $28::jsonb)
            """,
            [
                request.id, request.office.value, request.caseID, request.direction.rawValue, request.kind.rawValue,
                request.counterpart.state.value, request.counterpart.office, request.channel.rawValue, request.externalReference,
                request.urgencyReason, request.directlyAccessible, request.form.offence, request.form.circumstances,
                request.form.informationSought, request.form.reasonsToBelieve, request.form.purpose, request.form.restrictions,
                request.state.rawValue, request.receivedAt, request.version, request.createdAt, request.updatedAt,
                request.clock?.rule.rawValue, request.clock?.period, request.clock?.startedAt, request.clock?.deadline,
                try Self.json(request.personsConcerned), try Self.json(request.objectsConcerned),
            ])
        if !request.subjectIDs.isEmpty {
            try await db.write(
                "INSERT INTO exchange_request_subject (request_id, subject_id) SELECT $1, unnest($2::text[])::uuid",
                [request.id, request.subjectIDs.map(\.lowercased)])
        }
        if !request.assetIDs.isEmpty {
            try await db.write(
                "INSERT INTO exchange_request_asset (request_id, asset_id) SELECT $1, unnest($2::text[])::uuid",
                [request.id, request.assetIDs.map(\.lowercased)])
        }
    }

    /// The request, if it is `office`'s; locked for a change when asked.
    public func find(_ id: UUID, of office: OfficeCode, forUpdate: Bool = false) async throws -> CrossBorderRequest? {
        try await db.query(
            "SELECT \(Self.columns) FROM exchange_request r WHERE r.id = $1 AND r.office_code = $2 \(forUpdate ? "FOR NO KEY UPDATE" : "")",
            [id, office.value]
        ).first.map(Self.decode)
    }

    /// The request registered already for this message of `channel`, if any.
    public func registered(_ externalReference: String, channel: Channel, direction: RequestDirection, of office: OfficeCode) async throws -> UUID? {
        try await db.query(
            "SELECT id FROM exchange_request WHERE office_code = $1 AND direction = $2 AND channel = $3 AND external_reference = $4",
            [office.value, direction.rawValue, channel.rawValue, externalReference]
        ).first.map { try $0.decode(UUID.self, 0) }
    }

    /// Stores the request's state, case, reference, urgency, access, receipt, clock and answer if
    /// it is still at version `version - 1`.
    public func update(_ request: CrossBorderRequest) async throws -> Bool {
        try await db.execute(
            """
            UPDATE exchange_request SET state = $3, received_at = $4, deadline_rule = $5, deadline_period = $6,
                clock_started_at = $7, deadline_at = $8, updated_at = $9, urgency_reason = $10, directly_accessible = $11,
                answered_at = $12, external_reference = $13, case_id = $14, version = $2
            WHERE id = $1 AND version = $2 - 1
            """,
            [
                request.id, request.version, request.state.rawValue, request.receivedAt, request.clock?.rule.rawValue,
                request.clock?.period, request.clock?.startedAt, request.clock?.deadline, request.updatedAt, request.urgencyReason,
                request.directlyAccessible, request.answeredAt, request.externalReference, request.caseID,
            ]) == 1
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// One page of the requests `filter` selects, plus one more when there are more.
    public func list(_ filter: RequestFilter) async throws -> [CrossBorderRequest] {
        let sql = Self.listQuery(filter)
        return try await db.query(sql.text, sql.parameters).map(Self.decode)
    }

    static func listQuery(_ filter: RequestFilter) -> SQLBuilder {
        var sql = SQLBuilder("SELECT \(Self.columns) FROM exchange_request r WHERE r.office_code = ?", filter.office.value)
        if let caseID = filter.caseID { sql.and("r.case_id = ?", caseID) }
        if let direction = filter.direction { sql.and("r.direction = ?", direction.rawValue) }
        if let state = filter.state { sql.and("r.state = ?", state.rawValue) }
        let key = filter.byDeadline ? "r.deadline_at" : "r.created_at"
        if let dueBefore = filter.dueBefore {
            let waiting = RequestState.allCases.filter(\.awaitsAnswer).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            sql.and("r.deadline_at IS NOT NULL AND r.state IN (\(waiting)) AND r.deadline_at < ?", dueBefore)
        }
        if let after = filter.after {
            sql.and(filter.byDeadline ? "(\(key), r.id) > (?, ?2)" : "(\(key), r.id) < (?, ?2)", after.date, after.id)
        }
        sql.append(filter.byDeadline ? " ORDER BY \(key), r.id LIMIT ?" : " ORDER BY \(key) DESC, r.id DESC LIMIT ?", filter.limit + 1)
        return sql
    }

    static func decode(_ row: Row) throws -> CrossBorderRequest {
        let clock = try row.decode(String?.self, 19).map { rule in
            RequestClock(
                rule: try DeadlineRule(rawValue: rule).orThrow("deadline_rule"), period: try row.decode(String.self, 20),
                startedAt: try row.decode(Date.self, 21), deadline: try row.decode(Date.self, 22))
        }
        return CrossBorderRequest(
            id: try row.decode(UUID.self, 0), office: try OfficeCode(row.decode(String.self, 1)), caseID: try row.decode(UUID?.self, 2),
            direction: try RequestDirection(rawValue: row.decode(String.self, 3)).orThrow("direction"),
            kind: try RequestKind(rawValue: row.decode(String.self, 4)).orThrow("kind"),
            counterpart: Counterpart(state: try CountryCode(recorded: row.decode(String.self, 5)), office: try row.decode(String.self, 6)),
            channel: try Channel(rawValue: row.decode(String.self, 7)).orThrow("channel"),
            externalReference: try row.decode(String?.self, 8), urgencyReason: try row.decode(String?.self, 9),
            directlyAccessible: try row.decode(Bool.self, 10),
            form: RequestForm(
                offence: try row.decode(String?.self, 11), circumstances: try row.decode(String?.self, 12),
                informationSought: try row.decode(String?.self, 13), reasonsToBelieve: try row.decode(String?.self, 14),
                purpose: try row.decode(String?.self, 15), restrictions: try row.decode(String?.self, 16)),
            subjectIDs: try row.decodeUUIDs(29),
            assetIDs: try row.decodeUUIDs(30),
            personsConcerned: try JSONDecoder().decode([PersonConcerned].self, from: Data(row.decode(String.self, 27).utf8)),
            objectsConcerned: try JSONDecoder().decode([ObjectConcerned].self, from: Data(row.decode(String.self, 28).utf8)),
            state: try RequestState(rawValue: row.decode(String.self, 17)).orThrow("state"), receivedAt: try row.decode(Date?.self, 18),
            clock: clock, answeredAt: try row.decode(Date?.self, 26), version: try row.decode(Int.self, 23), createdAt: try row.decode(Date.self, 24),
            updatedAt: try row.decode(Date.self, 25))
    }
}

/// A request's history: append-only (migration 0017's triggers refuse changes).
public struct RequestEventRepository: Sendable {
    let db: Transaction

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func append(requestID: UUID, _ event: RequestEvent) async throws {
        try await db.write(
            """
            INSERT INTO exchange_request_event (request_id, action, from_state, to_state, occurred_at, actor_name, reason,
                refusal_ground, expected_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date)
            """,
            [
                requestID, event.action, event.from?.rawValue, event.to.rawValue, event.occurredAt, event.actor, event.reason,
                event.refusalGround?.rawValue, event.expectedOn?.description,
            ])
    }

    public func of(_ requestID: UUID) async throws -> [RequestEvent] {
        try await db.query(
            """
            SELECT id, action, from_state, to_state, occurred_at, actor_name, reason, refusal_ground, expected_on::text
            FROM exchange_request_event WHERE request_id = $1 ORDER BY id
            """, [requestID]
        ).map { row in
            RequestEvent(
                id: try row.decode(Int64.self, 0), action: try row.decode(String.self, 1),
                from: try row.decode(String?.self, 2).map { try RequestState(rawValue: $0).orThrow("from_state") },
                to: try RequestState(rawValue: row.decode(String.self, 3)).orThrow("to_state"), occurredAt: try row.decode(Date.self, 4),
                actor: try row.decode(String.self, 5), reason: try row.decode(String?.self, 6),
                refusalGround: try row.decode(String?.self, 7).map { try RefusalGround(rawValue: $0).orThrow("refusal_ground") },
                expectedOn: try row.decode(String?.self, 8).map { try Day($0) })
        }
    }
}
