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
    /// The price of an interim sale.
    public var amount: MoneyInput?
    /// What became of the property, for a disposal.
    public var outcome: String?

    public init(action: String?, occurredOn: String?, reason: String?, amount: MoneyInput? = nil, outcome: String? = nil) {
        self.action = action
        self.occurredOn = occurredOn
        self.reason = reason
        self.amount = amount
        self.outcome = outcome
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

/// The day a step of an order really happened: `decision`, `finality`, `execution` (of the
/// asset named, or of the sum by its id) or `lifting`; and why its recorded date was wrong.
public struct OrderDateCorrectionInput: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var step: String?
    public var asset: String?
    /// For a sum executed, the execution's id (`executedAmounts[].id`).
    public var execution: Int64?
    public var on: String?
    public var reason: String?

    public init(step: String?, asset: String? = nil, execution: Int64? = nil, on: String?, reason: String?) {
        self.step = step
        self.asset = asset
        self.execution = execution
        self.on = on
        self.reason = reason
    }
}

public struct NewOrder: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    /// `freezing` or `confiscation`.
    public var kind: String?
    public var urgent: Bool?
    /// The id of the urgent freezing order this court order confirms.
    public var confirms: String?
    public var confiscationType: String?
    /// This deployment's state when left out.
    public var issuingState: String?
    public var issuingAuthority: String?
    /// This deployment's state when left out; another state when the order is executed there.
    public var executingState: String?
    public var decisionReference: String?
    public var decisionDate: String?
    /// Ids of assets of the same case.
    public var assets: [String]?
    /// Ids of subjects of the same case: the convicted person, the third party.
    public var subjects: [String]?
    /// The sum a value confiscation covers.
    public var coveredAmount: MoneyInput?

    public init(
        kind: String?, urgent: Bool? = nil, confirms: String? = nil, confiscationType: String? = nil, issuingState: String? = nil,
        issuingAuthority: String?, executingState: String? = nil, decisionReference: String?, decisionDate: String?,
        assets: [String]? = nil, subjects: [String]? = nil, coveredAmount: MoneyInput? = nil
    ) {
        self.kind = kind
        self.urgent = urgent
        self.confirms = confirms
        self.confiscationType = confiscationType
        self.issuingState = issuingState
        self.issuingAuthority = issuingAuthority
        self.executingState = executingState
        self.decisionReference = decisionReference
        self.decisionDate = decisionDate
        self.assets = assets
        self.subjects = subjects
        self.coveredAmount = coveredAmount
    }
}

/// A confiscation order becoming final: when, and why it is known to be.
public struct OrderFinality: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var on: String?
    public var reason: String?

    public init(on: String?, reason: String? = nil) {
        self.on = on
        self.reason = reason
    }
}

/// The execution of an order on a day: on the assets named (all those not executed yet
/// when none are named), each with the amount realised for a confiscation; or, for a value
/// confiscation, of a sum.
public struct OrderExecutionInput: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public struct Part: Sendable, Equatable {
        public var asset: String?
        public var realised: MoneyInput?

        public init(asset: String?, realised: MoneyInput? = nil) {
            self.asset = asset
            self.realised = realised
        }
    }

    public var on: String?
    public var reason: String?
    public var assets: [Part]?
    public var amount: MoneyInput?

    public init(on: String?, reason: String? = nil, assets: [Part]? = nil, amount: MoneyInput? = nil) {
        self.on = on
        self.reason = reason
        self.assets = assets
        self.amount = amount
    }
}

/// The lifting of an order: when, on which ground, and why.
public struct OrderLifting: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var on: String?
    public var ground: String?
    public var reason: String?

    public init(on: String?, ground: String?, reason: String?) {
        self.on = on
        self.ground = ground
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
}
