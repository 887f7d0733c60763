import Foundation

/// The other side of an exchange: a Member State (or third country) and its office.
public struct Counterpart: Hashable, Sendable, Codable {
    public let state: CountryCode
    /// The office's name or code there, as its messages give it ("ARO Bucharest (ONPCSB)").
    public let office: String

    public init(state: CountryCode, office: String) {
        self.state = state
        self.office = office
    }
}

/// What a request asks or tells: the fields of the Swedish-initiative form (FD 2006/960
/// Annex B), each free text, each optional until the request is sent.
public struct RequestForm: Hashable, Sendable, Codable {
    public var offence: String?
    public var circumstances: String?
    public var informationSought: String?
    /// Why the information is believed to be in the requested state.
    public var reasonsToBelieve: String?
    public var purpose: String?
    /// Conditions on the use of what is given (FD 2006/960 Art 8(4)).
    public var restrictions: String?

    public init(
        offence: String? = nil, circumstances: String? = nil, informationSought: String? = nil, reasonsToBelieve: String? = nil,
        purpose: String? = nil, restrictions: String? = nil
    ) {
        self.offence = offence
        self.circumstances = circumstances
        self.informationSought = informationSought
        self.reasonsToBelieve = reasonsToBelieve
        self.purpose = purpose
        self.restrictions = restrictions
    }
}

/// A running clock, kept on the request from the moment it started: the rule, the period
/// in force then, and the instant it runs out. Changing a setting later never moves it.
public struct RequestClock: Hashable, Sendable, Codable {
    public let rule: DeadlineRule
    public let period: String
    public let startedAt: Date
    public let deadline: Date

    public init(rule: DeadlineRule, period: DeadlinePeriod, startedAt: Date, timeZone: TimeZone) {
        self.rule = rule
        self.period = period.iso
        self.startedAt = startedAt
        self.deadline = period.deadline(from: startedAt, in: timeZone)
    }

    public init(rule: DeadlineRule, period: String, startedAt: Date, deadline: Date) {
        self.rule = rule
        self.period = period
        self.startedAt = startedAt
        self.deadline = deadline
    }
}

/// An information request, or information sent spontaneously, between this office and
/// another Member State's (DOMAIN §3.3): tracked with its state, its links to the case and
/// the persons and property it concerns, and its deadline.
public struct CrossBorderRequest: Hashable, Sendable, Codable {
    public let id: UUID
    public let office: OfficeCode
    /// Nil for a request a partner sent directly, until triage links it to a case.
    public var caseID: UUID?
    public let direction: RequestDirection
    public let kind: RequestKind
    public var counterpart: Counterpart
    public var channel: Channel
    /// The message's reference on its channel, such as the SIENA reference.
    public var externalReference: String?
    /// Why it is urgent; nil when it is not.
    public var urgencyReason: String?
    /// Whether the information sought is directly accessible to the requested office
    /// (Dir 2023/977 Art 5): it decides between the 8-hour and 3-day urgent clocks.
    public var directlyAccessible: Bool
    public var form: RequestForm
    public var subjectIDs: [UUID]
    public var assetIDs: [UUID]
    /// The persons and property a partner's request concerns, as its message described them.
    public var personsConcerned: [PersonConcerned]
    public var objectsConcerned: [ObjectConcerned]
    public var state: RequestState
    /// Incoming: when it was received here; outgoing: when it was sent. The clock counts from it.
    public var receivedAt: Date?
    public var clock: RequestClock?
    /// When the latest answer was given (incoming) or arrived (outgoing).
    public var answeredAt: Date?
    public var version: Int
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, office: OfficeCode, caseID: UUID?, direction: RequestDirection, kind: RequestKind, counterpart: Counterpart,
        channel: Channel, externalReference: String?, urgencyReason: String?, directlyAccessible: Bool, form: RequestForm,
        subjectIDs: [UUID], assetIDs: [UUID], personsConcerned: [PersonConcerned] = [], objectsConcerned: [ObjectConcerned] = [],
        state: RequestState, receivedAt: Date?, clock: RequestClock?, answeredAt: Date?, version: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.office = office
        self.caseID = caseID
        self.direction = direction
        self.kind = kind
        self.counterpart = counterpart
        self.channel = channel
        self.externalReference = externalReference
        self.urgencyReason = urgencyReason
        self.directlyAccessible = directlyAccessible
        self.form = form
        self.subjectIDs = subjectIDs
        self.assetIDs = assetIDs
        self.personsConcerned = personsConcerned
        self.objectsConcerned = objectsConcerned
        self.state = state
        self.receivedAt = receivedAt
        self.clock = clock
        self.answeredAt = answeredAt
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var urgent: Bool { urgencyReason != nil }

