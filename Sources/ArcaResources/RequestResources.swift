import ArcaApplication
import ArcaDomain
import Foundation

/// A cross-border request as the API shows it: what it asks, where it stands, what may be
/// done next, and its deadline with the time left.
public struct RequestResource: Encodable {
    let id: String
    /// Absent on a request a partner sent directly, until triage links it to a case.
    let caseId: String?
    let direction: RequestDirection
    let kind: RequestKind
    let counterpartState: String
    let counterpartOffice: String
    let channel: Channel
    let externalReference: String?
    let urgent: Bool
    let urgencyReason: String?
    let directlyAccessible: Bool
    let offence: String?
    let circumstances: String?
    let informationSought: String?
    let reasonsToBelieve: String?
    let purpose: String?
    let restrictions: String?
    let subjects: [String]
    let assets: [String]
    let personsConcerned: [PersonConcerned]
    let objectsConcerned: [ObjectConcerned]
    let state: RequestState
    let allowedActions: [RequestAction]
    let receivedAt: Date?
    let answeredAt: Date?
    let deadline: DeadlineResource?
    let version: Int
    let createdAt: Date
    let updatedAt: Date

    public init(_ request: CrossBorderRequest, readAt: Date, timeZone: TimeZone) {
        id = request.id.lowercased
        caseId = request.caseID?.lowercased
        direction = request.direction
        kind = request.kind
        counterpartState = request.counterpart.state.value
        counterpartOffice = request.counterpart.office
        channel = request.channel
        externalReference = request.externalReference
        urgent = request.urgent
        urgencyReason = request.urgencyReason
        directlyAccessible = request.directlyAccessible
        offence = request.form.offence
        circumstances = request.form.circumstances
        informationSought = request.form.informationSought
        reasonsToBelieve = request.form.reasonsToBelieve
        purpose = request.form.purpose
        restrictions = request.form.restrictions
        subjects = request.subjectIDs.map(\.lowercased)
        assets = request.assetIDs.map(\.lowercased)
        personsConcerned = request.personsConcerned
        objectsConcerned = request.objectsConcerned
        state = request.state
        allowedActions = request.allowedActions
        receivedAt = request.receivedAt
        answeredAt = request.answeredAt
        deadline = request.clock.map { DeadlineResource($0, request: request, readAt: readAt, timeZone: timeZone) }
        version = request.version
        createdAt = request.createdAt
        updatedAt = request.updatedAt
    }
}

/// A request's clock: the rule and its source, the instant it runs out (in UTC and in the
/// office's time zone), and, while an answer is awaited, the seconds left (negative once late).
struct DeadlineResource: Encodable {
    let rule: DeadlineRule
    let source: String
    let period: String
    let startedAt: Date
    let dueAt: Date
    let dueAtLocal: String
    let timeZone: String
    let remainingSeconds: Int?
    let overdue: Bool
    /// Once answered: whether the (latest) answer came after the deadline.
    let answeredLate: Bool?

    init(_ clock: RequestClock, request: CrossBorderRequest, readAt: Date, timeZone: TimeZone) {
        self.init(clock, running: request.state.awaitsAnswer, overdue: request.isOverdue(at: readAt), late: request.answeredLate, readAt: readAt, timeZone: timeZone)
    }

    /// An incoming certificate's recognition clock: it runs until recognition is decided.
    init(_ clock: RequestClock, certificate: Certificate, readAt: Date, timeZone: TimeZone) {
        self.init(
            clock, running: certificate.decidedAt == nil && ![.withdrawn, .closed].contains(certificate.state),
            overdue: certificate.isOverdue(at: readAt), late: certificate.decidedLate, readAt: readAt, timeZone: timeZone)
    }

    private init(_ clock: RequestClock, running: Bool, overdue: Bool, late: Bool?, readAt: Date, timeZone: TimeZone) {
        rule = clock.rule
        source = clock.rule.source
        period = clock.period
        startedAt = clock.startedAt
        dueAt = clock.deadline
        let local = ISO8601DateFormatter()
        local.timeZone = timeZone
        dueAtLocal = local.string(from: clock.deadline)
        self.timeZone = timeZone.identifier
        remainingSeconds = running ? Int(clock.deadline.timeIntervalSince(readAt).rounded(.down)) : nil
        self.overdue = overdue
        answeredLate = late
    }
}

