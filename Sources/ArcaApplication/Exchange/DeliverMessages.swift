import ArcaDomain
import ArcaPersistence
import Foundation

/// What a partner's inbox answered to a delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Acknowledged, with the acknowledgement the partner gave.
    case acknowledged(String)
    /// Refused for good: the partner will never take this message (a 4xx other than 408 and 429).
    case refused(String)
    /// Not delivered this time (unreachable, a timeout, a 5xx): tried again later.
    case failed(String)
}

/// Carries a signed envelope to a partner's inbox.
public protocol Courier: Sendable {
    func deliver(_ envelope: String, to inboxURL: String) async -> DeliveryOutcome
}

/// One round of the outbox worker: what it did, and when the next message is due.
public struct DeliveryRound: Sendable, Equatable {
    public var delivered = 0
    public var refused = 0
    public var failed = 0
    public var nextDue: Date?
}

/// Delivers the messages that are due. Each is claimed first, so that several servers
/// running the worker never take the same message; it is then delivered outside any
/// transaction, and its outcome recorded. A failure is tried again after a backoff
/// (`DeliveryBackoff`); the messages to the same partner keep their order, so one waiting
/// holds back the ones written after it.
public struct DeliverMessages: Sendable {
    let database: Database
    let courier: any Courier
    let clock: @Sendable () -> Date
    /// How long a claimed message is kept from other workers: longer than any delivery takes.
    static let lease: TimeInterval = 120
    static let batch = 32

    public init(database: Database, courier: any Courier, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.courier = courier
        self.clock = clock
    }

    public func callAsFunction() async throws -> DeliveryRound {
        let now = clock()
        let claimed = try await database.transaction { store in
            try await store.outbox.claim(due: now, limit: Self.batch, leaseEnd: now.addingTimeInterval(Self.lease))
        }
        var round = DeliveryRound()
        var partners: [UUID: Partner] = [:]
        var heldBack: [UUID: Date] = [:]
        for var message in claimed {
            if let retryAt = heldBack[message.partnerID] {
                message.nextAttemptAt = retryAt
                try await record(message)
                continue
            }
            if partners[message.partnerID] == nil {
                partners[message.partnerID] = try await database.transaction { try await $0.partnerships.partner(id: message.partnerID) }
            }
            guard let partner = partners[message.partnerID] else { continue }
            message.attempts += 1
            switch await courier.deliver(message.envelope, to: partner.inboxURL) {
            case .acknowledged(let acknowledgement):
                message.deliveredAt = clock()
                message.acknowledgement = acknowledgement
                message.lastError = nil
                round.delivered += 1
            case .refused(let why):
                message.refusedAt = clock()
                message.lastError = why
                round.refused += 1
            case .failed(let why):
                message.lastError = why
                message.nextAttemptAt = clock().addingTimeInterval(DeliveryBackoff.delay(afterAttempts: message.attempts, jitter: .random(in: 0...1)))
                heldBack[message.partnerID] = message.nextAttemptAt
                round.failed += 1
            }
            try await record(message)
        }
        round.nextDue = try await database.transaction { try await $0.outbox.nextDue() }
        return round
    }

    private func record(_ message: OutboxMessage) async throws {
        try await database.transaction { try await $0.outbox.record(message) }
    }
}
