import Foundation

/// What a message between two ARCA deployments is about (Docs/EXCHANGE.md).
public enum MessageType: String, CaseIterable, Sendable, Codable {
    /// A new information request, or information sent spontaneously.
    case request
    /// An answer, in full or in part.
    case reply
    case delayNotice = "delay_notice"
    case refusal
    /// The requesting office withdrew its request.
    case statusChange = "status_change"
    /// A freezing or confiscation certificate, sent by the issuing state.
    case certificate
    /// A move of a certificate: the executing state's decisions, or the issuing state's withdrawal.
    case certificateStatus = "certificate_status"

    /// The message a move sends when the request is exchanged directly with a partner; nil
    /// for a move that stays in the office (triage, reminders, a draft withdrawn unsent).
    public static func sent(by action: RequestAction, on direction: RequestDirection, from state: RequestState) -> MessageType? {
        switch (direction, action) {
        case (.outgoing, .send): return .request
        case (.outgoing, .withdraw): return state == .draft ? nil : .statusChange
        case (.incoming, .answerInFull), (.incoming, .answerInPart): return .reply
        case (.incoming, .noticeDelay): return .delayNotice
        case (.incoming, .refuse): return .refusal
        default: return nil
        }
    }

    /// The message a move of a certificate sends when it is exchanged directly: the issuing
    /// state sends the certificate and may withdraw it; the executing state sends each of its
    /// decisions. Closing is each office's own.
    public static func sent(certificate action: CertificateAction, on direction: RequestDirection, from state: CertificateState) -> MessageType? {
        switch (direction, action) {
        case (.outgoing, .send): return .certificate
        case (.outgoing, .withdraw): return state == .draft ? nil : .certificateStatus
        case (.incoming, .send), (.incoming, .withdraw), (_, .close): return nil
        case (.incoming, _): return .certificateStatus
        case (.outgoing, _): return nil
        }
    }

    /// Whether a message of this type may carry `action` from the other side.
    public func carries(_ action: RequestAction) -> Bool {
        switch self {
        case .request, .certificate, .certificateStatus: return false
        case .reply: return action == .answerInFull || action == .answerInPart
        case .delayNotice: return action == .noticeDelay
        case .refusal: return action == .refuse
        case .statusChange: return action == .withdraw
        }
    }

    /// Whether the message is about a certificate rather than a request.
    public var isAboutCertificate: Bool { self == .certificate || self == .certificateStatus }
}

/// A person a request concerns, as far as the request needs (DOMAIN §7): a name and what
/// tells namesakes apart, nothing of the case around it.
public struct PersonConcerned: Hashable, Sendable, Codable {
    public let name: String
    public let kind: SubjectKind
    public let birthDate: Day?
    public let nationality: CountryCode?
    public let registrationNumber: String?
    public let seat: CountryCode?

    public init(_ subject: Subject) {
        name = subject.name
        kind = subject.person.kind
        switch subject.person {
        case .natural(let birthDate, let nationality):
            (self.birthDate, self.nationality, registrationNumber, seat) = (birthDate, nationality, nil, nil)
        case .legal(let registrationNumber, let seat):
            (birthDate, nationality, self.registrationNumber, self.seat) = (nil, nil, registrationNumber, seat)
        }
    }
}

/// Property a request concerns: what it is, where, and the identifiers to find it by; not
/// its values or its history here.
public struct ObjectConcerned: Hashable, Sendable, Codable {
    public let category: AssetCategory
    public let description: String
    public let country: CountryCode
    public let identifiers: AssetIdentifiers

    public init(_ asset: Asset) {
        category = asset.category
        description = asset.description
        country = asset.country
        identifiers = asset.identifiers
    }
}

/// The payload of a `request` message: the form of the requesting office, with the persons
/// and property concerned. `requestId` is the requesting office's id of the request; every
/// later message about it names it.
public struct RequestMessage: Hashable, Sendable, Codable {
    public let requestId: String
    public let kind: RequestKind
    public let urgencyReason: String?
    public let directlyAccessible: Bool
    public let form: RequestForm
    public let personsConcerned: [PersonConcerned]
    public let objectsConcerned: [ObjectConcerned]
    public let sentAt: Date

    public init(
        _ request: CrossBorderRequest, sentAt: Date, personsConcerned: [PersonConcerned], objectsConcerned: [ObjectConcerned]
    ) {
        requestId = request.id.lowercased
        kind = request.kind
        urgencyReason = request.urgencyReason
        directlyAccessible = request.directlyAccessible
        form = request.form
        self.personsConcerned = personsConcerned
        self.objectsConcerned = objectsConcerned
        self.sentAt = sentAt
    }
}

/// The payload of every other message: a move of the request, made by the sending office.
public struct RequestMoveMessage: Hashable, Sendable, Codable {
    public let requestId: String
    public let action: RequestAction
    public let occurredAt: Date
    /// The answer itself, the delay's or the refusal's reason, or why it was withdrawn.
    public let reason: String?
    public let refusalGround: RefusalGround?
    public let expectedOn: Day?

    public init(requestId: String, _ event: RequestEvent, action: RequestAction) {
        self.requestId = requestId
        self.action = action
        occurredAt = event.occurredAt
        reason = event.reason
        refusalGround = event.refusalGround
        expectedOn = event.expectedOn
    }
}

/// The payload of a `certificate` message: the issuing state's certificate and the order it
/// carries. `certificateId` is the issuing office's id; every later message about it names it.
public struct CertificateMessage: Hashable, Sendable, Codable {
    public let certificateId: String
    public let kind: CertificateKind
    /// A freezing certificate the issuing state marks urgent (Art 9(3)), and why.
    public let urgencyReason: String?
    public let order: CertifiedOrder
    public let sentAt: Date