/// `GET /v1/requests/{id}`: the request with its history.
public struct RequestFileResource: Encodable {
    let request: RequestResource
    let events: [ExchangeEventResource<RequestState>]

    public init(_ file: RequestFile) {
        request = RequestResource(file.request, readAt: file.readAt, timeZone: file.timeZone)
        events = file.events.map(ExchangeEventResource.init)
    }

    enum CodingKeys: String, CodingKey {
        case events
    }

    public func encode(to encoder: any Encoder) throws {
        try request.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
    }
}

/// One move in the history of a request or a certificate.
struct ExchangeEventResource<State: Encodable>: Encodable {
    let id: Int64?
    let action: String
    let from: State?
    let to: State
    let occurredAt: Date
    let actor: String
    let reason: String?
    let refusalGround: RefusalGround?
    /// A request's delay notice: when the answer is now expected.
    let expectedOn: Day?
}

extension ExchangeEventResource<RequestState> {
    init(_ event: RequestEvent) {
        self.init(
            id: event.id, action: event.action, from: event.from, to: event.to, occurredAt: event.occurredAt, actor: event.actor,
            reason: event.reason, refusalGround: event.refusalGround, expectedOn: event.expectedOn)
    }
}

extension ExchangeEventResource<CertificateState> {
    init(_ event: CertificateEvent) {
        self.init(
            id: event.id, action: event.action, from: event.from, to: event.to, occurredAt: event.occurredAt, actor: event.actor,
            reason: event.reason, refusalGround: event.refusalGround, expectedOn: nil)
    }
}

/// A certificate as the API shows it, with its history and, for a confiscation certificate
/// of an order naming an amount, the order's Art 16 ledger across every executing state.
/// A certificate as a list shows it: what it carries, where it stands, its clock.
public struct CertificateResource: Encodable {
    let id: String
    /// Nil while a certificate received from a partner waits to be linked to the order recorded here.
    let caseId: String?
    let direction: RequestDirection
    let kind: CertificateKind
    let orderId: String?
    /// Received from a partner: the order as the issuing state describes it.
    let orderDescribed: CertifiedOrder?
    let counterpartState: String
    let counterpartOffice: String
    let channel: Channel
    let externalReference: String?
    let state: CertificateState
    let allowedActions: [CertificateAction]
    let receivedAt: Date?
    let urgent: Bool
    let urgencyReason: String?
    /// Incoming: the recognition decision's clock; `answeredLate` tells a late decision.
    let deadline: DeadlineResource?
    let decidedAt: Date?
    let version: Int
    let createdAt: Date
    let updatedAt: Date

    public init(_ certificate: Certificate, readAt: Date, timeZone: TimeZone) {
        id = certificate.id.lowercased
        caseId = certificate.caseID?.lowercased
        direction = certificate.direction
        kind = certificate.kind
        orderId = certificate.orderID?.lowercased
        orderDescribed = certificate.orderDescribed
        counterpartState = certificate.counterpart.state.value
        counterpartOffice = certificate.counterpart.office
        channel = certificate.channel
        externalReference = certificate.externalReference
        state = certificate.state
        allowedActions = certificate.allowedActions
        receivedAt = certificate.receivedAt
        urgent = certificate.urgencyReason != nil
        urgencyReason = certificate.urgencyReason
        deadline = certificate.clock.map { DeadlineResource($0, certificate: certificate, readAt: readAt, timeZone: timeZone) }
        decidedAt = certificate.decidedAt
        version = certificate.version
        createdAt = certificate.createdAt
        updatedAt = certificate.updatedAt
    }
}

/// `GET /v1/certificates/{id}`: the certificate with its history, its order's ledger of
/// recoveries (Art 16) and, once disposed of, the sharing of the money realised (Art 30).
public struct CertificateFileResource: Encodable {
    let certificate: CertificateResource
    let events: [ExchangeEventResource<CertificateState>]
    let ledger: LedgerResource?
    let sharing: SharingResource?

    public init(_ file: CertificateFile) {
        certificate = CertificateResource(file.certificate, readAt: file.readAt, timeZone: file.timeZone)
        events = file.events.map(ExchangeEventResource.init)
        ledger = file.ledger.map(LedgerResource.init)
        sharing = file.sharing.map(SharingResource.init)
    }

    enum CodingKeys: String, CodingKey {
        case events, ledger, sharing
    }

    public func encode(to encoder: any Encoder) throws {
        try certificate.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
        try container.encodeIfPresent(ledger, forKey: .ledger)
        try container.encodeIfPresent(sharing, forKey: .sharing)
    }
}

