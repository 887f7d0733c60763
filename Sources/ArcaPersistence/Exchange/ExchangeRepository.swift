import ArcaDomain
import Foundation
import LibPQ

/// This deployment's identity and the partners it trusts (migration 0019).
public struct PartnershipRepository: Sendable {
    let db: Transaction

    /// The identity with its private key, which only signing reads.
    public func identity() async throws -> (identity: ExchangeIdentity, privateKey: Data)? {
        try await db.query("SELECT office_code, member_state, public_key, created_at, private_key FROM exchange_identity").first.map { row in
            (
                ExchangeIdentity(
                    address: Counterpart(state: try CountryCode(recorded: row.decode(String.self, 1)), office: try row.decode(String.self, 0)),
                    publicKey: try row.decode(Data.self, 2), createdAt: try row.decode(Date.self, 3)),
                try row.decode(Data.self, 4)
            )
        }
    }

    /// Creates the identity unless there is one; false when there was.
    public func createIdentity(office: OfficeCode, privateKey: Data, publicKey: Data, at instant: Date) async throws -> Bool {
        try await db.execute(
            """
            INSERT INTO exchange_identity (office_code, member_state, private_key, public_key, created_at)
            SELECT $1, member_state, $2, $3, $4 FROM deployment ON CONFLICT DO NOTHING
            """, [office.value, privateKey, publicKey, instant]) == 1
    }

