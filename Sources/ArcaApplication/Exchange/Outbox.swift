import ArcaDomain
import ArcaPersistence
import Foundation

extension Store {
    /// Writes to the outbox the message a move of a request exchanged directly with a partner
    /// sends (`MessageType.sent`), signed, in the move's own transaction: the move and its
    /// message are recorded together or not at all.
    func announce(_ action: RequestAction, from state: RequestState, of request: CrossBorderRequest, event: RequestEvent, at now: Date) async throws {
        guard request.channel == .arca, let type = MessageType.sent(by: action, on: request.direction, from: state) else { return }
        guard let (identity, privateKey) = try await partnerships.identity() else {
            throw UseCaseError.conflict("this deployment has no exchange identity yet: an administrator gives it one with arca exchange init")
        }
        guard identity.address.office == request.office.value else {
            throw UseCaseError.conflict(
                "only \(identity.address.office), this deployment's office in the exchange, exchanges requests directly: this one goes by another channel")
        }
        guard let partner = try await partnerships.partner(request.counterpart) else {
            throw UseCaseError.conflict(
                "no partner is registered for \(request.counterpart.office) of \(request.counterpart.state.value): an administrator registers it "
                    + "with arca exchange partner add, or the request goes by another channel")
        }
        let payload: CanonicalJSON
        if type == .request {
            payload = try CanonicalJSON(encoding: try await requestMessage(request, sentAt: event.occurredAt))
        } else {
            guard let requestId = request.direction == .outgoing ? request.id.lowercased : request.externalReference else {
                throw UseCaseError.conflict("request \(request.id.lowercased) has no reference of the partner's to answer to")
            }
            payload = try CanonicalJSON(encoding: RequestMoveMessage(requestId: requestId, event, action: action))
        }
        var envelope = Envelope(messageID: UUID(), sender: identity.address, recipient: partner.address, type: type, createdAt: now, payload: payload)
        try envelope.sign(with: privateKey)
        try await outbox.add(
            OutboxMessage(
                messageID: envelope.messageID, partnerID: partner.id, type: type, requestID: request.id, envelope: envelope.text, createdAt: now,
                nextAttemptAt: now))
    }

    /// What a request tells the partner: its form and, of the persons and property linked
    /// to it, only what finds them (DOMAIN §7).
    private func requestMessage(_ request: CrossBorderRequest, sentAt: Date) async throws -> RequestMessage {
        guard let caseID = request.caseID else {
            return RequestMessage(request, sentAt: sentAt, personsConcerned: [], objectsConcerned: [])
        }
        let subjects = try await self.subjects.inCase(caseID).filter { request.subjectIDs.contains($0.id) }
        let assets = try await self.assets.inCase(caseID).filter { request.assetIDs.contains($0.id) }
        return RequestMessage(request, sentAt: sentAt, personsConcerned: subjects.map(PersonConcerned.init), objectsConcerned: assets.map(ObjectConcerned.init))
    }
}
