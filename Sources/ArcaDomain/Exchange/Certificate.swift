import Foundation

/// A freezing or confiscation certificate under Reg 2018/1805 (DOMAIN §3.4), as this office
/// tracks it: an outgoing one carries an order of this office to an executing state; an
/// incoming one carries another state's order, recorded here as an order of this office
/// issued by that state, with the clock of its recognition decision. One received from a
/// partner deployment arrives with the order as the issuing state describes it and waits to
/// be linked to the order recorded here. Its moves follow `CertificateLifecycle`.
public struct Certificate: Hashable, Sendable, Codable {
    public let id: UUID
    public let office: OfficeCode
    /// Nil only while an incoming certificate waits to be linked to the order recorded here.
    public var caseID: UUID?
    public let direction: RequestDirection
    public let kind: CertificateKind
    /// The order the certificate carries (outgoing: an order of this office); nil as `caseID`.
    public var orderID: UUID?
    /// Received from a partner deployment: the order as the issuing state describes it.
    public let orderDescribed: CertifiedOrder?
    /// The executing state's office (outgoing), or the issuing state's (incoming).
    public let counterpart: Counterpart
    public let channel: Channel
    public var externalReference: String?
    public var state: CertificateState
    /// Outgoing: when it was sent; incoming: when it was received.
    public var receivedAt: Date?
    /// Incoming freezing: why the issuing state says it is urgent; nil when it is not.
    public var urgencyReason: String?
    /// Incoming: the recognition decision's clock (48 hours for an urgent freeze, Art 9(3);
    /// 45 days for a confiscation, Art 20(1)), stored when it starts.
    public var clock: RequestClock?
    /// Incoming: when recognition was decided (recognised or refused).
    public var decidedAt: Date?
    public var version: Int
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, office: OfficeCode, caseID: UUID?, direction: RequestDirection, kind: CertificateKind, orderID: UUID?,
        orderDescribed: CertifiedOrder? = nil, counterpart: Counterpart, channel: Channel, externalReference: String?, state: CertificateState,
        receivedAt: Date?, urgencyReason: String? = nil, clock: RequestClock? = nil, decidedAt: Date? = nil, version: Int, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.office = office
        self.caseID = caseID
        self.direction = direction
        self.kind = kind
        self.orderID = orderID
        self.orderDescribed = orderDescribed
        self.counterpart = counterpart
        self.channel = channel
        self.externalReference = externalReference
        self.state = state
        self.receivedAt = receivedAt
        self.urgencyReason = urgencyReason
        self.clock = clock
        self.decidedAt = decidedAt
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The channel a certificate of `kind` travels on.
    public static func channel(for kind: CertificateKind) -> Channel {
        kind == .freezing ? .mrFreezingCertificate : .mrConfiscationCertificate
    }

    /// The recognition clock of an incoming certificate, or nil where the law sets none (a
    /// freezing certificate that is not urgent is dealt with as a domestic case, Art 9(1)).
    public var deadlineRule: DeadlineRule? {
        guard direction == .incoming else { return nil }
        return DeadlineRule.applying(to: kind == .freezing ? .freezingCertificate : .confiscationCertificate, urgent: urgencyReason != nil, directlyAccessible: false)
    }

    /// Starts the recognition clock from the receipt, with `period` (the setting in force now).
    public mutating func startClock(period: (DeadlineRule) -> DeadlinePeriod, timeZone: TimeZone) {
        guard let start = receivedAt, let rule = deadlineRule else { return }
        clock = RequestClock(rule: rule, period: period(rule), startedAt: start, timeZone: timeZone)
    }

    /// Still waiting for its recognition decision, and past its deadline at `now`.
    public func isOverdue(at now: Date) -> Bool {
        guard direction == .incoming, decidedAt == nil, ![.withdrawn, .closed].contains(state), let clock else { return false }
        return clock.deadline < now
    }

    /// Whether recognition was decided after the deadline.
    public var decidedLate: Bool? {
        guard let decidedAt, let clock else { return nil }
        return decidedAt > clock.deadline
    }

    /// An incoming certificate whose order is not recorded here yet can be refused or
    /// withdrawn, nothing else: recognising it says this office gives effect to an order the
    /// record must show first.
    public func needsOrder(for action: CertificateAction) -> Bool {
        orderID == nil && ![.refuse, .withdraw, .close].contains(action)
    }

    /// The moves this office can make now: the lifecycle's, less those that are the partner's
    /// and, on a certificate whose order is not recorded here yet, those that need it.
    public var allowedActions: [CertificateAction] {
        CertificateLifecycle.allowedActions(kind, direction, from: state).filter { !isPartnersMove($0) && !needsOrder(for: $0) }
    }

    /// Whether the partner may make `action` on this certificate now: it is the partner's to
    /// make and the lifecycle allows it from here. Anything else it sends would never apply.
    public func takesPartnersMove(_ action: CertificateAction) -> Bool {
        isPartnersMove(action) && CertificateLifecycle.allowedActions(kind, direction, from: state).contains(action)
    }

    /// An incoming certificate received from a partner that still waits to be given a case
    /// or its order here: once refused, withdrawn or closed there is nothing to record.
    public var awaitsRecording: Bool {
        direction == .incoming && orderID == nil && state == .received
    }

    /// Whether `action` on this certificate is the partner's to make: exchanged directly, the
    /// executing state's decisions arrive from its deployment and so does the issuing state's
    /// withdrawal; sending, closing and the office's own decisions are made here.
    public func isPartnersMove(_ action: CertificateAction) -> Bool {
        guard channel == .arca, action != .close else { return false }
        return direction == .outgoing ? ![.send, .withdraw].contains(action) : action == .withdraw
    }