    public func add(_ partner: Partner) async throws {
        try await db.execute(
            """
            INSERT INTO exchange_partner (id, member_state, office, inbox_url, public_key, registered_at, registered_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [
                partner.id, partner.address.state.value, partner.address.office, partner.inboxURL, partner.publicKey, partner.registeredAt,
                partner.registeredBy,
            ])
    }

    /// The partner currently registered for `address`, if any.
    public func partner(_ address: Counterpart) async throws -> Partner? {
        try await db.query(
            "SELECT \(Self.columns) FROM exchange_partner WHERE member_state = $1 AND office = $2 AND removed_at IS NULL",
            [address.state.value, address.office]
        ).first.map(Self.decode)
    }

    public func partner(id: UUID) async throws -> Partner? {
        try await db.query("SELECT \(Self.columns) FROM exchange_partner WHERE id = $1", [id]).first.map(Self.decode)
    }

    /// The partners currently registered, by state and office.
    public func partners() async throws -> [Partner] {
        try await db.query("SELECT \(Self.columns) FROM exchange_partner WHERE removed_at IS NULL ORDER BY member_state, office").map(Self.decode)
    }

    /// Removes the partner registered for `address`; false when there is none.
    public func remove(_ address: Counterpart, at instant: Date) async throws -> Bool {
        try await db.execute(
            "UPDATE exchange_partner SET removed_at = $3 WHERE member_state = $1 AND office = $2 AND removed_at IS NULL",
            [address.state.value, address.office, instant]) == 1
    }

    static let columns = "id, member_state, office, inbox_url, public_key, registered_at, registered_by"

    static func decode(_ row: Row) throws -> Partner {
        Partner(
            id: try row.decode(UUID.self, 0),
            address: Counterpart(state: try CountryCode(recorded: row.decode(String.self, 1)), office: try row.decode(String.self, 2)),
            inboxURL: try row.decode(String.self, 3), publicKey: try row.decode(Data.self, 4), registeredAt: try row.decode(Date.self, 5),
            registeredBy: try row.decode(String.self, 6))
    }
}

/// Messages to partners, written in the transaction of the change they announce; the
/// worker claims them without two workers ever taking the same one.
public struct OutboxRepository: Sendable {
    let db: Transaction

    public func add(_ message: OutboxMessage) async throws {
        try await db.write(
            """
            INSERT INTO exchange_outbox (message_id, partner_id, message_type, request_id, certificate_id, envelope, created_at, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """,
            [
                message.messageID, message.partnerID, message.type.rawValue, message.requestID, message.certificateID, message.envelope,
                message.createdAt, message.nextAttemptAt,
            ])
    }

    /// Takes up to `limit` messages due at `now` that no other worker holds, and keeps them
    /// from every other worker until `leaseEnd` (when one that crashed is tried again). Only
    /// the oldest message still to deliver about each request or certificate is taken: the next waits until
    /// it is delivered (or refused), whichever worker holds it, so they arrive in order. The
    /// messages to a partner since removed stay where they are.
    public func claim(due now: Date, limit: Int, leaseEnd: Date) async throws -> [OutboxMessage] {
        try await db.query(
            """
            UPDATE exchange_outbox SET next_attempt_at = $3
            WHERE message_id IN (
                SELECT o.message_id FROM exchange_outbox o
                WHERE \(Self.deliverable) AND o.next_attempt_at <= $1
                ORDER BY o.next_attempt_at, o.position LIMIT $2 FOR UPDATE OF o SKIP LOCKED)
            RETURNING position, \(Self.columns)
            """, [now, limit, leaseEnd]
        ).map { (position: try $0.decode(Int64.self, 0), message: try Self.decode($0, from: 1)) }.sorted { $0.position < $1.position }.map(\.message)
    }

    /// Records what became of an attempt, unless the lease `claimedUntil` ran out and another
    /// worker claimed the message since; sent with the transaction's next statement or its COMMIT.
    public func record(_ message: OutboxMessage, claimedUntil lease: Date) async throws {
        try await db.write(
            """
            UPDATE exchange_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4, delivered_at = $5, acknowledgement = $6,
                refused_at = $7
            WHERE message_id = $1 AND next_attempt_at = $8 AND delivered_at IS NULL AND refused_at IS NULL
            """,
            [
                message.messageID, message.attempts, message.nextAttemptAt, message.lastError, message.deliveredAt, message.acknowledgement,
                message.refusedAt, lease,
            ])
    }

    public func find(_ messageID: UUID, forUpdate: Bool = false) async throws -> OutboxMessage? {
        try await db.query(
            "SELECT \(Self.columns) FROM exchange_outbox WHERE message_id = $1 \(forUpdate ? "FOR UPDATE" : "")", [messageID]
        ).first.map { try Self.decode($0) }
    }

    /// Puts a message back in line (not refused, due when it says) and wakes the worker when
    /// the transaction commits.
    public func retry(_ message: OutboxMessage) async throws {
        try await db.execute(
            "UPDATE exchange_outbox SET refused_at = NULL, next_attempt_at = $2, last_error = $3 WHERE message_id = $1 AND delivered_at IS NULL",
            [message.messageID, message.nextAttemptAt, message.lastError])
        _ = try await db.query("SELECT pg_notify('arca_outbox', $1)", [message.messageID.lowercased])
    }

    /// When the next message the worker may take is due, if any.
    public func nextDue() async throws -> Date? {
        try await db.query("SELECT min(o.next_attempt_at) FROM exchange_outbox o WHERE \(Self.deliverable)")
            .first.flatMap { try $0.decode(Date?.self, 0) }
    }

    /// A message (`o`) the worker may take when it is due: still to deliver, to a partner
    /// still registered, and the oldest still to deliver about its request or certificate.
    static let deliverable = """
        o.delivered_at IS NULL AND o.refused_at IS NULL
            AND o.partner_id IN (SELECT id FROM exchange_partner WHERE removed_at IS NULL)
            AND NOT EXISTS (
                SELECT 1 FROM exchange_outbox earlier
                WHERE earlier.thread_id = o.thread_id AND earlier.position < o.position
                    AND earlier.delivered_at IS NULL AND earlier.refused_at IS NULL)
        """

    /// The messages about one request or certificate (`thread`), or the latest of all, newest first.
    public func list(thread: UUID? = nil, limit: Int) async throws -> [OutboxMessage] {
        if let thread {
            return try await db.query(
                "SELECT \(Self.columns) FROM exchange_outbox WHERE thread_id = $1 ORDER BY position DESC LIMIT $2", [thread, limit]
            ).map { try Self.decode($0) }
        }
        return try await db.query("SELECT \(Self.columns) FROM exchange_outbox ORDER BY position DESC LIMIT $1", [limit]).map { try Self.decode($0) }
    }

    static let columns = """
        message_id, partner_id, message_type, request_id, envelope, created_at, attempts, next_attempt_at, last_error, delivered_at,
        acknowledgement, refused_at, certificate_id
        """

    /// The message in `columns`, starting at column `first`.
    static func decode(_ row: Row, from first: Int = 0) throws -> OutboxMessage {
        OutboxMessage(
            messageID: try row.decode(UUID.self, first), partnerID: try row.decode(UUID.self, first + 1),
            type: try MessageType(rawValue: row.decode(String.self, first + 2)).orThrow("message_type"),
            requestID: try row.decode(UUID?.self, first + 3), certificateID: try row.decode(UUID?.self, first + 12),
            envelope: try row.decode(String.self, first + 4), createdAt: try row.decode(Date.self, first + 5), attempts: try row.decode(Int.self, first + 6),
            nextAttemptAt: try row.decode(Date.self, first + 7), lastError: try row.decode(String?.self, first + 8),
            deliveredAt: try row.decode(Date?.self, first + 9), acknowledgement: try row.decode(String?.self, first + 10),
            refusedAt: try row.decode(Date?.self, first + 11))
    }
}

/// A message received from a partner, kept once.
public struct InboxEntry: Hashable, Sendable {
    public let messageID: UUID
    public let sender: Counterpart
    public let type: MessageType
    /// The request or the certificate it is about.
    public let requestID: UUID?
    public let certificateID: UUID?
    public let envelope: String
    public let receivedAt: Date
    public let acknowledgement: String

    public init(
        messageID: UUID, sender: Counterpart, type: MessageType, requestID: UUID?, certificateID: UUID? = nil, envelope: String, receivedAt: Date,
        acknowledgement: String
    ) {
        self.messageID = messageID
        self.sender = sender
        self.type = type
        self.requestID = requestID
        self.certificateID = certificateID
        self.envelope = envelope
        self.receivedAt = receivedAt
        self.acknowledgement = acknowledgement
    }
}

public struct InboxRepository: Sendable {
    let db: Transaction

    /// Holds, until the transaction ends, any other receipt of the same message: two
    /// deliveries at once are taken one after the other, and the second finds the first.
    public func lock(_ messageID: UUID) async throws {
        _ = try await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))", [messageID])
    }

    /// The message as it was first received, with the acknowledgement given then, if it was.
    public func find(_ messageID: UUID) async throws -> InboxEntry? {
        try await db.query(
            """
            SELECT message_id, sender_state, sender_office, message_type, request_id, envelope, received_at, acknowledgement, certificate_id
            FROM exchange_inbox WHERE message_id = $1
            """,
            [messageID]
        ).first.map { row in
            InboxEntry(
                messageID: try row.decode(UUID.self, 0),
                sender: Counterpart(state: try CountryCode(recorded: row.decode(String.self, 1)), office: try row.decode(String.self, 2)),
                type: try MessageType(rawValue: row.decode(String.self, 3)).orThrow("message_type"), requestID: try row.decode(UUID?.self, 4),
                certificateID: try row.decode(UUID?.self, 8), envelope: try row.decode(String.self, 5), receivedAt: try row.decode(Date.self, 6),
                acknowledgement: try row.decode(String.self, 7))
        }
    }

    public func add(_ entry: InboxEntry) async throws {
        try await db.write(
            """
            INSERT INTO exchange_inbox (
                message_id, sender_state, sender_office, message_type, request_id, certificate_id, envelope, received_at, acknowledgement)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            [
                entry.messageID, entry.sender.state.value, entry.sender.office, entry.type.rawValue, entry.requestID, entry.certificateID,
                entry.envelope, entry.receivedAt, entry.acknowledgement,
            ])
    }
}
