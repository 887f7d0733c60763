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
    /// The day it was first frozen here, which fixes its value at freezing.
    public var frozenOn: Day?
    /// The day a standing confiscation order was issued, which fixes its value at confiscation.
    public var confiscationOrderedOn: Day?
    /// The day it was sold in the interim: from then on the asset is its sale proceeds.
    public var interimSoldOn: Day?
    /// The date of its latest event: no later event may be dated before it.
    public var lastEventOn: Day
    public var version: Int
    public let createdAt: Date

    public init(
        id: UUID, caseID: UUID, category: AssetCategory, description: String, identifiers: AssetIdentifiers,
        country: CountryCode, propertyRole: PropertyRole?, owners: [UUID], state: AssetState, estimatedValue: Money?,
        valueAtFreezing: Money? = nil, valueAtConfiscation: Money? = nil, realisedValue: Money? = nil, identifiedOn: Day,
        frozenOn: Day? = nil, confiscationOrderedOn: Day? = nil, interimSoldOn: Day? = nil, lastEventOn: Day? = nil, version: Int,
        createdAt: Date
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
        self.frozenOn = frozenOn
        self.confiscationOrderedOn = confiscationOrderedOn
        self.interimSoldOn = interimSoldOn
        self.lastEventOn = lastEventOn ?? identifiedOn
        self.version = version
        self.createdAt = createdAt
    }

    public static let descriptionLength = 1...2000

    /// Moves the asset by `action` on `day`. The first freeze fixes the day of its value at
    /// freezing, a confiscation order the day of its value at confiscation; each value is then
    /// the valuation dated on or before that day, whenever it was entered (DOMAIN §3.1).
    public mutating func apply(
        _ action: AssetAction, on day: Day, valuations: [Valuation], valueConfiscationOfMoney: Bool = false,
        realised: Money? = nil
    ) throws(AssetTransitionError) {
        let before = state
        state = try AssetLifecycle.next(
            from: state, by: action, valueConfiscationOfMoney: valueConfiscationOfMoney, soldInTheInterim: interimSoldOn != nil)
        switch action {
        case .freeze where frozenOn == nil: frozenOn = day
        case .sellInterim: interimSoldOn = day
        case .orderConfiscation: confiscationOrderedOn = day
        case .confiscationLifted: confiscationOrderedOn = nil
        case .release where before == .confiscationOrdered: confiscationOrderedOn = nil
        case .recordRecovery: realisedValue = realised
        default: break
        }
        lastEventOn = day
        fixValues(from: valuations)
    }

    /// Refuses an event dated before the asset's latest one: its history never goes back in
    /// time (a wrong date is corrected by a new event that says so).
    public func checkEventDate(_ day: Day) throws(EventDateError) {
        guard day >= lastEventOn else { throw EventDateError(day: day, lastEventOn: lastEventOn) }
    }

    /// Sets the estimate (the latest valuation by date) and the values at freezing and at
    /// confiscation from `valuations`, oldest first. A value with no valuation on or before
    /// its day stays missing, never zero.
    public mutating func fixValues(from valuations: [Valuation]) {
        if let latest = valuations.last { estimatedValue = latest.value }
        valueAtFreezing = frozenOn.flatMap { Valuation.value(on: $0, in: valuations) }
        valueAtConfiscation = confiscationOrderedOn.flatMap { Valuation.value(on: $0, in: valuations) }
    }

    /// Takes its days again from its history after a date was corrected (identified, first
    /// frozen, confiscation ordered, sold in the interim, latest event), and fixes its values
    /// for them.
    public mutating func redate(from history: AssetHistory, valuations: [Valuation]) {
        identifiedOn = history.identifiedOn ?? identifiedOn
        if frozenOn != nil { frozenOn = history.firstDay(of: .freeze) ?? frozenOn }
        if confiscationOrderedOn != nil { confiscationOrderedOn = history.latestDay(of: .orderConfiscation) ?? confiscationOrderedOn }
        if interimSoldOn != nil { interimSoldOn = history.firstDay(of: .sellInterim) ?? interimSoldOn }
        lastEventOn = history.lastEventOn ?? identifiedOn
        fixValues(from: valuations)
    }

    /// Frozen or confiscated while no valuation dated on or before that day gives its value.
    public var isValueMissing: Bool {
        (frozenOn != nil && valueAtFreezing == nil) || (confiscationOrderedOn != nil && valueAtConfiscation == nil)
    }
}

/// An event dated before the asset's latest event.
public struct EventDateError: Error, Equatable, CustomStringConvertible {
    public let day: Day
    public let lastEventOn: Day

    public var description: String {
        "\(day) is before the asset's latest event of \(lastEventOn): its history cannot go back in time"
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

    /// The value on `day`: the valuation dated on or before it, the latest such (and of one
    /// day, the last entered); `valuations` are oldest first.
    public static func value(on day: Day, in valuations: [Valuation]) -> Money? {
        valuations.last { $0.valuedOn <= day }?.value
    }
}

extension Array where Element == Valuation {
    /// Adds a valuation just entered to an asset's valuations (oldest first, and of one day as
    /// entered) where it belongs: after every one dated on or before its day.
    public mutating func insertEntered(_ valuation: Valuation) {
        insert(valuation, at: firstIndex { $0.valuedOn > valuation.valuedOn } ?? endIndex)
    }
}

/// One move of an asset: what was done, from which state to which, when, by whom and why;
/// or the correction of an earlier move's date (`correct_date`).
public struct AssetEvent: Hashable, Sendable, Codable {
    /// Its place in the ledger, once recorded.
    public let id: Int64?
    /// `identify` for the asset's first record, `correct_date` for a correction, otherwise
    /// the action taken.
    public let action: String
    public let from: AssetState?
    public let to: AssetState
    public let occurredOn: Day
    public let actor: String
    /// Required since the event ledger became append-only; older events may have none.
    public let reason: String?
    public let orderID: UUID?
    /// The amount the event carries: the value fixed at freezing or confiscation, an interim
    /// sale's price, the amount realised, a disposal's gross proceeds.
    public let amount: Money?
    /// What became of the property, for a disposal (DOMAIN §6).
    public let outcome: DisposalOutcome?
    /// What a disposal cost.
    public let costs: Money?
    /// The victim (a subject of the case) who received the property or its proceeds.
    public let recipientID: UUID?
    /// For a correction: the event whose date was wrong, and the day it really happened.
    public let correction: DateCorrection?
    public let recordedAt: Date?

    public init(
        id: Int64? = nil, action: String, from: AssetState?, to: AssetState, occurredOn: Day, actor: String, reason: String?,
        orderID: UUID?, amount: Money? = nil, outcome: DisposalOutcome? = nil, costs: Money? = nil, recipientID: UUID? = nil,
        correction: DateCorrection? = nil, recordedAt: Date? = nil
    ) {
        self.id = id
        self.action = action
        self.from = from
        self.to = to
        self.occurredOn = occurredOn
        self.actor = actor
        self.reason = reason
        self.orderID = orderID
        self.amount = amount
        self.outcome = outcome
        self.costs = costs
        self.recipientID = recipientID
        self.correction = correction
        self.recordedAt = recordedAt
    }

    public static let reasonLength = 1...2000
    public static let correctDate = "correct_date"
}

/// The day an earlier event really happened, as a correction records it.
public struct DateCorrection: Hashable, Sendable, Codable {
    public let eventID: Int64
    public let correctedOn: Day

    public init(eventID: Int64, correctedOn: Day) {
        self.eventID = eventID
        self.correctedOn = correctedOn
    }
}