    /// The origin of a case opened for this request.
    public var caseOrigin: CaseOrigin {
        kind == .spontaneousInformation ? .spontaneousInformation : .incomingRequest
    }

    /// The first event's action: what registering the request is called.
    public var registration: String { direction == .incoming ? "receive" : "draft" }

    /// The clock this request runs on, given its kind, urgency and access; nil where the
    /// law sets none (spontaneous information).
    public var deadlineRule: DeadlineRule? {
        DeadlineRule.applying(to: kind, urgent: urgent, directlyAccessible: directlyAccessible)
    }

    /// Still waiting for an answer and past its deadline at `now`.
    public func isOverdue(at now: Date) -> Bool {
        guard state.awaitsAnswer, let clock else { return false }
        return clock.deadline < now
    }

    /// Whether the (latest) answer came after the deadline, whatever a delay notice said.
    public var answeredLate: Bool? {
        guard let answeredAt, let clock else { return nil }
        return answeredAt > clock.deadline
    }

    /// Starts the clock from the receipt, with `period` (the setting in force now) in the
    /// office's `timeZone`. A clock already running on the same rule is left as it is, so a
    /// later change of the settings never moves it; a triage that settles another urgency or
    /// access starts the clock of the rule that now applies, still counted from the receipt.
    public mutating func startClock(period: (DeadlineRule) -> DeadlinePeriod, timeZone: TimeZone) {
        guard let start = receivedAt, let rule = deadlineRule else {
            clock = nil
            return
        }
        if clock?.rule != rule { clock = RequestClock(rule: rule, period: period(rule), startedAt: start, timeZone: timeZone) }
    }

    /// Whether `action` is the partner's to make: exchanged directly, the requested office's
    /// answers, delay notices and refusals arrive from its deployment, and so does the
    /// requesting office's withdrawal.
    public func isPartnersMove(_ action: RequestAction) -> Bool {
        guard channel == .arca else { return false }
        switch direction {
        case .outgoing: return [.answerInFull, .answerInPart, .noticeDelay, .refuse].contains(action)
        case .incoming: return action == .withdraw
        }
    }

    /// The moves this office can make now: the lifecycle's, less the partner's.
    public var allowedActions: [RequestAction] {
        RequestLifecycle.allowedActions(direction, from: state).filter { !isPartnersMove($0) }
    }

    /// Moves the request by `action`, which happened at `instant`: sending dates an outgoing
    /// request and starts its clock; triaging an incoming one settles its clock; an answer is
    /// dated, to tell whether it was late.
    public mutating func apply(
        _ action: RequestAction, at instant: Date, period: (DeadlineRule) -> DeadlinePeriod, timeZone: TimeZone
    ) throws(RequestTransitionError) {
        state = try RequestLifecycle.next(direction, from: state, by: action)
        switch action {
        case .send:
            receivedAt = instant
            startClock(period: period, timeZone: timeZone)
        case .triage:
            startClock(period: period, timeZone: timeZone)
        case .answerInFull, .answerInPart:
            answeredAt = instant
        default:
            break
        }
    }
}

/// One move of a request, as its history shows it: who, when, why, and for a refusal its
/// ground, for a delay notice the date the answer is now expected. The first event is the
/// request's registration: `receive` (incoming) or `draft` (outgoing), from no state.
public struct RequestEvent: Hashable, Sendable, Codable {
    public let id: Int64?
    /// A `RequestAction`'s code, or the registration's.
    public let action: String
    public let from: RequestState?
    public let to: RequestState
    public let occurredAt: Date
    public let actor: String
    public let reason: String?
    public let refusalGround: RefusalGround?
    public let expectedOn: Day?

    public init(
        id: Int64? = nil, action: String, from: RequestState?, to: RequestState, occurredAt: Date, actor: String, reason: String?,
        refusalGround: RefusalGround? = nil, expectedOn: Day? = nil
    ) {
        self.id = id
        self.action = action
        self.from = from
        self.to = to
        self.occurredAt = occurredAt
        self.actor = actor
        self.reason = reason
        self.refusalGround = refusalGround
        self.expectedOn = expectedOn
    }
}
