import ArcaDomain
import Foundation

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
