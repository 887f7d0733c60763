import ArcaDomain
import Foundation

/// An amount as typed: `{"amount": "1234.56", "currency": "EUR"}`.
public struct MoneyInput: Sendable, Equatable {
    public var amount: String?
    public var currency: String?

    public init(amount: String?, currency: String?) {
        self.amount = amount
        self.currency = currency
    }
}

/// The identifiers a user typed for an asset.
public struct IdentifierInput: Sendable, Equatable {
    public var iban: String?
    public var vin: String?
    public var landRegistryReference: String?
    public var walletAddress: String?
    public var registrationMark: String?

    public init(
        iban: String? = nil, vin: String? = nil, landRegistryReference: String? = nil, walletAddress: String? = nil,
        registrationMark: String? = nil
    ) {
        self.iban = iban
        self.vin = vin
        self.landRegistryReference = landRegistryReference
        self.walletAddress = walletAddress
        self.registrationMark = registrationMark
    }
}

public struct NewAsset: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var category: String?
    public var description: String?
    public var identifiers: IdentifierInput?
    public var country: String?
    public var propertyRole: String?
    /// Ids of subjects of the same case.
    public var owners: [String]?
    public var estimatedValue: MoneyInput?
    /// Today when left out.
    public var identifiedOn: String?

    public init(
        category: String?, description: String?, identifiers: IdentifierInput? = nil, country: String?,
        propertyRole: String? = nil, owners: [String]? = nil, estimatedValue: MoneyInput? = nil, identifiedOn: String? = nil
    ) {
        self.category = category
        self.description = description
        self.identifiers = identifiers
        self.country = country
        self.propertyRole = propertyRole
        self.owners = owners
        self.estimatedValue = estimatedValue
        self.identifiedOn = identifiedOn
    }
}

/// What a user corrects in an asset's record; fields left out stay as they are, fields sent
/// as null are cleared. Given identifiers or owners replace the recorded ones.
public struct AssetChanges: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var description: String?
    public var identifiers: FieldChange<IdentifierInput>
    public var country: String?
    public var propertyRole: FieldChange<String>
    public var owners: [String]?

    public init(
        description: String? = nil, identifiers: FieldChange<IdentifierInput> = .keep, country: String? = nil,
        propertyRole: FieldChange<String> = .keep, owners: [String]? = nil
    ) {
        self.description = description
        self.identifiers = identifiers
        self.country = country
        self.propertyRole = propertyRole
        self.owners = owners
    }
}

public struct NewValuation: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var valuedOn: String?
    public var method: String?
    public var value: MoneyInput?

    public init(valuedOn: String?, method: String?, value: MoneyInput?) {
        self.valuedOn = valuedOn
        self.method = method
        self.value = value
    }
}

/// A move of an asset that no order makes: tracing, an interim sale, its disposal,
/// restitution to a victim, closing.
public struct NewAssetEvent: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var action: String?
    public var occurredOn: String?
    public var reason: String?
    /// The price of an interim sale; a disposal's gross proceeds.
    public var amount: MoneyInput?
    /// What became of the property, for a disposal.
    public var outcome: String?
    /// What a disposal cost.
    public var costs: MoneyInput?
    /// The victim who received the property or its proceeds: a subject id of the case.
    public var recipient: String?

    public init(
        action: String?, occurredOn: String?, reason: String?, amount: MoneyInput? = nil, outcome: String? = nil, costs: MoneyInput? = nil,
        recipient: String? = nil
    ) {
        self.action = action
        self.occurredOn = occurredOn
        self.reason = reason
        self.amount = amount
        self.outcome = outcome
        self.costs = costs
        self.recipient = recipient
    }
}

/// Custody handed to a manager, or a cost incurred, for property the authorities hold.
public struct NewManagementEvent: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var kind: String?
    public var occurredOn: String?
    /// Custody: who keeps the property from that day.
    public var manager: String?
    /// A cost: what it paid for, and how much.
    public var purpose: String?
    public var amount: MoneyInput?
    public var reason: String?

    public init(kind: String?, occurredOn: String?, manager: String? = nil, purpose: String? = nil, amount: MoneyInput? = nil, reason: String?) {
        self.kind = kind
        self.occurredOn = occurredOn
        self.manager = manager
        self.purpose = purpose
        self.amount = amount
        self.reason = reason
    }
}

/// The day an event really happened, and why its recorded date was wrong.
public struct EventDateCorrection: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var occurredOn: String?
    public var reason: String?

    public init(occurredOn: String?, reason: String?) {
        self.occurredOn = occurredOn
        self.reason = reason
    }
}

public struct AssetListRequest: Sendable, Equatable {
    public var caseID: String?
    public var category: String?
    public var country: String?
    public var state: String?
    public var identifiedFrom: String?
    public var identifiedTo: String?
    public var text: String?
    /// `true`: only assets frozen or confiscated with no valuation to give that value.
    public var valueMissing: String?
    public var limit: Int?
    public var cursor: String?

    public init(
        caseID: String? = nil, category: String? = nil, country: String? = nil, state: String? = nil,
        identifiedFrom: String? = nil, identifiedTo: String? = nil, text: String? = nil, valueMissing: String? = nil,
        limit: Int? = nil, cursor: String? = nil
    ) {
        self.valueMissing = valueMissing
        self.caseID = caseID
        self.category = category
        self.country = country
        self.state = state
        self.identifiedFrom = identifiedFrom
        self.identifiedTo = identifiedTo
        self.text = text
        self.limit = limit
        self.cursor = cursor
    }
}

/// An asset as a reader sees it: the record, its valuations and its history.
public struct AssetFile: Sendable {
    public let asset: Asset
    public let valuations: [Valuation]
    public let events: [AssetEvent]
    /// Custody and costs, in the order recorded.
    public let management: [ManagementEvent]
}
