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

    /// The envelopes of one request's or certificate's messages (oldest first), or of the
    /// messages still pending.
    public func callAsFunction(requestID: String?, certificateID: String? = nil, by caller: Caller) async throws -> [String] {
        try caller.require(.followDeliveries)
        var validation = Validation()
        let thread = validation.exchangeThread(requestID: requestID, certificateID: certificateID)
        try validation.finish()
        return try await database.transaction { store in
            var messages = try await store.outbox.list(thread: thread, limit: 10_000).reversed() as [OutboxMessage]
            if thread == nil { messages = messages.filter { $0.status == .pending } }
            for message in messages {
                try await store.audit.appendConsultation(
                    by: try caller.consultant, operation: "ExportMessages", entity: "exchange_message", id: message.messageID.lowercased)
            }
            return messages.map(\.envelope)
        }
    }
}
