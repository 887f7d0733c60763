import Foundation

/// Where a piece of property stands (DOMAIN §3.1).
///
/// ```
/// identified -> traced -> frozen -> confiscation_ordered -> confiscation_final
///   -> recovered -> disposed -> closed
/// frozen -> released | interim_sold | restituted
/// ```
public enum AssetState: String, CaseIterable, Sendable, Codable {
    case identified
    case traced
    case frozen
    /// Replaced by its sale proceeds, which stay frozen (Dir 2024/1260 Art 21).
    case interimSold = "interim_sold"
    case confiscationOrdered = "confiscation_ordered"
    case confiscationFinal = "confiscation_final"
    /// Value realised and received.
    case recovered
    case disposed
    /// Freeze or confiscation lifted: returned to the owner's free disposal.
    case released
    /// Returned to the victim before confiscation (Reg 2018/1805 Art 29).
    case restituted
    case closed

    /// As a sentence says it: "interim sold", "confiscation final".
    var phrase: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// What moves an asset from one state to the next.
public enum AssetAction: String, CaseIterable, Sendable, Codable {
    case trace
    case freeze
    case sellInterim = "sell_interim"
    case orderConfiscation = "order_confiscation"
    case finaliseConfiscation = "finalise_confiscation"
    case recordRecovery = "record_recovery"
    case dispose
    case release
    case restitute
    case close
    /// One of the orders holding the asset was lifted; another still holds it, so it stays
    /// where it is.
    case orderLifted = "order_lifted"
    /// The confiscation order was lifted before it became final; a freezing order still
    /// stands, so the asset is frozen again (or its interim sale's proceeds are).
    case confiscationLifted = "confiscation_lifted"

    /// The moves an officer records as they happen (DOMAIN §3.1); freezing, confiscation, the
    /// recovery of its value and release follow from orders, and are recorded with them.
    public static let recordedDirectly: [AssetAction] = [.trace, .sellInterim, .dispose, .restitute, .close]

    /// What a move recorded directly must carry, and must not (DOMAIN §6): an interim sale its
    /// price; a disposal its outcome, a sale's gross proceeds, and a victim who receives the
    /// property; only a disposal has costs, and only it and a restitution a recipient.
    public func checkDirect(amount: Bool, outcome: Bool, disposedAs: DisposalOutcome? = nil, costs: Bool = false, recipient: Bool = false)
        -> [DirectMoveError]
    {
        guard Self.recordedDirectly.contains(self) else { return [.byOrder(self)] }
        var errors: [DirectMoveError] = []
        switch self {
        case .sellInterim:
            if !amount { errors.append(.priceRequired) }
        case .dispose:
            if !outcome { errors.append(.outcomeRequired) }
            if let disposedAs, disposedAs.isSale, !amount { errors.append(.proceedsRequired) }
            if let disposedAs, disposedAs.redressesVictim, !recipient { errors.append(.recipientRequired) }
            if let disposedAs, !disposedAs.redressesVictim, recipient { errors.append(.recipientNotApplicable) }
        default:
            if amount { errors.append(.amountNotApplicable) }
        }
        if self != .dispose, outcome { errors.append(.outcomeNotApplicable) }
        if self != .dispose, costs { errors.append(.costsNotApplicable) }
        // Restitution before confiscation may name the victim it returned the property to.
        if self != .dispose, self != .restitute, recipient { errors.append(.recipientNotApplicable) }
        return errors
    }