    /// Moves the certificate by `action`, which happened at `instant`; sending dates it, and
    /// recognising or refusing an incoming one dates the decision its clock runs to.
    public mutating func apply(_ action: CertificateAction, at instant: Date) throws(CertificateTransitionError) {
        let from = state
        state = try CertificateLifecycle.next(kind, direction, from: state, by: action)
        if action == .send { receivedAt = instant }
        if direction == .incoming, from == .received, action == .recognise || action == .refuse { decidedAt = instant }
    }

    /// Whether amounts recovered abroad can be recorded on it: an outgoing confiscation
    /// certificate, once the executing state has it.
    public var takesRecoveries: Bool {
        direction == .outgoing && kind == .confiscation && ![.draft, .refused, .withdrawn].contains(state)
    }
}

/// The order a certificate carries, as the issuing state describes it in the certificate
/// (Reg 2018/1805 Annexes I and II, section B onwards): enough to record it here, with the
/// persons and property concerned limited as a request's are (DOMAIN §7).
public struct CertifiedOrder: Hashable, Sendable, Codable {
    public let kind: LegalOrder.Kind
    public let urgent: Bool
    public let confiscationType: ConfiscationType?
    public let issuingAuthority: String
    public let decisionReference: String
    public let decisionDate: Day
    public let coveredAmount: Money?
    public let personsConcerned: [PersonConcerned]
    public let objectsConcerned: [ObjectConcerned]

    public init(_ order: LegalOrder, personsConcerned: [PersonConcerned], objectsConcerned: [ObjectConcerned]) {
        kind = order.kind
        urgent = order.urgent
        confiscationType = order.confiscationType
        issuingAuthority = order.issuingAuthority
        decisionReference = order.decisionReference
        decisionDate = order.decisionDate
        coveredAmount = order.coveredAmount
        self.personsConcerned = personsConcerned
        self.objectsConcerned = objectsConcerned
    }
}

/// One move of a certificate: who, when, why, and for a refusal its ground (Art 8 or 19).
/// The first event is its registration: `draft` (outgoing) or `receive` (incoming).
public struct CertificateEvent: Hashable, Sendable, Codable {
    public let id: Int64?
    public let action: String
    public let from: CertificateState?
    public let to: CertificateState
    public let occurredAt: Date
    public let actor: String
    public let reason: String?
    public let refusalGround: RefusalGround?

    public init(
        id: Int64? = nil, action: String, from: CertificateState?, to: CertificateState, occurredAt: Date, actor: String, reason: String?,
        refusalGround: RefusalGround? = nil
    ) {
        self.id = id
        self.action = action
        self.from = from
        self.to = to
        self.occurredAt = occurredAt
        self.actor = actor
        self.reason = reason
        self.refusalGround = refusalGround
    }
}

/// An amount an executing state recovered under an outgoing confiscation certificate.
public struct Recovery: Hashable, Sendable, Codable {
    public let id: Int64?
    public let certificateID: UUID
    /// The executing state that recovered it.
    public let state: CountryCode
    public let amount: Money
    public let recoveredOn: Day
    public let recordedBy: String
    public let reason: String?

    public init(
        id: Int64? = nil, certificateID: UUID, state: CountryCode, amount: Money, recoveredOn: Day, recordedBy: String, reason: String?
    ) {
        self.id = id
        self.certificateID = certificateID
        self.state = state
        self.amount = amount
        self.recoveredOn = recoveredOn
        self.recordedBy = recordedBy
        self.reason = reason
    }
}

/// One order's amounts recovered across every state its confiscation certificates went to
/// (Reg 2018/1805 Art 16): the total can never exceed the amount in the order. The database
/// holds the same rule (migration 0018), so two recordings at once cannot break it either.
public struct RecoveryLedger: Hashable, Sendable {
    /// The amount in the order.
    public let ordered: Money
    public let recoveries: [Recovery]

    public init(ordered: Money, recoveries: [Recovery]) {
        self.ordered = ordered
        self.recoveries = recoveries
    }

    public var recovered: Money {
        Money(recoveries.reduce(Decimal(0)) { $0 + $1.amount.amount }, ordered.currency)
    }

    /// What may still be recovered, by any state.
    public var outstanding: Money {
        Money(ordered.amount - recovered.amount, ordered.currency)
    }

    /// The amounts recovered per executing state, in the order the states first recovered.
    public var byState: [(state: CountryCode, recovered: Money)] {
        var states: [CountryCode] = []
        var totals: [CountryCode: Decimal] = [:]
        for recovery in recoveries {
            if totals[recovery.state] == nil { states.append(recovery.state) }
            totals[recovery.state, default: 0] += recovery.amount.amount
        }
        return states.map { ($0, Money(totals[$0]!, ordered.currency)) }
    }

    /// Refuses an amount in another currency, or one beyond what is outstanding.
    public func check(adding amount: Money) throws(RecoveryLedgerError) {
        guard amount.currency == ordered.currency else { throw .currency(ordered: ordered.currency, given: amount.currency) }
        guard amount.amount <= outstanding.amount else { throw .exceedsOrder(outstanding: outstanding, ordered: ordered) }
    }
}

public enum RecoveryLedgerError: Error, Equatable, CustomStringConvertible {
    case currency(ordered: Currency, given: Currency)
    case exceedsOrder(outstanding: Money, ordered: Money)

    public var description: String {
        switch self {
        case .currency(let ordered, let given):
            return "the order's amount is in \(ordered): record the amount recovered in \(ordered), not \(given)"
        case .exceedsOrder(let outstanding, let ordered):
            return "only \(outstanding) of the order's \(ordered) is still outstanding across all executing states (Reg 2018/1805 Art 16)"
        }
    }
}
