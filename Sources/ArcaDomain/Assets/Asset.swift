import Foundation

/// One piece of property in a case (DOMAIN §2), with where it stands in its lifecycle and
/// the three values DOMAIN §3.1 keeps: estimated at freezing, estimated at confiscation,
/// and actually realised.
public struct Asset: Hashable, Sendable, Codable {
    public let id: UUID
    public let caseID: UUID
    public var category: AssetCategory
    public var description: String
    public var identifiers: AssetIdentifiers
    /// Where the property is: its country of location, registration or account.
    public var country: CountryCode
    public var propertyRole: PropertyRole?
    /// The subjects of the case who own it.
    public var owners: [UUID]
    public var state: AssetState
    /// The latest estimate of its value.
    public var estimatedValue: Money?
    public var valueAtFreezing: Money?
    public var valueAtConfiscation: Money?
    public var realisedValue: Money?
    public var identifiedOn: Day
    public var version: Int
    public let createdAt: Date

    public init(
        id: UUID, caseID: UUID, category: AssetCategory, description: String, identifiers: AssetIdentifiers,
        country: CountryCode, propertyRole: PropertyRole?, owners: [UUID], state: AssetState, estimatedValue: Money?,
        valueAtFreezing: Money? = nil, valueAtConfiscation: Money? = nil, realisedValue: Money? = nil, identifiedOn: Day,
        version: Int, createdAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.category = category
        self.description = description
        self.identifiers = identifiers
        self.country = country
        self.propertyRole = propertyRole
        self.owners = owners
        self.state = state
        self.estimatedValue = estimatedValue
        self.valueAtFreezing = valueAtFreezing
        self.valueAtConfiscation = valueAtConfiscation
        self.realisedValue = realisedValue
        self.identifiedOn = identifiedOn
        self.version = version
        self.createdAt = createdAt
    }

    public static let descriptionLength = 1...2000

    /// Moves the asset by `action`, fixing the value that stage keeps: the estimate at
    /// freezing and at confiscation, the amount received at recovery.
    public mutating func apply(
        _ action: AssetAction, valueConfiscationOfMoney: Bool = false, realised: Money? = nil
    ) throws(AssetTransitionError) {
        state = try AssetLifecycle.next(from: state, by: action, valueConfiscationOfMoney: valueConfiscationOfMoney)
        switch action {
        case .freeze: valueAtFreezing = estimatedValue
        case .orderConfiscation: valueAtConfiscation = estimatedValue
        case .recordRecovery: realisedValue = realised
        default: break
        }
    }
}

/// An estimate of an asset's value on a date, by a method (DOMAIN §2).
public struct Valuation: Hashable, Sendable, Codable {
    public let id: UUID
    public let assetID: UUID
    public let valuedOn: Day
    public let method: ValuationMethod
    public let value: Money
    public let recordedBy: String

    public init(id: UUID, assetID: UUID, valuedOn: Day, method: ValuationMethod, value: Money, recordedBy: String) {
        self.id = id
        self.assetID = assetID
        self.valuedOn = valuedOn
        self.method = method
        self.value = value
        self.recordedBy = recordedBy
    }
}

/// One move of an asset: what was done, from which state to which, when, by whom and why.
public struct AssetEvent: Hashable, Sendable, Codable {
    /// `identify` for the asset's first record, otherwise the action taken.
    public let action: String
    public let from: AssetState?
    public let to: AssetState
    public let occurredOn: Day
    public let actor: String
    public let reason: String?
    public let orderID: UUID?
    public let recordedAt: Date?

    public init(
        action: String, from: AssetState?, to: AssetState, occurredOn: Day, actor: String, reason: String?,
        orderID: UUID?, recordedAt: Date? = nil
    ) {
        self.action = action
        self.from = from
        self.to = to
        self.occurredOn = occurredOn
        self.actor = actor
        self.reason = reason
        self.orderID = orderID
        self.recordedAt = recordedAt
    }

    public static let reasonLength = 1...2000
}