/// Reg 2018/1805 Art 16: the order's amount, what was recovered (in all and per executing
/// state, each recovery listed) and what is still outstanding.
struct LedgerResource: Encodable {
    struct StateTotal: Encodable {
        let state: String
        let recovered: Money
    }

    struct RecoveryResource: Encodable {
        let id: Int64?
        let certificateId: String
        let state: String
        let amount: Money
        let recoveredOn: Day
        let recordedBy: String
        let reason: String?
    }

    let ordered: Money
    let recovered: Money
    let outstanding: Money
    let byState: [StateTotal]
    let recoveries: [RecoveryResource]

    init(_ ledger: RecoveryLedger) {
        ordered = ledger.ordered
        recovered = ledger.recovered
        outstanding = ledger.outstanding
        byState = ledger.byState.map { StateTotal(state: $0.state.value, recovered: $0.recovered) }
        recoveries = ledger.recoveries.map {
            RecoveryResource(
                id: $0.id, certificateId: $0.certificateID.lowercased, state: $0.state.value, amount: $0.amount, recoveredOn: $0.recoveredOn,
                recordedBy: $0.recordedBy, reason: $0.reason)
        }
    }
}

/// A message sent to a partner and what became of it (`GET /v1/exchange/deliveries`).
public struct DeliveryResource: Encodable {
    let messageId: String
    let type: MessageType
    let recipientState: String
    let recipientOffice: String
    let requestId: String?
    let certificateId: String?
    let status: DeliveryStatus
    let attempts: Int
    let createdAt: Date
    let nextAttemptAt: Date?
    let deliveredAt: Date?
    let refusedAt: Date?
    let lastError: String?

    public init(_ delivery: Delivery) {
        let message = delivery.message
        messageId = message.messageID.lowercased
        type = message.type
        recipientState = delivery.recipient.state.value
        recipientOffice = delivery.recipient.office
        requestId = message.requestID?.lowercased
        certificateId = message.certificateID?.lowercased
        status = message.status
        attempts = message.attempts
        createdAt = message.createdAt
        nextAttemptAt = message.status == .pending ? message.nextAttemptAt : nil
        deliveredAt = message.deliveredAt
        refusedAt = message.refusedAt
        lastError = message.lastError
    }
}

/// `GET /v1/exchange/deliveries`.
public struct DeliveryListResource: Encodable {
    let items: [DeliveryResource]

    public init(_ deliveries: [Delivery]) {
        items = deliveries.map(DeliveryResource.init)
    }
}

/// This deployment's exchange identity, to give to partners.
public struct IdentityResource: Encodable {
    let state: String
    let office: String
    let publicKey: String

    public init(_ identity: ExchangeIdentity) {
        state = identity.address.state.value
        office = identity.address.office
        publicKey = identity.publicKey.base64EncodedString()
    }
}

/// A registered partner.
public struct PartnerResource: Encodable {
    let state: String
    let office: String
    let inboxUrl: String
    let publicKey: String
    let registeredAt: Date
    let registeredBy: String

    public init(_ partner: Partner) {
        state = partner.address.state.value
        office = partner.address.office
        inboxUrl = partner.inboxURL
        publicKey = partner.publicKey.base64EncodedString()
        registeredAt = partner.registeredAt
        registeredBy = partner.registeredBy
    }
}

/// `arca exchange partner list --json`.
public struct PartnershipsResource: Encodable {
    let identity: IdentityResource?
    let partners: [PartnerResource]

    public init(_ partnerships: Partnerships) {
        identity = partnerships.identity.map(IdentityResource.init)
        partners = partnerships.partners.map(PartnerResource.init)
    }
}

/// How the money realised under an incoming confiscation certificate was shared (Art 30),
/// with the rule that produced the split.
struct SharingResource: Encodable {
    let realised: Money
    let toVictims: Money
    let toIssuingState: Money
    let keptHere: Money
    let basis: SharingRule.Basis
    let threshold: Money?
    let issuingStatePercent: String
    let source: String

    init(_ split: SharingSplit) {
        realised = split.realised
        toVictims = split.toVictims
        toIssuingState = split.toIssuingState
        keptHere = split.keptByExecutingState
        basis = split.basis
        threshold = split.rule.threshold
        issuingStatePercent = "\(split.rule.issuingStatePercent)"
        source = SharingRule.source
    }
}
