import ArcaDomain
import ArcaPersistence
import Foundation

/// A message sent to a partner, with whom it went to and what became of it.
public struct Delivery: Sendable {
    public let message: OutboxMessage
    public let recipient: Counterpart
}

/// What was sent to partners and whether it arrived, newest first: of one request or
/// certificate, or of all.
public struct ListDeliveries: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(requestID: String? = nil, certificateID: String? = nil, limit: Int? = nil, by caller: Caller) async throws -> [Delivery] {
        try caller.require(.followDeliveries)
        var validation = Validation()
        let thread = validation.exchangeThread(requestID: requestID, certificateID: certificateID)
        let limit = validation.pageLimit(limit)
        try validation.finish()
        return try await database.transaction { store in
            var partners: [UUID: Partner] = [:]
            var deliveries: [Delivery] = []
            for message in try await store.outbox.list(thread: thread, limit: limit) {
                if partners[message.partnerID] == nil { partners[message.partnerID] = try await store.partnerships.partner(id: message.partnerID) }
                guard let partner = partners[message.partnerID] else { continue }
                deliveries.append(Delivery(message: message, recipient: partner.address))
            }
            return deliveries
        }
    }
}