    /// The verb phrase a refusal uses: "cannot <phrase> an asset that is frozen".
    var phrase: String {
        switch self {
        case .trace: return "trace"
        case .freeze: return "freeze"
        case .sellInterim: return "sell in an interim sale"
        case .orderConfiscation: return "order the confiscation of"
        case .finaliseConfiscation: return "finalise the confiscation of"
        case .recordRecovery: return "record the recovery of"
        case .dispose: return "dispose of"
        case .release: return "release"
        case .restitute: return "restitute"
        case .close: return "close"
        case .orderLifted: return "lift an order holding"
        case .confiscationLifted: return "lift the confiscation of"
        }
    }
}

/// The asset state machine: the one place that says which move is legal from where.
public enum AssetLifecycle {
    /// Legal moves: action and resulting state, by current state.
    static let moves: [AssetState: [AssetAction: AssetState]] = [
        .identified: [.trace: .traced, .freeze: .frozen],
        .traced: [.freeze: .frozen],
        // Several orders may hold one asset (Dir 2014/42 Art 7(2)): a second freeze keeps it
        // frozen, and lifting one of them leaves it held by the others.
        .frozen: [
            .freeze: .frozen, .orderConfiscation: .confiscationOrdered, .sellInterim: .interimSold,
            .release: .released, .restitute: .restituted, .orderLifted: .frozen,
        ],
        .interimSold: [
            .freeze: .interimSold, .orderConfiscation: .confiscationOrdered, .release: .released,
            .restitute: .restituted, .orderLifted: .interimSold,
        ],
        .confiscationOrdered: [
            .freeze: .confiscationOrdered, .finaliseConfiscation: .confiscationFinal, .release: .released,
            .orderLifted: .confiscationOrdered, .confiscationLifted: .frozen,
        ],
        .confiscationFinal: [.recordRecovery: .recovered],
        .recovered: [.dispose: .disposed],
        .disposed: [.close: .closed],
        .released: [.close: .closed],
        .restituted: [.close: .closed],
        .closed: [:],
    ]

    /// The actions allowed from `state`, in a stable order.
    public static func allowedActions(from state: AssetState) -> [AssetAction] {
        allowed[state] ?? []
    }

    /// `allowedActions`, worked out once: every asset an answer shows lists them.
    private static let allowed = Dictionary(
        uniqueKeysWithValues: AssetState.allCases.map { state in (state, AssetAction.allCases.filter { moves[state]?[$0] != nil }) })

    /// The state `action` leads to from `state`, or a refusal that names the current
    /// state and what is allowed.
    ///
    /// Nothing is confiscated that was never frozen, unless the order is a value-based
    /// confiscation of a sum of money (DOMAIN §3.1; Dir 2014/42 Art 4(1)).
    ///
    /// A confiscation lifted before it became final leaves the asset where the freeze holds
    /// it: its sale proceeds, when it was sold in the interim, else frozen.
    public static func next(
        from state: AssetState, by action: AssetAction, valueConfiscationOfMoney: Bool = false, soldInTheInterim: Bool = false
    ) throws(AssetTransitionError) -> AssetState {
        if action == .orderConfiscation, valueConfiscationOfMoney, state == .identified || state == .traced {
            return .confiscationOrdered
        }
        if action == .confiscationLifted, state == .confiscationOrdered, soldInTheInterim {
            return .interimSold
        }
        guard let next = moves[state]?[action] else {
            throw AssetTransitionError(state: state, action: action, allowed: allowedActions(from: state))
        }
        return next
    }
}

public struct AssetTransitionError: Error, Equatable, CustomStringConvertible {
    public let state: AssetState
    public let action: AssetAction
    public let allowed: [AssetAction]

    public var description: String {
        let options = allowed.isEmpty ? "nothing: the asset is closed" : allowed.map(\.rawValue).joined(separator: ", ")
        return "cannot \(action.phrase) an asset that is \(state.phrase); allowed from there: \(options)"
    }
}

/// Why a move cannot be recorded directly as given.
public enum DirectMoveError: Error, Equatable, CustomStringConvertible {
    case byOrder(AssetAction)
    case priceRequired
    case amountNotApplicable
    case outcomeRequired
    case outcomeNotApplicable
    case proceedsRequired
    case costsNotApplicable
    case recipientRequired
    case recipientNotApplicable

    public var description: String {
        switch self {
        case .byOrder(let action): return "\(action.rawValue) follows from an order: create, execute or lift the order instead"
        case .priceRequired: return "the sale price is required to record an interim sale"
        case .amountNotApplicable:
            return "only an interim sale (its price) and a disposal (its gross proceeds) have an amount here; a recovery's comes with the confiscation's execution"
        case .outcomeRequired: return "a disposal needs its outcome (see GET /v1/vocabularies)"
        case .outcomeNotApplicable: return "only a disposal has an outcome"
        case .proceedsRequired: return "a disposal by sale needs its gross proceeds (amount)"
        case .costsNotApplicable: return "only a disposal has costs here; record other costs as management (POST /v1/assets/{id}/management)"
        case .recipientRequired: return "property restituted to a victim or sold to compensate one names the victim (a subject of the case with role victim)"
        case .recipientNotApplicable:
            return "only a restitution, or a disposal to a victim (restituted_to_victim, victim_compensation), has a recipient"
        }
    }
}
