import Foundation

/// Which way a request travels, seen from this office.
public enum RequestDirection: String, CaseIterable, Sendable, Codable {
    /// Sent by this office to another Member State's.
    case outgoing
    /// Received from another Member State's office.
    case incoming
}

/// Where an information request stands (DOMAIN §3.3).
///
/// ```
/// incoming: received -> triaged -> in_progress [-> pending_authorisation -> in_progress]
///             -> answered_in_full | answered_in_part | refused | withdrawn -> closed
/// outgoing: draft -> sent -> answered_in_full | answered_in_part | refused | withdrawn -> closed
/// ```
public enum RequestState: String, CaseIterable, Sendable, Codable {
    /// Being written here; nothing has left the office.
    case draft
    /// Sent to the requested office, which runs the clock.
    case sent
    case received
    /// Urgency and access decided: the deadline clock runs (DOMAIN §4).
    case triaged
    case inProgress = "in_progress"
    /// Waiting for a judicial authority's authorisation before the information may be given.
    case pendingAuthorisation = "pending_authorisation"
    case answeredInFull = "answered_in_full"
    case answeredInPart = "answered_in_part"
    case refused
    case withdrawn
    case closed

    /// Still waiting for an answer: the states in which a deadline can be missed.
    public var awaitsAnswer: Bool {
        [.sent, .received, .triaged, .inProgress, .pendingAuthorisation].contains(self)
    }
}

/// What moves an information request on. A delay notice, a reminder and an escalation are
/// recorded as moves that leave the state where it is, so each is an event of its own.
public enum RequestAction: String, CaseIterable, Sendable, Codable {
    case send
    case triage
    case start
    case awaitAuthorisation = "await_authorisation"
    /// The authorisation arrived: the work goes on.
    case resume
    /// The answer will be late: why, and when it is expected (FD 2006/960; Dir 2023/977 Art 5(2)).
    case noticeDelay = "notice_delay"
    /// Outgoing: the requested office is reminded of the request.
    case remind
    /// Outgoing: the request is escalated (to the liaison channel's supervisor, or Europol).
    case escalate
    case answerInFull = "answer_in_full"
    case answerInPart = "answer_in_part"
    /// Refused, with a ground from the vocabulary (DOMAIN §6).
    case refuse
    /// The requesting office no longer needs the information.
    case withdraw
    case close

    /// The verb phrase a refusal uses: "cannot <phrase> a request that is sent".
    var phrase: String {
        switch self {
        case .send: return "send"
        case .triage: return "triage"
        case .start: return "start work on"
        case .awaitAuthorisation: return "await authorisation for"
        case .resume: return "resume work on"
        case .noticeDelay: return "notice a delay on"
        case .remind: return "send a reminder for"
        case .escalate: return "escalate"
        case .answerInFull: return "answer in full"
        case .answerInPart: return "answer in part"
        case .refuse: return "refuse"
        case .withdraw: return "withdraw"
        case .close: return "close"
        }
    }
}

/// The information-request state machine: the one place that says which move is legal
/// from where, for each direction. On an outgoing request, the answers, refusals and delay
/// notices are the requested office's, recorded here as they arrive.
public enum RequestLifecycle {
    static let moves: [RequestDirection: [RequestState: [RequestAction: RequestState]]] = [
        .incoming: [
            .received: [.triage: .triaged, .refuse: .refused, .withdraw: .withdrawn],
            .triaged: [
                .start: .inProgress, .noticeDelay: .triaged, .answerInFull: .answeredInFull, .answerInPart: .answeredInPart,
                .refuse: .refused, .withdraw: .withdrawn,
            ],
            .inProgress: [
                .awaitAuthorisation: .pendingAuthorisation, .noticeDelay: .inProgress, .answerInFull: .answeredInFull,
                .answerInPart: .answeredInPart, .refuse: .refused, .withdraw: .withdrawn,
            ],
            // Authorisation refused is a refusal; granted, the work resumes.
            .pendingAuthorisation: [.resume: .inProgress, .noticeDelay: .pendingAuthorisation, .refuse: .refused, .withdraw: .withdrawn],
            // What could not be given at first may follow.
            .answeredInPart: [.answerInFull: .answeredInFull, .close: .closed],
            .answeredInFull: [.close: .closed],
            .refused: [.close: .closed],
            .withdrawn: [.close: .closed],
            .closed: [:],
        ],
        .outgoing: [
            .draft: [.send: .sent, .withdraw: .withdrawn],
            .sent: [
                .remind: .sent, .escalate: .sent, .noticeDelay: .sent, .answerInFull: .answeredInFull, .answerInPart: .answeredInPart,
                .refuse: .refused, .withdraw: .withdrawn,
            ],
            .answeredInPart: [.remind: .answeredInPart, .answerInFull: .answeredInFull, .close: .closed],
            .answeredInFull: [.close: .closed],
            .refused: [.close: .closed],
            .withdrawn: [.close: .closed],
            .closed: [:],
        ],
    ]

    /// The state a new request starts in.
    public static func initialState(_ direction: RequestDirection) -> RequestState {
        direction == .outgoing ? .draft : .received
    }

    /// The actions allowed on a request of `direction` in `state`, in a stable order.
    public static func allowedActions(_ direction: RequestDirection, from state: RequestState) -> [RequestAction] {
        RequestAction.allCases.filter { moves[direction]?[state]?[$0] != nil }
    }

    /// The state `action` leads to, or a refusal that names the current state and what is allowed.
    public static func next(_ direction: RequestDirection, from state: RequestState, by action: RequestAction) throws(RequestTransitionError)
        -> RequestState
    {
        guard let next = moves[direction]?[state]?[action] else {
            throw RequestTransitionError(direction: direction, state: state, action: action, allowed: allowedActions(direction, from: state))
        }
        return next
    }
}

public struct RequestTransitionError: Error, Equatable, CustomStringConvertible {
    public let direction: RequestDirection
    public let state: RequestState
    public let action: RequestAction
    public let allowed: [RequestAction]

    public var description: String {
        let options = allowed.isEmpty ? "nothing" : allowed.map(\.rawValue).joined(separator: ", ")
        let state = state.rawValue.replacingOccurrences(of: "_", with: " ")
        return "cannot \(action.phrase) an \(direction.rawValue) request that is \(state); allowed from there: \(options)"
    }
}
