import ArcaDomain
import ArcaPersistence
import Foundation

/// What a message between deployments is about: a partner receives one thread's messages in order.
enum ExchangeThread {
    case request(UUID)
    case certificate(UUID)

    var requestID: UUID? {
        guard case .request(let id) = self else { return nil }
        return id
    }

    var certificateID: UUID? {
        guard case .certificate(let id) = self else { return nil }
        return id
    }

    /// How the acknowledgement names it.
    var acknowledged: (key: String, id: UUID) {
        switch self {
        case .request(let id): return ("requestId", id)
        case .certificate(let id): return ("certificateId", id)
        }
    }
}

extension Store {
    /// Writes to the outbox the message a move of a request exchanged directly with a partner
    /// sends (`MessageType.sent`), signed, in the move's own transaction: the move and its
    /// message are recorded together or not at all.
    func announce(_ action: RequestAction, from state: RequestState, of request: CrossBorderRequest, event: RequestEvent, at now: Date) async throws {
        guard request.channel == .arca, let type = MessageType.sent(by: action, on: request.direction, from: state) else { return }
        let payload: CanonicalJSON
        if type == .request {
            payload = try CanonicalJSON(encoding: try await requestMessage(request, sentAt: event.occurredAt))
        } else {
            guard let requestId = request.direction == .outgoing ? request.id.lowercased : request.externalReference else {
                throw UseCaseError.conflict("request \(request.id.lowercased) has no reference of the partner's to answer to")
            }
            payload = try CanonicalJSON(encoding: RequestMoveMessage(requestId: requestId, event, action: action))
        }
        try await post(type, payload, from: request.office, to: request.counterpart, about: .request(request.id), at: now)
    }

    /// The same for a certificate exchanged directly: the issuing state's certificate and
    /// withdrawal, the executing state's decisions.
    func announce(_ action: CertificateAction, from state: CertificateState, of certificate: Certificate, event: CertificateEvent, at now: Date)
        async throws
    {
        guard certificate.channel == .arca, let type = MessageType.sent(certificate: action, on: certificate.direction, from: state) else { return }
        let payload: CanonicalJSON
        if type == .certificate {
            payload = try CanonicalJSON(encoding: try await certificateMessage(certificate, sentAt: event.occurredAt))
        } else {
            guard let certificateId = certificate.direction == .outgoing ? certificate.id.lowercased : certificate.externalReference else {
                throw UseCaseError.conflict("certificate \(certificate.id.lowercased) has no reference of the partner's to answer to")
            }
            payload = try CanonicalJSON(encoding: CertificateMoveMessage(certificateId: certificateId, event, action: action))
        }
        try await post(type, payload, from: certificate.office, to: certificate.counterpart, about: .certificate(certificate.id), at: now)
    }

    /// Signs the message with this deployment's key and writes it to the outbox for the partner.
    private func post(_ type: MessageType, _ payload: CanonicalJSON, from office: OfficeCode, to counterpart: Counterpart, about thread: ExchangeThread, at now: Date)
        async throws
    {
        guard let (identity, privateKey) = try await partnerships.identity() else {
            throw UseCaseError.conflict("this deployment has no exchange identity yet: an administrator gives it one with arca exchange init")
        }
        guard identity.address.office == office.value else {
            throw UseCaseError.conflict(
                "only \(identity.address.office), this deployment's office in the exchange, exchanges directly: this one goes by another channel")
        }
        guard let partner = try await partnerships.partner(counterpart) else {
            throw UseCaseError.conflict(
                "no partner is registered for \(counterpart.office) of \(counterpart.state.value): an administrator registers it "
                    + "with arca exchange partner add, or it goes by another channel")
        }
        var envelope = Envelope(messageID: UUID(), sender: identity.address, recipient: partner.address, type: type, createdAt: now, payload: payload)
        try envelope.sign(with: privateKey)
        try await outbox.add(
            OutboxMessage(
                messageID: envelope.messageID, partnerID: partner.id, type: type, requestID: thread.requestID, certificateID: thread.certificateID,
                envelope: envelope.text, createdAt: now, nextAttemptAt: now))
    }

    /// What a request tells the partner: its form and, of the persons and property linked
    /// to it, only what finds them (DOMAIN §7).
    private func requestMessage(_ request: CrossBorderRequest, sentAt: Date) async throws -> RequestMessage {
        guard let caseID = request.caseID else {
            return RequestMessage(request, sentAt: sentAt, personsConcerned: [], objectsConcerned: [])
        }
        let concerned = try await concerned(inCase: caseID, subjects: request.subjectIDs, assets: request.assetIDs)
        return RequestMessage(request, sentAt: sentAt, personsConcerned: concerned.persons, objectsConcerned: concerned.objects)
    }

    /// Of the case's subjects and assets, those named, as far as a partner needs them.
    private func concerned(inCase caseID: UUID, subjects: [UUID], assets: [UUID]) async throws -> (persons: [PersonConcerned], objects: [ObjectConcerned]) {
        let persons = try await self.subjects.inCase(caseID).filter { subjects.contains($0.id) }.map(PersonConcerned.init)
        let objects = try await self.assets.inCase(caseID).filter { assets.contains($0.id) }.map(ObjectConcerned.init)
        return (persons, objects)
    }

    /// What a certificate tells the executing state: the order it carries, with the persons it
    /// names and the property it covers, limited as a request's are.
    private func certificateMessage(_ certificate: Certificate, sentAt: Date) async throws -> CertificateMessage {
        guard let orderID = certificate.orderID, let caseID = certificate.caseID,
            let order = try await orders.find(orderID, visibleTo: certificate.office)?.record
        else {
            throw UseCaseError.conflict("certificate \(certificate.id.lowercased) carries no order of this office to send")
        }
        let concerned = try await concerned(inCase: caseID, subjects: order.subjectIDs, assets: order.assetIDs)
        let described = CertifiedOrder(order, personsConcerned: concerned.persons, objectsConcerned: concerned.objects)
        return CertificateMessage(certificate, order: described, urgencyReason: certificate.urgencyReason, sentAt: sentAt)
    }
}
