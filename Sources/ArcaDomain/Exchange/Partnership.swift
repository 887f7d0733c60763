import Foundation

/// Who this deployment is to its partners: one office of its state, and the public half of
/// its Ed25519 key pair (the private half never leaves the database).
public struct ExchangeIdentity: Hashable, Sendable {
    public let address: Counterpart
    public let publicKey: Data
    public let createdAt: Date

    public init(address: Counterpart, publicKey: Data, createdAt: Date) {
        self.address = address
        self.publicKey = publicKey
        self.createdAt = createdAt
    }
}

/// Another Member State's office this deployment exchanges with directly: where to deliver
/// to it, and the key its messages must be signed with.
public struct Partner: Hashable, Sendable, Codable {
    public let id: UUID
    public let address: Counterpart
    public let inboxURL: String
    public let publicKey: Data
    public let registeredAt: Date
    public let registeredBy: String

    public init(id: UUID, address: Counterpart, inboxURL: String, publicKey: Data, registeredAt: Date, registeredBy: String) {
        self.id = id
        self.address = address
        self.inboxURL = inboxURL
        self.publicKey = publicKey
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
    }
}

/// Where a message to a partner stands.
public enum DeliveryStatus: String, CaseIterable, Sendable, Codable {
    /// Waiting for its next attempt.
    case pending
    /// The partner acknowledged it.
    case delivered
    /// The partner answered that it will never take it (a 4xx other than 408 and 429).
    case refused
}

/// A message written to the outbox with the change it announces, and what became of it.
public struct OutboxMessage: Hashable, Sendable {
    public let messageID: UUID
    public let partnerID: UUID
    public let type: MessageType
    /// The request or the certificate the message is about.
    public let requestID: UUID?
    public let certificateID: UUID?
    /// The signed envelope, exactly as it is delivered (and exported).
    public let envelope: String
    public let createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?
    public var acknowledgement: String?
    public var refusedAt: Date?

    public init(
        messageID: UUID, partnerID: UUID, type: MessageType, requestID: UUID?, certificateID: UUID? = nil, envelope: String, createdAt: Date,
        attempts: Int = 0,
        nextAttemptAt: Date, lastError: String? = nil, deliveredAt: Date? = nil, acknowledgement: String? = nil, refusedAt: Date? = nil
    ) {
        self.messageID = messageID
        self.partnerID = partnerID
        self.type = type
        self.requestID = requestID
        self.certificateID = certificateID
        self.envelope = envelope
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
        self.acknowledgement = acknowledgement
        self.refusedAt = refusedAt
    }

    public var status: DeliveryStatus {
        if deliveredAt != nil { return .delivered }
        if refusedAt != nil { return .refused }
        return .pending
    }
}

/// How long to wait before trying a message again: exponential from one second, capped at
/// five minutes, with jitter, so that many messages waiting for the same partner do not all
/// arrive at the same instant when it comes back.
public enum DeliveryBackoff {
    public static let first: TimeInterval = 1
    public static let longest: TimeInterval = 300

    /// The wait after `attempts` failed attempts; `jitter` in 0...1 takes up to half of it off.
    public static func delay(afterAttempts attempts: Int, jitter: Double) -> TimeInterval {
        let exponential = first * pow(2, Double(max(0, min(attempts - 1, 20))))
        let capped = min(exponential, longest)
        return capped * (1 - 0.5 * min(max(jitter, 0), 1))
    }
}
