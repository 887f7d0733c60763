import ArcaDomain
import ArcaPersistence
import Foundation

/// What a partner's inbox answered to a delivery.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Acknowledged, with the acknowledgement the partner gave.
    case acknowledged(String)
    /// Refused for good: the partner will never take this message (a 4xx other than 404, 408 and 429).
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

/// Delivers the messages that are due. They are claimed first, so that several servers
/// running the worker never take the same message, then delivered outside any transaction,
/// several at once, and their outcomes recorded together. The messages about one request go
/// one after the other, in the order they were written; one that fails holds back those
/// written after it, which wait with it for its next attempt (`DeliveryBackoff`).
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
        let (claimed, partners) = try await database.transaction { store in
            let claimed = try await store.outbox.claim(due: now, limit: Self.batch, leaseEnd: now.addingTimeInterval(Self.lease))
            var partners: [UUID: Partner] = [:]
            for id in Set(claimed.map(\.partnerID)) { partners[id] = try await store.partnerships.partner(id: id) }
            return (claimed, partners)
        }
        var round = DeliveryRound()
        if !claimed.isEmpty {
            let attempts = await deliver(Self.lanes(claimed), to: partners)
            try await database.transaction { store in
                for attempt in attempts { try await store.outbox.record(attempt.message) }
            }
            round.delivered = attempts.count { $0.message.status == .delivered }
            round.refused = attempts.count { $0.message.status == .refused }
            round.failed = attempts.count(where: \.failed)
        }
        round.nextDue = try await database.transaction { try await $0.outbox.nextDue() }
        return round
    }

    /// The claimed messages by request (a message about none is a lane of its own), each lane
    /// in the order the messages were written.
    static func lanes(_ messages: [OutboxMessage]) -> [[OutboxMessage]] {
        var order: [String] = []
        var lanes: [String: [OutboxMessage]] = [:]
        for message in messages {
            let key = "\(message.partnerID.uuidString)/\((message.requestID ?? message.messageID).uuidString)"
            if lanes[key] == nil { order.append(key) }
            lanes[key, default: []].append(message)
        }
        return order.compactMap { lanes[$0] }
    }

    /// A claimed message as the round leaves it, and whether it was tried and failed.
    private struct Attempt: Sendable {
        var message: OutboxMessage
        var failed = false
    }

    /// Delivers the lanes, `parallel` at a time; returns every message with its outcome.
    private func deliver(_ lanes: [[OutboxMessage]], to partners: [UUID: Partner]) async -> [Attempt] {
        await withTaskGroup(of: [Attempt].self) { group in
            var pending = lanes.makeIterator()
            for _ in 0..<Self.parallel {
                guard let lane = pending.next() else { break }
                group.addTask { await deliver(lane, to: partners) }
            }
            var outcomes: [Attempt] = []
            for await done in group {
                outcomes += done
                if let lane = pending.next() { group.addTask { await deliver(lane, to: partners) } }
            }
            return outcomes
        }
    }

    private func deliver(_ lane: [OutboxMessage], to partners: [UUID: Partner]) async -> [Attempt] {
        var heldUntil: Date?
        var outcomes: [Attempt] = []
        for message in lane {
            var attempt = Attempt(message: message)
            defer { outcomes.append(attempt) }
            if let heldUntil {
                attempt.message.nextAttemptAt = heldUntil
                continue
            }
            guard let partner = partners[message.partnerID] else { continue }
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
                heldUntil = attempt.message.nextAttemptAt
            }
        }
        return outcomes
    }
}
