import ArcaDomain
import Foundation

/// A cross-border request to register: an incoming one as received, or an outgoing draft.
public struct NewRequest: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var direction: String?
    public var kind: String?
    public var caseID: String?
    public var counterpartState: String?
    public var counterpartOffice: String?
    public var channel: String?
    public var externalReference: String?
    public var urgent: Bool?
    public var urgencyReason: String?
    public var directlyAccessible: Bool?
    /// Incoming: when the request arrived (RFC 3339), if not just now.
    public var receivedAt: String?
    public var form: RequestForm
    public var subjects: [String]?
    public var assets: [String]?

    public init(
        direction: String?, kind: String?, caseID: String?, counterpartState: String?, counterpartOffice: String?, channel: String?,
        externalReference: String? = nil, urgent: Bool? = nil, urgencyReason: String? = nil, directlyAccessible: Bool? = nil,
        receivedAt: String? = nil, form: RequestForm = RequestForm(), subjects: [String]? = nil, assets: [String]? = nil
    ) {
        self.direction = direction
        self.kind = kind
        self.caseID = caseID
        self.counterpartState = counterpartState
        self.counterpartOffice = counterpartOffice
        self.channel = channel
        self.externalReference = externalReference
        self.urgent = urgent
        self.urgencyReason = urgencyReason
        self.directlyAccessible = directlyAccessible
        self.receivedAt = receivedAt
        self.form = form
        self.subjects = subjects
        self.assets = assets
    }
}

/// A move of a request (`send`, `triage`, `notice_delay`, `refuse`, …) with what it needs:
/// a refusal its ground, a delay notice its reason and the date the answer is now expected;
/// a triage may settle the urgency and access the clock depends on; sending may give the
/// channel's reference. A move is dated now unless it happened earlier (`occurredAt`).
public struct RequestMoveInput: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var action: String?
    public var reason: String?
    public var refusalGround: String?
    public var expectedOn: String?
    public var urgent: Bool?
    public var urgencyReason: String?
    public var directlyAccessible: Bool?
    /// When it happened (RFC 3339), if not just now: an answer sent before it was recorded.
    public var occurredAt: String?
    /// Sending: the message's reference on its channel.
    public var externalReference: String?
    /// Triage: the case of the office an incoming request without one belongs to.
    public var caseID: String?

    public init(
        action: String?, reason: String? = nil, refusalGround: String? = nil, expectedOn: String? = nil, urgent: Bool? = nil,
        urgencyReason: String? = nil, directlyAccessible: Bool? = nil, occurredAt: String? = nil, externalReference: String? = nil,
        caseID: String? = nil
    ) {
        self.action = action
        self.reason = reason
        self.refusalGround = refusalGround
        self.expectedOn = expectedOn
        self.urgent = urgent
        self.urgencyReason = urgencyReason
        self.directlyAccessible = directlyAccessible
        self.occurredAt = occurredAt
        self.externalReference = externalReference
        self.caseID = caseID
    }
}

/// Which requests to list: `overdue` for those past their deadline without an answer,
/// `dueWithin` (an ISO 8601 period such as PT8H) for those late or due within it.
public struct RequestListRequest: Sendable, Equatable {
    public var caseID: String?
    public var direction: String?
    public var state: String?
    public var overdue: String?
    public var dueWithin: String?
    public var limit: Int?
    public var cursor: String?

    public init(
        caseID: String? = nil, direction: String? = nil, state: String? = nil, overdue: String? = nil, dueWithin: String? = nil,
        limit: Int? = nil, cursor: String? = nil
    ) {
        self.caseID = caseID
        self.direction = direction
        self.state = state
        self.overdue = overdue
        self.dueWithin = dueWithin
        self.limit = limit
        self.cursor = cursor
    }
}

/// A request with its history, and the time it was read (the remaining time is counted from it).
public struct RequestFile: Sendable {
    public let request: CrossBorderRequest
    public let events: [RequestEvent]
    public let readAt: Date
    /// The office's time zone, in which the deadline is also shown.
    public let timeZone: TimeZone
}

/// A page of requests, and the time it was read (the remaining time is counted from it).
public struct RequestList: Sendable {
    public let page: Page<CrossBorderRequest>
    public let readAt: Date
    public let timeZone: TimeZone
}