    public init(_ certificate: Certificate, order: CertifiedOrder, urgencyReason: String?, sentAt: Date) {
        certificateId = certificate.id.lowercased
        kind = certificate.kind
        self.urgencyReason = urgencyReason
        self.order = order
        self.sentAt = sentAt
    }
}

/// The payload of a `certificate_status` message: a move of the certificate by the office
/// that sends it. `certificateId` is the issuing office's id of the certificate.
public struct CertificateMoveMessage: Hashable, Sendable, Codable {
    public let certificateId: String
    public let action: CertificateAction
    public let occurredAt: Date
    public let reason: String?
    public let refusalGround: RefusalGround?

    public init(certificateId: String, _ event: CertificateEvent, action: CertificateAction) {
        self.certificateId = certificateId
        self.action = action
        occurredAt = event.occurredAt
        reason = event.reason
        refusalGround = event.refusalGround
    }

    /// The direction of the certificate this move is made on at the receiving office: the
    /// issuing state withdraws (the receiver's certificate is incoming); the executing state
    /// decides (the receiver's is outgoing).
    public var receiverDirection: RequestDirection { action == .withdraw ? .incoming : .outgoing }
}

/// A signed message from one deployment to another. The signature (Ed25519) is over the
/// canonical JSON of the envelope without its `signature` member.
public struct Envelope: Hashable, Sendable {
    public let messageID: UUID
    public let sender: Counterpart
    public let recipient: Counterpart
    public let type: MessageType
    public let createdAt: Date
    public let payload: CanonicalJSON
    /// Base64 of the 64-byte signature; empty until signed.
    public var signature: String

    /// How old a message may be when it arrives: a partner that was unreachable for days
    /// still receives what waited for it, and a message older than this is refused as a replay.
    public static let maximumAge: TimeInterval = 30 * 24 * 3600
    /// How far ahead of this deployment's clock a sender's may be.
    public static let maximumClockSkew: TimeInterval = 5 * 60

    public init(messageID: UUID, sender: Counterpart, recipient: Counterpart, type: MessageType, createdAt: Date, payload: CanonicalJSON) {
        self.messageID = messageID
        self.sender = sender
        self.recipient = recipient
        self.type = type
        // Whole seconds: the instant survives its ISO 8601 text unchanged.
        self.createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        self.payload = payload
        self.signature = ""
        unsigned = .object([
            "messageId": .string(messageID.lowercased),
            "sender": Self.address(sender),
            "recipient": Self.address(recipient),
            "type": .string(type.rawValue),
            "createdAt": .string(self.createdAt.formatted(.iso8601)),
            "payload": payload,
        ])
    }

    /// The envelope as sent, with its signature.
    public var json: CanonicalJSON {
        guard case .object(var members) = unsigned else { return unsigned }
        members["signature"] = .string(signature)
        return .object(members)
    }

    /// The bytes the signature covers.
    public var signedBytes: [UInt8] { unsigned.bytes }

    /// The envelope without its signature: as built here, or exactly as received (members
    /// this version does not know are signed too).
    private var unsigned: CanonicalJSON

    private static func address(_ party: Counterpart) -> CanonicalJSON {
        .object(["state": .string(party.state.value), "office": .string(party.office)])
    }

    /// Reads an envelope as received; the error names each field that is missing or wrong.
    public init(json: CanonicalJSON) throws(EnvelopeError) {
        var problems: [EnvelopeError.Field] = []
        func text(_ key: String) -> String? {
            guard let text = json[key]?.text else {
                problems.append(.init(name: key, message: "a string is required"))
                return nil
            }
            return text
        }
        func party(_ key: String) -> Counterpart? {
            guard let state = json[key]?["state"]?.text.flatMap({ try? CountryCode($0) }), let office = json[key]?["office"]?.text, !office.isEmpty
            else {
                problems.append(.init(name: key, message: "an object with a state (ISO 3166-1 alpha-2) and an office"))
                return nil
            }
            return Counterpart(state: state, office: office)
        }
        let messageID = text("messageId").flatMap { UUID(uuidString: $0) }
        if json["messageId"]?.text != nil, messageID == nil { problems.append(.init(name: "messageId", message: "a UUID is required")) }
        let sender = party("sender")
        let recipient = party("recipient")
        let type = text("type").flatMap(MessageType.init(rawValue:))
        if json["type"]?.text != nil, type == nil {
            problems.append(.init(name: "type", message: "one of \(MessageType.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let createdAt = text("createdAt").flatMap { try? Date($0, strategy: .iso8601) }
        if json["createdAt"]?.text != nil, createdAt == nil { problems.append(.init(name: "createdAt", message: "an RFC 3339 instant is required")) }
        let payload = json["payload"]
        if payload == nil { problems.append(.init(name: "payload", message: "an object is required")) }
        let signature = text("signature")
        guard problems.isEmpty, let messageID, let sender, let recipient, let type, let createdAt, let payload, let signature else {
            throw EnvelopeError(fields: problems)
        }
        self.init(messageID: messageID, sender: sender, recipient: recipient, type: type, createdAt: createdAt, payload: payload)
        self.signature = signature
        unsigned = json.removing("signature")
    }
}

/// An envelope that cannot be read, with each field that is wrong.
public struct EnvelopeError: Error, Equatable {
    public struct Field: Equatable, Sendable {
        public let name: String
        public let message: String
    }

    public let fields: [Field]
}
