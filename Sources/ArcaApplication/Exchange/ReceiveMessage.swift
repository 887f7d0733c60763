import ArcaDomain
import ArcaPersistence
import Foundation

/// Takes a signed message a partner delivered to the inbox. It is trusted only when its
/// sender is a registered partner whose key made the signature, it is addressed to this
/// deployment, and it is neither stale nor from the future; otherwise nothing is recorded.
/// A message is taken once: a redelivery gets the first acknowledgement and changes nothing.
/// A request creates an incoming request with its deadline; a reply, delay notice or
/// refusal moves the outgoing request it answers; a withdrawal moves the incoming one. A
/// certificate creates an incoming certificate with its recognition clock, waiting to be
/// linked to the order recorded here; the executing state's decisions move the outgoing
/// certificate, the issuing state's withdrawal the incoming one.
public struct ReceiveMessage: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    /// The acknowledgement (JSON) to answer with.
    public func callAsFunction(_ body: [UInt8]) async throws -> String {
        guard let json = CanonicalJSON(parsing: body) else {
            throw UseCaseError.invalid("body", "envelope", "the body is not an envelope: a JSON object, with no numbers in it")
        }
        let envelope: Envelope
        do {
            envelope = try Envelope(json: json)
        } catch {
            throw UseCaseError.invalid(error.fields.map { FieldViolation(field: $0.name, rule: "envelope", message: $0.message) })
        }
        let now = clock()
        return try await database.transaction { store in
            guard let identity = try await store.partnerships.identity()?.identity else {
                throw UseCaseError.conflict("this deployment has no exchange identity: it takes no messages")
            }
            guard let partner = try await store.partnerships.partner(envelope.sender) else {
                throw UseCaseError.untrusted(
                    FieldViolation(
                        field: "sender", rule: "registered-partner",
                        message: "\(envelope.sender.office) of \(envelope.sender.state.value) is not a registered partner of this deployment"))
            }
            guard envelope.isSigned(by: partner.publicKey) else {
                throw UseCaseError.untrusted(
                    FieldViolation(field: "signature", rule: "partner-signature", message: "the signature is not made with the registered key of the sender"))
            }
            try Self.check(envelope, to: identity, at: now)
            try await store.inbox.lock(envelope.messageID)
            if let taken = try await store.inbox.find(envelope.messageID) {
                guard taken.sender == envelope.sender, taken.envelope == envelope.text else {
                    throw UseCaseError.conflict("message \(envelope.messageID.lowercased) was taken already, with other content: a message id is used once")
                }
                return taken.acknowledgement
            }

            let office = try OfficeCode(identity.address.office)
            let timeZone = try await store.offices.find(office)?.timeZone ?? Office.defaultTimeZone
            let caller = Caller.partner(envelope.sender, actingOn: office, timeZone: timeZone)
            let thread: ExchangeThread
            switch envelope.type {
            case .request: thread = .request(try await Self.register(envelope, in: store, office: office, by: caller, at: now))
            case .reply, .delayNotice, .refusal, .statusChange: thread = .request(try await move(envelope, in: store, office: office, by: caller, at: now))
            case .certificate: thread = .certificate(try await Self.registerCertificate(envelope, in: store, office: office, by: caller, at: now))
            case .certificateStatus: thread = .certificate(try await moveCertificate(envelope, in: store, office: office, by: caller, at: now))
            }
            let acknowledgement = String(
                decoding: CanonicalJSON.object([
                    "messageId": .string(envelope.messageID.lowercased), "status": .string("accepted"),
                    "receivedAt": .string(now.formatted(.iso8601)), thread.acknowledged.key: .string(thread.acknowledged.id.lowercased),
                ]).bytes, as: UTF8.self)
            try await store.inbox.add(
                InboxEntry(
                    messageID: envelope.messageID, sender: envelope.sender, type: envelope.type, requestID: thread.requestID,
                    certificateID: thread.certificateID, envelope: envelope.text, receivedAt: now, acknowledgement: acknowledgement))
            return acknowledgement
        }
    }

    /// Addressed here, not older than a replay would be, not from the future.
    private static func check(_ envelope: Envelope, to identity: ExchangeIdentity, at now: Date) throws {
        var validation = Validation()
        if envelope.recipient != identity.address {
            validation.add(
                "recipient", "this-deployment",
                "this deployment is \(identity.address.office) of \(identity.address.state.value), not \(envelope.recipient.office) of \(envelope.recipient.state.value)")
        }
        if now.timeIntervalSince(envelope.createdAt) > Envelope.maximumAge {
            validation.add("createdAt", "not-stale", "a message older than \(Int(Envelope.maximumAge / 86400)) days is refused as a replay")
        }
        if envelope.createdAt.timeIntervalSince(now) > Envelope.maximumClockSkew {
            validation.add("createdAt", "not-in-future", "the message is dated later than now, beyond \(Int(Envelope.maximumClockSkew)) seconds of clock difference")
        }
        try validation.finish()
    }

    private static func payload<T: Decodable>(_ type: T.Type, of envelope: Envelope) throws -> T {
        do {
            return try envelope.payload.decode(type)
        } catch {
            throw UseCaseError.invalid("payload", "\(envelope.type.rawValue)-message", "the payload is not a \(envelope.type.rawValue) message: \(error)")
        }
    }

    /// A new request from the partner: registered as received now, its clock running from
    /// now on the urgency and access it states, until triage settles them.
    private static func register(_ envelope: Envelope, in store: Store, office: OfficeCode, by caller: Caller, at now: Date) async throws -> UUID {
        let message = try payload(RequestMessage.self, of: envelope)
        var validation = Validation()
        if ![.informationRequest, .spontaneousInformation].contains(message.kind) {
            validation.add("payload.kind", "request-kind", "a request message carries an information request or spontaneous information")
        }
        if UUID(uuidString: message.requestId) == nil { validation.add("payload.requestId", "id", "the requesting office's request id is a UUID") }
        let form = validation.requestForm(message.form)
        let urgencyReason = message.urgencyReason.flatMap { validation.reason("payload.urgencyReason", $0) }
        try validation.finish()
        if let twin = try await store.requests.registered(message.requestId, channel: .arca, direction: .incoming, of: office) {
            throw UseCaseError.conflict("the partner's request \(message.requestId) is registered already, as request \(twin.lowercased)")
        }
        var request = CrossBorderRequest(
            id: UUID(), office: office, caseID: nil, direction: .incoming, kind: message.kind, counterpart: envelope.sender, channel: .arca,
            externalReference: message.requestId, urgencyReason: urgencyReason, directlyAccessible: message.directlyAccessible, form: form,
            subjectIDs: [], assetIDs: [], personsConcerned: message.personsConcerned, objectsConcerned: message.objectsConcerned,
            state: RequestLifecycle.initialState(.incoming), receivedAt: now, clock: nil, answeredAt: nil, version: 1, createdAt: now, updatedAt: now)
        let settings = try await store.settings.current()
        request.startClock(period: settings.period(for:), timeZone: caller.timeZone)
        try await store.requests.add(request)
        try await store.requestEvents.append(
            requestID: request.id,
            RequestEvent(action: request.registration, from: nil, to: request.state, occurredAt: now, actor: caller.name, reason: nil))
        try await store.audit.change("ReceiveMessage", by: caller, entity: "request", id: request.id.lowercased, after: request)
        return request.id
    }

    /// A move the partner made on a request both offices hold.
    private func move(_ envelope: Envelope, in store: Store, office: OfficeCode, by caller: Caller, at now: Date) async throws -> UUID {
        let message = try Self.payload(RequestMoveMessage.self, of: envelope)
        guard envelope.type.carries(message.action) else {
            throw UseCaseError.invalid("payload.action", "\(envelope.type.rawValue)-action", "a \(envelope.type.rawValue) message cannot carry \(message.action.rawValue)")
        }
        // The request both offices hold: the sender's incoming one (it is the requester) or
        // this office's outgoing one to the sender; never another partner's.
        var found: CrossBorderRequest?
        if envelope.type == .statusChange {
            if let id = try await store.requests.registered(message.requestId, channel: .arca, direction: .incoming, of: office) {
                found = try await store.requests.find(id, of: office)
            }
        } else if let id = UUID(uuidString: message.requestId) {
            found = try await store.requests.find(id, of: office).flatMap { $0.direction == .outgoing && $0.channel == .arca ? $0 : nil }
        }
        guard let request = found, request.counterpart == envelope.sender else {
            throw UseCaseError.notFound("request \(message.requestId) exchanged with \(envelope.sender.office) of \(envelope.sender.state.value)")
        }
        // A move the request's state does not allow never will: refused for good, not retried.
        guard RequestLifecycle.allowedActions(request.direction, from: request.state).contains(message.action) else {
            throw UseCaseError.invalid(
                "payload.action", "partner-move",
                "\(envelope.sender.office) cannot \(message.action.rawValue) request \(message.requestId): it is \(request.state.rawValue) here")
        }
        let local = request.id
        let occurredAt = Self.dating(message.occurredAt, after: try await store.requestEvents.of(local).last?.occurredAt, now: now)
        _ = try await MoveRequest(database: database, clock: { now })(
            requestID: local,
            RequestMoveInput(
                action: message.action.rawValue, reason: message.reason, refusalGround: message.refusalGround?.rawValue,
                expectedOn: message.expectedOn?.description),
            dated: occurredAt, by: caller)
        return local
    }

    /// A move dated when the partner made it (an answer or a decision is late when it was
    /// given late, not when an outage delayed it), but never before the latest event here nor
    /// ahead of now.
    private static func dating(_ occurredAt: Date, after latest: Date?, now: Date) -> Date {
        min(max(occurredAt, latest ?? occurredAt), now)
    }

    /// A certificate from the issuing state: registered as received now, with its recognition
    /// clock, and with no case or order here until a liaison officer links the order recorded
    /// for it.
    private static func registerCertificate(_ envelope: Envelope, in store: Store, office: OfficeCode, by caller: Caller, at now: Date) async throws
        -> UUID
    {
        let message = try payload(CertificateMessage.self, of: envelope)
        let order = message.order
        var validation = Validation()
        if UUID(uuidString: message.certificateId) == nil { validation.add("payload.certificateId", "id", "the issuing office's certificate id is a UUID") }
        if CertificateKind(carrying: order.kind) != message.kind {
            validation.add("payload.order.kind", "certificate-kind", "a \(message.kind.rawValue) certificate carries a \(message.kind.rawValue) order")
        }
        validation.certificateUrgency("payload.urgencyReason", message.urgencyReason, of: message.kind)
        let urgencyReason = message.urgencyReason.flatMap { validation.reason("payload.urgencyReason", $0) }
        for (field, text, length) in [
            ("payload.order.issuingAuthority", order.issuingAuthority, LegalOrder.authorityLength),
            ("payload.order.decisionReference", order.decisionReference, LegalOrder.decisionReferenceLength),
        ] {
            _ = validation.check(field, "text") { () throws(RecordTextError) in try RecordText.valid(text, length: length, what: "the order's text") }
        }
        try validation.finish()
        if try await store.certificates.find(reference: message.certificateId, from: envelope.sender, of: office) != nil {
            throw UseCaseError.conflict("the partner's certificate \(message.certificateId) is registered already")
        }
        return try await store.registerIncoming(
            Certificate(
                id: UUID(), office: office, caseID: nil, direction: .incoming, kind: message.kind, orderID: nil, orderDescribed: order,
                counterpart: envelope.sender, channel: .arca, externalReference: message.certificateId,
                state: CertificateLifecycle.initialState(.incoming), receivedAt: now, urgencyReason: urgencyReason, version: 1, createdAt: now,
                updatedAt: now),
            by: caller, operation: "ReceiveMessage"
        ).id
    }

    /// A move the partner made on a certificate both offices hold: the executing state's
    /// decision on this office's outgoing certificate, or the issuing state's withdrawal of
    /// the incoming one.
    private func moveCertificate(_ envelope: Envelope, in store: Store, office: OfficeCode, by caller: Caller, at now: Date) async throws -> UUID {
        let message = try Self.payload(CertificateMoveMessage.self, of: envelope)
        var found: Certificate?
        if message.receiverDirection == .incoming {
            found = try await store.certificates.find(reference: message.certificateId, from: envelope.sender, of: office)
        } else if let id = UUID(uuidString: message.certificateId) {
            found = try await store.certificates.find(id, of: office).flatMap {
                $0.direction == .outgoing && $0.channel == .arca && $0.counterpart == envelope.sender ? $0 : nil
            }
        }
        guard let local = found else {
            throw UseCaseError.notFound("certificate \(message.certificateId) exchanged with \(envelope.sender.office) of \(envelope.sender.state.value)")
        }
        // A move that can never apply is refused for good rather than retried by the partner.
        guard local.takesPartnersMove(message.action) else {
            throw UseCaseError.invalid(
                "payload.action", "partner-move",
                "\(envelope.sender.office) cannot \(message.action.rawValue) certificate \(message.certificateId): it is \(local.state.rawValue) here")
        }
        let occurredAt = Self.dating(message.occurredAt, after: try await store.certificates.events(of: local.id).last?.occurredAt, now: now)
        _ = try await MoveCertificate(database: database, clock: { now })(
            certificateID: local.id,
            CertificateMoveInput(action: message.action.rawValue, reason: message.reason, refusalGround: message.refusalGround?.rawValue),
            dated: occurredAt, by: caller)
        return local.id
    }
}
