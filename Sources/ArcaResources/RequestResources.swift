import ArcaApplication
import ArcaDomain
import Foundation

/// A cross-border request as the API shows it: what it asks, where it stands, what may be
/// done next, and its deadline with the time left.
public struct RequestResource: Encodable {
    let id: String
    let caseId: String
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
        caseId = request.caseID.lowercased
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
        state = request.state
        allowedActions = RequestLifecycle.allowedActions(request.direction, from: request.state)
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
        rule = clock.rule
        source = clock.rule.source
        period = clock.period
        startedAt = clock.startedAt
        dueAt = clock.deadline
        let local = ISO8601DateFormatter()
        local.timeZone = timeZone
        dueAtLocal = local.string(from: clock.deadline)
        self.timeZone = timeZone.identifier
        remainingSeconds = request.state.awaitsAnswer ? Int(clock.deadline.timeIntervalSince(readAt).rounded(.down)) : nil
        overdue = request.isOverdue(at: readAt)
        answeredLate = request.answeredLate
    }
}

/// `GET /v1/requests/{id}`: the request with its history.
public struct RequestFileResource: Encodable {
    let request: RequestResource
    let events: [RequestEventResource]

    public init(_ file: RequestFile) {
        request = RequestResource(file.request, readAt: file.readAt, timeZone: file.timeZone)
        events = file.events.map(RequestEventResource.init)
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

struct RequestEventResource: Encodable {
    let id: Int64?
    let action: String
    let from: RequestState?
    let to: RequestState
    let occurredAt: Date
    let actor: String
    let reason: String?
    let refusalGround: RefusalGround?
    let expectedOn: Day?

    init(_ event: RequestEvent) {
        id = event.id
        action = event.action
        from = event.from
        to = event.to
        occurredAt = event.occurredAt
        actor = event.actor
        reason = event.reason
        refusalGround = event.refusalGround
        expectedOn = event.expectedOn
    }
}
