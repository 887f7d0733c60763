import ArcaDomain
import ArcaPersistence
import Foundation

/// Sends a message to its partner again now: one the partner refused (once the offices have
/// sorted out why), or one waiting for its next attempt. A delivered message is not sent twice.
/// Administrators, audited; the worker is woken at once.
public struct RetryDelivery: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(messageID text: String, by caller: Caller) async throws -> OutboxMessage {
        try caller.require(.administerPartners)
        var validation = Validation()
        let messageID = validation.id("messageId", text)
        try validation.finish()
        guard let messageID else { return try unreachable() }
        return try await database.transaction { store in
            guard let message = try await store.outbox.find(messageID, forUpdate: true) else {
                throw UseCaseError.notFound("message \(messageID.lowercased)")
            }
            guard message.status != .delivered else {
                throw UseCaseError.conflict("message \(messageID.lowercased) was delivered already: it is not sent twice")
            }
            var retried = message
            retried.refusedAt = nil
            retried.nextAttemptAt = clock()
            retried.lastError = message.lastError.map { "retried by \(caller.name) after: \($0)" }
            try await store.outbox.retry(retried)
            try await store.audit.change(
                "RetryDelivery", by: caller, entity: "exchange_message", id: messageID.lowercased, before: DeliveryRecord(message),
                after: DeliveryRecord(retried))
            return retried
        }
    }

    /// What the trail keeps of a message's delivery: never its envelope.
    struct DeliveryRecord: Encodable {
        let status: DeliveryStatus
        let attempts: Int
        let nextAttemptAt: Date
        let lastError: String?

        init(_ message: OutboxMessage) {
            status = message.status
            attempts = message.attempts
            nextAttemptAt = message.nextAttemptAt
            lastError = message.lastError
        }
    }
}
