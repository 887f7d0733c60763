import Foundation

/// Where money actually received came from (DOMAIN §2 "recovered value").
public enum RecoverySource: String, CaseIterable, Sendable, Codable {
    /// The sale of confiscated property.
    case sale
    case paymentByConvictedPerson = "payment_by_convicted_person"
    case seizedCash = "seized_cash"
    /// Paid over by another state that executed an order of this one (Reg 2018/1805 Art 30).
    case fundsFromAnotherState = "funds_from_another_state"
}

/// Where money actually received went (DOMAIN §2 "recovered value").
public enum RecoveryDestination: String, CaseIterable, Sendable, Codable {
    case victimCompensation = "victim_compensation"
    case stateBudget = "state_budget"
    case specialFund = "special_fund"
    /// The share paid to another state (Reg 2018/1805 Art 30).
    case shareToAnotherState = "share_to_another_state"
}

/// Money actually received in a case, net of costs, with where it came from and where it went.
public struct RecoveredValue: Hashable, Sendable, Codable {
    public let id: UUID
    public let caseID: UUID
    /// The property it came from, when it came from one asset of the case.
    public let assetID: UUID?
    public let value: Money
    public let receivedOn: Day
    public let source: RecoverySource
    /// The state that paid it, for funds from another state.
    public let sourceState: CountryCode?
    public let destination: RecoveryDestination
    /// The state it was shared with.
    public let destinationState: CountryCode?
    /// The victim compensated: a subject of the case with role victim.
    public let recipientID: UUID?
    public let reason: String
    public let recordedBy: String
    public let recordedAt: Date?

    public init(
        id: UUID, caseID: UUID, assetID: UUID?, value: Money, receivedOn: Day, source: RecoverySource, sourceState: CountryCode?,
        destination: RecoveryDestination, destinationState: CountryCode?, recipientID: UUID?, reason: String, recordedBy: String,
        recordedAt: Date? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.assetID = assetID
        self.value = value
        self.receivedOn = receivedOn
        self.source = source
        self.sourceState = sourceState
        self.destination = destination
        self.destinationState = destinationState
        self.recipientID = recipientID
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// What a record must name, and must not, given its source and destination: the paying
    /// state for funds from another state, the receiving state for a share, the victim for
    /// compensation.
    public static func check(
        source: RecoverySource?, destination: RecoveryDestination?, sourceState: Bool, destinationState: Bool, recipient: Bool
    ) -> [RecoveredValueError] {
        var errors: [RecoveredValueError] = []
        if let source {
            if source == .fundsFromAnotherState, !sourceState { errors.append(.sourceStateRequired) }
            if source != .fundsFromAnotherState, sourceState { errors.append(.sourceStateNotApplicable) }
        }
        if let destination {
            if destination == .shareToAnotherState, !destinationState { errors.append(.destinationStateRequired) }
            if destination != .shareToAnotherState, destinationState { errors.append(.destinationStateNotApplicable) }
            if destination == .victimCompensation, !recipient { errors.append(.recipientRequired) }
            if destination != .victimCompensation, recipient { errors.append(.recipientNotApplicable) }
        }
        return errors
    }
}

/// Why a recovered value cannot be recorded as given.
public enum RecoveredValueError: Error, Equatable, CustomStringConvertible {
    case sourceStateRequired
    case sourceStateNotApplicable
    case destinationStateRequired
    case destinationStateNotApplicable
    case recipientRequired
    case recipientNotApplicable

    /// The field of the record the error is about.
    public var field: String {
        switch self {
        case .sourceStateRequired, .sourceStateNotApplicable: return "sourceState"
        case .destinationStateRequired, .destinationStateNotApplicable: return "destinationState"
        case .recipientRequired, .recipientNotApplicable: return "recipientSubjectId"
        }
    }

    /// The rule, as a problem names it.
    public var rule: String {
        switch self {
        case .sourceStateRequired, .destinationStateRequired, .recipientRequired: return "required"
        case .sourceStateNotApplicable, .destinationStateNotApplicable, .recipientNotApplicable: return "not-applicable"
        }
    }

    public var description: String {
        switch self {
        case .sourceStateRequired: return "funds from another state name the state that paid them"
        case .sourceStateNotApplicable: return "only funds from another state name a paying state"
        case .destinationStateRequired: return "a share to another state names the state"
        case .destinationStateNotApplicable: return "only a share to another state names a receiving state"
        case .recipientRequired: return "victim compensation names the victim (a subject of the case with role victim)"
        case .recipientNotApplicable: return "only victim compensation names a recipient"
        }
    }
}
