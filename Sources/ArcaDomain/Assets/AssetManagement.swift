import Foundation

/// What is recorded about property while the authorities hold it, beside its moves (DOMAIN §2
/// "management event"): who keeps it, and what keeping it costs. The other management events,
/// an interim sale and restitution to a victim before confiscation, move the asset and are
/// recorded as its events.
public enum ManagementKind: String, CaseIterable, Sendable, Codable {
    /// Custody handed to a manager: an asset management office, a custodian, a bank.
    case custody
    /// A cost incurred: storage, insurance, upkeep, an expert, a sale's fees.
    case cost
}

/// One management event of an asset, as recorded.
public struct ManagementEvent: Hashable, Sendable, Codable {
    /// Its place in the ledger, once recorded.
    public let id: Int64?
    public let assetID: UUID
    public let kind: ManagementKind
    public let occurredOn: Day
    /// Custody: who keeps the property from that day.
    public let manager: String?
    /// A cost: what it paid for, and how much.
    public let purpose: String?
    public let cost: Money?
    public let reason: String
    public let actor: String
    public let recordedAt: Date?

    public init(
        id: Int64? = nil, assetID: UUID, kind: ManagementKind, occurredOn: Day, manager: String?, purpose: String?, cost: Money?,
        reason: String, actor: String, recordedAt: Date? = nil
    ) {
        self.id = id
        self.assetID = assetID
        self.kind = kind
        self.occurredOn = occurredOn
        self.manager = manager
        self.purpose = purpose
        self.cost = cost
        self.reason = reason
        self.actor = actor
        self.recordedAt = recordedAt
    }

    public static let managerLength = 1...300
    public static let purposeLength = 1...500

    /// What an event of `kind` must name, and must not: custody its manager; a cost its purpose
    /// and amount.
    public static func check(_ kind: ManagementKind, manager: Bool, purpose: Bool, amount: Bool) -> [ManagementFieldError] {
        switch kind {
        case .custody:
            return (manager ? [] : [.managerRequired]) + (purpose ? [.purposeNotApplicable] : []) + (amount ? [.amountNotApplicable] : [])
        case .cost:
            return (purpose ? [] : [.purposeRequired]) + (amount ? [] : [.amountRequired]) + (manager ? [.managerNotApplicable] : [])
        }
    }
}

/// A part a management event lacks, or has but must not.
public enum ManagementFieldError: Error, Equatable, CustomStringConvertible {
    case managerRequired
    case managerNotApplicable
    case purposeRequired
    case purposeNotApplicable
    case amountRequired
    case amountNotApplicable

    public var field: String {
        switch self {
        case .managerRequired, .managerNotApplicable: return "manager"
        case .purposeRequired, .purposeNotApplicable: return "purpose"
        case .amountRequired, .amountNotApplicable: return "amount"
        }
    }

    public var rule: String {
        switch self {
        case .managerRequired, .purposeRequired, .amountRequired: return "required"
        case .managerNotApplicable, .purposeNotApplicable, .amountNotApplicable: return "not-applicable"
        }
    }

    public var description: String {
        switch self {
        case .managerRequired: return "custody names who keeps the property from that day"
        case .managerNotApplicable: return "only custody names a manager"
        case .purposeRequired: return "a cost says what it paid for"
        case .purposeNotApplicable: return "only a cost has a purpose"
        case .amountRequired: return "a cost has its amount"
        case .amountNotApplicable: return "only a cost has an amount"
        }
    }
}

/// When property may be managed: custody is handed over while the authorities hold it; a cost
/// may still come in after they let it go (a final invoice), but not for property never held.
public enum AssetManagement {
    /// The states in which the authorities hold the property (or its sale proceeds).
    public static let heldStates: Set<AssetState> = [.frozen, .interimSold, .confiscationOrdered, .confiscationFinal, .recovered]

    /// The day from which the authorities held `asset`: its first freeze, or, for a sum
    /// confiscated by value and never frozen, the day confiscation was ordered.
    public static func heldSince(_ asset: Asset) -> Day? {
        asset.frozenOn ?? asset.confiscationOrderedOn
    }

    /// Refuses a management event of `kind` on `day` for property the authorities do not (or
    /// never did) hold, or dated before they held it.
    public static func check(_ kind: ManagementKind, of asset: Asset, on day: Day) throws(ManagementError) {
        guard let since = heldSince(asset) else { throw .neverHeld(asset.state) }
        if kind == .custody, !heldStates.contains(asset.state) { throw .notHeld(asset.state) }
        guard day >= since else { throw .beforeHeld(day, since: since) }
    }
}

/// Why a management event cannot be recorded for an asset.
public enum ManagementError: Error, Equatable, CustomStringConvertible {
    case neverHeld(AssetState)
    case notHeld(AssetState)
    case beforeHeld(Day, since: Day)

    public var description: String {
        switch self {
        case .neverHeld(let state):
            return "the asset is \(state.phrase) and was never frozen or confiscated: there is nothing the authorities manage"
        case .notHeld(let state):
            return "custody is handed over only while the authorities hold the property; the asset is \(state.phrase)"
        case .beforeHeld(let day, let since):
            return "\(day) is before the authorities held the property (from \(since))"
        }
    }
}
