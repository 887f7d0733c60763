import Foundation

/// A freezing or confiscation certificate under Reg 2018/1805 (DOMAIN §3.4).
public enum CertificateKind: String, CaseIterable, Sendable, Codable {
    case freezing
    case confiscation

    public init(_ kind: RequestKind) throws(CertificateKindError) {
        switch kind {
        case .freezingCertificate: self = .freezing
        case .confiscationCertificate: self = .confiscation
        case .informationRequest, .spontaneousInformation: throw CertificateKindError(kind: kind)
        }
    }

    /// The certificate that carries an order of `kind`: a freezing order's is a freezing
    /// certificate (Annex I), a confiscation order's a confiscation certificate (Annex II).
    public init(carrying kind: LegalOrder.Kind) {
        self = kind == .freezing ? .freezing : .confiscation
    }

    /// Only a freeze is urgent (Reg 2018/1805 Art 9(3)).
    public func check(urgencyReason: String?) throws(CertificateUrgencyError) {
        if urgencyReason != nil, self != .freezing { throw CertificateUrgencyError() }
    }
}

public struct CertificateUrgencyError: Error, Equatable, CustomStringConvertible {
    public var description: String { "only a freezing certificate is urgent (Reg 2018/1805 Art 9(3))" }
}

public struct CertificateKindError: Error, Equatable, CustomStringConvertible {
    public let kind: RequestKind
    public var description: String { "a \(kind.rawValue.replacingOccurrences(of: "_", with: " ")) is not a certificate" }
}

/// Where a certificate stands (DOMAIN §3.4).
///
/// ```
/// incoming freezing:     received -> recognised [-> postponed -> recognised] -> executed -> reported -> closed
///                        received -> refused -> closed
/// incoming confiscation: received -> recognised [-> postponed -> recognised] -> executed -> disposed -> costs_settled -> closed
///                        received -> refused | recognised -> impossible -> closed
/// outgoing:              draft -> sent -> (the executing state's decisions, recorded as they arrive) -> closed
/// ```
public enum CertificateState: String, CaseIterable, Sendable, Codable {
    case draft
    case sent
    case received
    /// Recognition decided (Art 9 freezing, Art 20 confiscation).
    case recognised
    /// Execution postponed (Art 10 freezing, Art 21 confiscation).
    case postponed
    /// Recognition refused on a ground of Art 8 (freezing) or Art 19 (confiscation).
    case refused
    case executed
    /// Execution impossible: the property has disappeared, was destroyed or cannot be found (Art 22).
    case impossible
    /// The execution of a freezing order reported to the issuing authority.
    case reported
    /// Money or property realised and disposed of (Art 30).
    case disposed
    /// Costs settled between the states (Art 31).
    case costsSettled = "costs_settled"
    /// Withdrawn by the issuing state.
    case withdrawn
    case closed
}

/// What moves a certificate on; on an outgoing certificate, the executing state's decisions
/// are recorded here as they arrive.
public enum CertificateAction: String, CaseIterable, Sendable, Codable {
    case send
    case recognise
    case postpone
    /// The ground for postponing has ceased: execution goes ahead.
    case resume
    case refuse
    case execute
    case declareImpossible = "declare_impossible"
    case report
    case dispose
    case settleCosts = "settle_costs"
    case withdraw
    case close

    var phrase: String {
        switch self {
        case .send: return "send"
        case .recognise: return "recognise"
        case .postpone: return "postpone"
        case .resume: return "resume the execution of"
        case .refuse: return "refuse"
        case .execute: return "execute"
        case .declareImpossible: return "declare impossible the execution of"
        case .report: return "report the execution of"
        case .dispose: return "record the disposal under"
        case .settleCosts: return "settle the costs of"
        case .withdraw: return "withdraw"
        case .close: return "close"
        }
    }
}

/// The certificate state machine, per kind and direction: the one place that says which
/// move is legal from where.
public enum CertificateLifecycle {
    typealias Moves = [CertificateState: [CertificateAction: CertificateState]]

    /// An incoming freezing certificate: recognised within 48 hours when urgent (Art 9),
    /// executed, and its execution reported; or refused (Art 8); execution may be postponed (Art 10).
    static let incomingFreezing: Moves = [
        .received: [.recognise: .recognised, .refuse: .refused, .withdraw: .withdrawn],
        .recognised: [.postpone: .postponed, .execute: .executed, .withdraw: .withdrawn],
        .postponed: [.resume: .recognised, .withdraw: .withdrawn],
        .executed: [.report: .reported],
        .reported: [.close: .closed],
        .refused: [.close: .closed],
        .withdrawn: [.close: .closed],
        .closed: [:],
    ]

    /// An incoming confiscation certificate: recognised within 45 days (Art 20) or refused
    /// (Art 19); executed, postponed (Art 21) or impossible (Art 22); the money or property
    /// disposed of (Art 30) and the costs settled (Art 31).
    static let incomingConfiscation: Moves = [
        .received: [.recognise: .recognised, .refuse: .refused, .withdraw: .withdrawn],
        .recognised: [.postpone: .postponed, .execute: .executed, .declareImpossible: .impossible, .withdraw: .withdrawn],
        .postponed: [.resume: .recognised, .declareImpossible: .impossible, .withdraw: .withdrawn],
        .executed: [.dispose: .disposed],
        .disposed: [.settleCosts: .costsSettled, .close: .closed],
        .costsSettled: [.close: .closed],
        .impossible: [.close: .closed],
        .refused: [.close: .closed],
        .withdrawn: [.close: .closed],
        .closed: [:],
    ]

    /// An outgoing certificate is drafted and sent here; from then on it follows the
    /// executing state's moves, recorded as they arrive.
    static func outgoing(_ incoming: Moves) -> Moves {
        var moves = incoming
        moves[.draft] = [.send: .sent, .withdraw: .withdrawn]
        moves[.sent] = moves.removeValue(forKey: .received)
        return moves
    }

    static let moves: [CertificateKind: [RequestDirection: Moves]] = [
        .freezing: [.incoming: incomingFreezing, .outgoing: outgoing(incomingFreezing)],
        .confiscation: [.incoming: incomingConfiscation, .outgoing: outgoing(incomingConfiscation)],
    ]

    public static func initialState(_ direction: RequestDirection) -> CertificateState {
        direction == .outgoing ? .draft : .received
    }

    public static func allowedActions(_ kind: CertificateKind, _ direction: RequestDirection, from state: CertificateState) -> [CertificateAction] {
        CertificateAction.allCases.filter { moves[kind]?[direction]?[state]?[$0] != nil }
    }

    public static func next(
        _ kind: CertificateKind, _ direction: RequestDirection, from state: CertificateState, by action: CertificateAction
    ) throws(CertificateTransitionError) -> CertificateState {
        guard let next = moves[kind]?[direction]?[state]?[action] else {
            throw CertificateTransitionError(
                kind: kind, direction: direction, state: state, action: action, allowed: allowedActions(kind, direction, from: state))
        }
        return next
    }
}

public struct CertificateTransitionError: Error, Equatable, CustomStringConvertible {
    public let kind: CertificateKind
    public let direction: RequestDirection
    public let state: CertificateState
    public let action: CertificateAction
    public let allowed: [CertificateAction]

    public var description: String {
        let options = allowed.isEmpty ? "nothing" : allowed.map(\.rawValue).joined(separator: ", ")
        let state = state.rawValue.replacingOccurrences(of: "_", with: " ")
        return "cannot \(action.phrase) an \(direction.rawValue) \(kind.rawValue) certificate that is \(state); allowed from there: \(options)"
    }
}
