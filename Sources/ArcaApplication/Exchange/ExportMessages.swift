import ArcaDomain
import ArcaPersistence
import Foundation

/// The signed envelopes of messages to partners, exactly as they are delivered, for an
/// office that must carry them over another channel (SIENA): the partner imports them with
/// `arca exchange import`, with the same effect as a delivery to its inbox. Each export is
/// logged as a consultation of the messages, which hold personal data.
public struct ExportMessages: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The envelopes of one request's messages (oldest first), or of the messages still pending.
    public func callAsFunction(requestID text: String?, by caller: Caller) async throws -> [String] {
        try caller.require(.followDeliveries)
        var validation = Validation()
        let requestID = text.flatMap { validation.id("requestId", $0) }
        try validation.finish()
        return try await database.transaction { store in
            var messages = try await store.outbox.list(requestID: requestID, limit: 10_000).reversed() as [OutboxMessage]
            if requestID == nil { messages = messages.filter { $0.status == .pending } }
            for message in messages {
                try await store.audit.appendConsultation(
                    by: caller.auditActor, operation: "ExportMessages", entity: "exchange_message", id: message.messageID.lowercased)
            }
            return messages.map(\.envelope)
        }
    }
}
