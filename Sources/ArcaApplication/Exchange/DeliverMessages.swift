import ArcaDomain
import ArcaPersistence
import Foundation

/// What a partner's inbox answered to a delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Acknowledged, with the acknowledgement the partner gave.
    case acknowledged(String)
    /// Refused for good: the partner will never take this message (the envelope itself is wrong).
    case refused(String)
    /// Not delivered this time (unreachable, a timeout, a 5xx, a partner not ready for it): tried again later.
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

/// Delivers the messages that are due. They are claimed first, so that several servers
/// running the worker never take the same message, then delivered outside any transaction,
/// several at once, and their outcomes recorded together (unless the claim ran out and
/// another worker took the message meanwhile). The messages about one request go one after
/// the other, in the order they were written: only the oldest one still to deliver is
/// claimed, so one that fails holds back those written after it until it is delivered. A
/// failure is tried again after its backoff (`DeliveryBackoff`).
public struct DeliverMessages: Sendable {
    let database: Database
    let courier: any Courier
    let clock: @Sendable () -> Date
    /// How long a claimed message is kept from other workers: longer than any delivery takes.
    static let lease: TimeInterval = 120
    static let batch = 64
    /// Deliveries in flight at once.
    static let parallel = 8

    public init(database: Database, courier: any Courier, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.courier = courier
        self.clock = clock
    }

    public func callAsFunction() async throws -> DeliveryRound {
        let now = clock()
        let leaseEnd = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + Self.lease).rounded(.down))
        let (claimed, partners) = try await database.transaction { store in
            let claimed = try await store.outbox.claim(due: now, limit: Self.batch, leaseEnd: leaseEnd)
            var partners: [UUID: Partner] = [:]
            for id in Set(claimed.map(\.partnerID)) { partners[id] = try await store.partnerships.partner(id: id) }
            return (claimed, partners)
        }
        var round = DeliveryRound()
        if !claimed.isEmpty {
            let attempts = await deliver(claimed, to: partners)
            try await database.transaction { store in
                for attempt in attempts { try await store.outbox.record(attempt.message, claimedUntil: leaseEnd) }
            }
            round.delivered = attempts.count { $0.message.status == .delivered }
            round.refused = attempts.count { $0.message.status == .refused }
            round.failed = attempts.count(where: \.failed)
        }
        round.nextDue = try await database.transaction { try await $0.outbox.nextDue() }
        return round
    }

    /// A claimed message as the round leaves it, and whether it was tried and failed.
    private struct Attempt: Sendable {
        var message: OutboxMessage
        var failed = false
    }

    /// Delivers the messages, `parallel` at a time; returns each with its outcome.
    private func deliver(_ messages: [OutboxMessage], to partners: [UUID: Partner]) async -> [Attempt] {
        await withTaskGroup(of: Attempt.self) { group in
            var pending = messages.makeIterator()
            for _ in 0..<Self.parallel {
                guard let message = pending.next() else { break }
                group.addTask { await deliver(message, to: partners[message.partnerID]) }
            }
            var attempts: [Attempt] = []
            for await done in group {
                attempts.append(done)
                if let message = pending.next() { group.addTask { await deliver(message, to: partners[message.partnerID]) } }
            }
            return attempts
        }
    }

    private func deliver(_ message: OutboxMessage, to partner: Partner?) async -> Attempt {
        var attempt = Attempt(message: message)
        guard let partner else { return attempt }
        attempt.message.attempts += 1
        switch await courier.deliver(message.envelope, to: partner.inboxURL) {
        case .acknowledged(let acknowledgement):
            attempt.message.deliveredAt = clock()
            attempt.message.acknowledgement = acknowledgement
            attempt.message.lastError = nil
        case .refused(let why):
            attempt.message.refusedAt = clock()
            attempt.message.lastError = why
        case .failed(let why):
            attempt.failed = true
            attempt.message.lastError = why
            attempt.message.nextAttemptAt = clock().addingTimeInterval(
                DeliveryBackoff.delay(afterAttempts: attempt.message.attempts, jitter: .random(in: 0...1)))
        }
        return attempt
    }
}
