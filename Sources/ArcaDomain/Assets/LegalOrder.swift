import Foundation

/// A freezing order (urgent or ordinary) or a confiscation order (Dir 2014/42 Art 2;
/// Reg 2018/1805 Art 2), over named assets of one case or, for a value confiscation, a sum
/// of money.
public struct LegalOrder: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case freezing
        case confiscation
    }

    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Decided, not yet carried out.
        case issued
        /// A confiscation order that can no longer be appealed (Reg 2018/1805 Annex II B).
        case final
        /// Carried out on at least one of its assets (or, for a sum, in part or in full).
        case executed
        /// Withdrawn or quashed.
        case lifted
    }

    /// How far the order has been carried out, asset by asset.
    public enum Execution: String, Sendable, Codable {
        case none
        case partial
        case complete
    }

    public let id: UUID
    public let caseID: UUID
    public let kind: Kind
    /// An urgent freeze by the competent authority before a court's order (Dir 2014/42 Art 7(2)).
    public let urgent: Bool
    /// The urgent freezing order this order confirms.
    public let confirms: UUID?
    public let confiscationType: ConfiscationType?
    /// The state whose authority issued the order.
    public let issuingState: CountryCode
    public let issuingAuthority: String
    /// The state where the order is executed: this deployment's state, or the state a
    /// certificate was sent to (DOMAIN §5: S1–S4 count orders executed at home, S5–S7
    /// orders executed abroad).
    public let executingState: CountryCode
    public let decisionReference: String
    /// As corrected, when a correction was recorded (`corrections` keeps what was).
    public var decisionDate: Day
    /// The sum a value confiscation covers (Dir 2014/42 Art 4(1)); other orders cover assets.
    public let coveredAmount: Money?
    public let assetIDs: [UUID]
    /// The persons the order concerns: the convicted person, the third party.
    public let subjectIDs: [UUID]
    public var status: Status
    /// The day a confiscation order became final.
    public var finalOn: Day?
    /// Its executions, asset by asset (or, for a sum, amount by amount), in order.
    public var executions: [OrderExecution]
    public var liftedOn: Day?
    public var liftingGround: LiftingGround?
    /// Corrections of the dates of its steps, oldest first; the dates above are as corrected.
    public var corrections: [OrderDateCorrection]
    public var version: Int
    public let createdAt: Date

    public init(
        id: UUID, caseID: UUID, kind: Kind, urgent: Bool, confirms: UUID? = nil, confiscationType: ConfiscationType?,
        issuingState: CountryCode, issuingAuthority: String, executingState: CountryCode, decisionReference: String,
        decisionDate: Day, coveredAmount: Money?, assetIDs: [UUID], subjectIDs: [UUID] = [], status: Status,
        finalOn: Day? = nil, executions: [OrderExecution] = [], liftedOn: Day? = nil, liftingGround: LiftingGround? = nil,
        corrections: [OrderDateCorrection] = [], version: Int, createdAt: Date
    ) throws(OrderRuleError) {
        guard (kind == .confiscation) == (confiscationType != nil) else { throw .confiscationType(kind) }
        guard !urgent || kind == .freezing else { throw .urgentConfiscation }
        guard !assetIDs.isEmpty || coveredAmount != nil else { throw .coversNothing }
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.urgent = urgent
        self.confirms = confirms
        self.confiscationType = confiscationType
        self.issuingState = issuingState
        self.issuingAuthority = issuingAuthority
        self.executingState = executingState
        self.decisionReference = decisionReference
        self.decisionDate = decisionDate
        self.coveredAmount = coveredAmount
        self.assetIDs = assetIDs
        self.subjectIDs = subjectIDs
        self.status = status
        self.finalOn = finalOn
        self.executions = executions
        self.liftedOn = liftedOn
        self.liftingGround = liftingGround
        self.corrections = []
        self.version = version
        self.createdAt = createdAt
        for correction in corrections { apply(correction) }
    }

    /// The rules a new order must meet. Orders recorded before them may break the last two
    /// (a freeze of a sum), and stay readable.
    public func checkNew() throws(OrderRuleError) {
        guard confirms == nil || (kind == .freezing && !urgent) else { throw .confirmsOnlyByCourtFreeze }
        if confiscationType == .value {
            guard coveredAmount != nil else { throw .valueConfiscationNeedsSum }
        } else {
            guard coveredAmount == nil else { throw .sumOnlyForValueConfiscation }
            guard !assetIDs.isEmpty else { throw .coversNothing }
        }
    }

    /// Where an order is executed: the state named, or when none is, at home, unless all its
    /// assets are located in one other state (an order on property abroad is executed there,
    /// through a certificate). Assets in several states need the executing state named.
    public static func executingState(
        named: CountryCode? = nil, home: CountryCode, assetsLocatedIn countries: Set<CountryCode>
    ) throws(OrderRuleError) -> CountryCode {
        if let named { return named }
        let abroad = countries.subtracting([home])
        guard !abroad.isEmpty else { return home }
        guard abroad.count == 1, countries.count == 1 else { throw .executingStateUnclear(countries.map(\.value).sorted()) }
        return abroad.first!
    }

    /// Issued and executed by this state's own authorities (DOMAIN §5.1: S1–S4).
    public func isDomestic(home: CountryCode) -> Bool { issuingState == home && executingState == home }

    /// What issuing the order does to its assets: a confiscation order puts them under
    /// ordered confiscation at once; a freezing order acts only when executed.
    public var actionWhenIssued: AssetAction? { kind == .confiscation ? .orderConfiscation : nil }

    /// What executing the order on one of its assets does to it: a freeze freezes it; a
    /// confiscation realises its value.
    public var actionWhenExecuted: AssetAction { kind == .freezing ? .freeze : .recordRecovery }

    /// Whether the confiscation reaches `asset` without an earlier freeze: only a
    /// value-based confiscation of a sum of money does (DOMAIN §3.1; Dir 2014/42 Art 4(1)).
    public func reachesUnfrozen(_ category: AssetCategory) -> Bool {
        confiscationType == .value && category.isSumOfMoney
    }

    /// The day the order was first executed (DOMAIN §5.1: S1 and S2 count it then).
    public var executedOn: Day? { executions.map(\.executedOn).min() }

    /// The assets not executed yet.
    public var pendingAssetIDs: [UUID] {
        let executed = Set(executions.compactMap(\.assetID))
        return assetIDs.filter { !executed.contains($0) }
    }

    /// A value confiscation is carried out when the sums executed and the amounts realised
    /// from its assets reach the sum it covers; other orders when every asset is executed.
    public var execution: Execution {
        if executions.isEmpty { return .none }
        if confiscationType == .value, let covered = coveredAmount { return amountsExecuted >= covered.amount ? .complete : .partial }
        return pendingAssetIDs.isEmpty ? .complete : .partial
    }

    /// What the executions have realised so far in the currency of the sum the order covers:
    /// sums executed and amounts realised from its assets.
    var amountsExecuted: Decimal {
        guard let currency = coveredAmount?.currency else { return 0 }
        return executions.compactMap(\.amount).filter { $0.currency == currency }.reduce(Decimal(0)) { $0 + $1.amount }
    }

    /// The sums executed so far of a value confiscation (in its currency: execute() refuses
    /// any other).
    public var executedAmount: Money? {
        let sums = executions.filter { $0.assetID == nil }.compactMap(\.amount)
        guard let currency = sums.first?.currency else { return nil }
        return Money(sums.reduce(Decimal(0)) { $0 + $1.amount }, currency)
    }

    /// Whether the order, as it stands, holds the asset `assetID` now in `state`: an executed
    /// freeze holds what it froze, while it is frozen, sold in the interim or under ordered
    /// confiscation; a confiscation that is not final holds what it put under ordered
    /// confiscation. What moved on (confiscated, restituted) is no longer its to release.
    public func holds(_ assetID: UUID, in state: AssetState) -> Bool {
        switch (kind, status) {
        case (.freezing, .executed):
            return executions.contains { $0.assetID == assetID } && [.frozen, .interimSold, .confiscationOrdered].contains(state)
        case (.confiscation, .issued):
            return assetIDs.contains(assetID) && state == .confiscationOrdered
        default:
            return false
        }
    }

    /// What lifting this order does to an asset it holds, given whether another freezing
    /// order still holds it (DOMAIN §3.1): the asset is released only when no order holds
    /// it any more; a lifted confiscation that was not final leaves it frozen while a freeze
    /// stands. Nil when the order does not hold the asset.
    public func liftingMove(for assetID: UUID, in state: AssetState, heldByAnotherFreeze: Bool) -> AssetAction? {
        guard holds(assetID, in: state) else { return nil }
        switch kind {
        case .freezing:
            return state == .confiscationOrdered || heldByAnotherFreeze ? .orderLifted : .release
        case .confiscation:
            return heldByAnotherFreeze ? .confiscationLifted : .release
        }
    }

    /// Records that a confiscation order became final on `day`.
    public mutating func becomeFinal(on day: Day) throws(OrderRuleError) {
        guard kind == .confiscation else { throw .finalOnlyForConfiscation }
        guard status == .issued else { throw .notIssued(status) }
        guard day >= decisionDate else { throw .beforeDecision("become final", decisionDate) }
        status = .final
        finalOn = day
        version += 1
    }

    /// Records the execution of the order on some of its pending assets, each once, or of a
    /// sum of a value confiscation, never beyond the sum it covers. A confiscation is
    /// executed once it is final.
    public mutating func execute(_ parts: [OrderExecution]) throws(OrderRuleError) {
        switch (kind, status) {
        case (.freezing, .issued), (.confiscation, .final), (_, .executed): break
        case (.confiscation, .issued): throw .notFinal
        default: throw .notExecutable(status)
        }
        guard !parts.isEmpty else { throw .nothingToExecute }
        let notExecuted = Set(pendingAssetIDs)
        var pending = notExecuted
        var recovered = amountsExecuted
        for part in parts {
            guard part.executedOn >= decisionDate else { throw .beforeDecision("be executed", decisionDate) }
            if let finalOn, part.executedOn < finalOn { throw .executedBeforeFinal(finalOn) }
            if let assetID = part.assetID {
                guard assetIDs.contains(assetID) else { throw .notCovered(assetID) }
                guard notExecuted.contains(assetID) else { throw .alreadyExecuted(assetID) }
                guard pending.remove(assetID) != nil else { throw .namedTwice(assetID) }
                guard kind == .freezing || part.amount != nil else { throw .realisedAmountRequired(assetID) }
                guard kind == .confiscation || part.amount == nil else { throw .noAmountForFreeze }
                if let amount = part.amount, amount.currency == coveredAmount?.currency { recovered += amount.amount }
            } else {
                // A sum is executed on an order that covers one: a value confiscation (or a
                // freeze of a sum recorded before only those covered sums).
                guard let amount = part.amount, let covered = coveredAmount else { throw .noSumToExecute }
                guard amount.currency == covered.currency else { throw .sumInOtherCurrency(covered.currency) }
                recovered += amount.amount
                guard recovered <= covered.amount else { throw .sumBeyondOrder(covered) }
            }
        }
        executions += parts
        status = .executed
        version += 1
    }

    /// Records that the order was withdrawn or quashed on `day`. A confiscation that became
    /// final is not lifted.
    public mutating func lift(on day: Day, ground: LiftingGround) throws(OrderRuleError) {
        guard status != .lifted else { throw .alreadyLifted }
        guard !(kind == .confiscation && (status == .final || status == .executed)) else { throw .finalConfiscation }
        guard day >= decisionDate else { throw .beforeDecision("be lifted", decisionDate) }
        if let executedOn, day < executedOn { throw .liftedBeforeExecution(executedOn) }
        status = .lifted
        liftedOn = day
        liftingGround = ground
        version += 1
    }

    /// Corrects the date of one of its steps (an execution is named by its asset, or by its
    /// id for a sum), keeping its dates in order: decision, then finality, then executions;
    /// lifting after both.
    public mutating func correct(
        _ step: OrderDateStep, asset: UUID?, execution executionID: Int64? = nil, to day: Day, reason: String, by actor: String
    ) throws(OrderRuleError) {
        let corrected: Int64?
        switch step {
        case .execution:
            guard let execution = executions.first(where: { (asset != nil && $0.assetID == asset) || (executionID != nil && $0.id == executionID) }),
                let id = execution.id
            else { throw .noSuchStep(step) }
            guard execution.executedOn != day else { throw .alreadyDated(step, day) }
            corrected = id
        case .decision:
            guard decisionDate != day else { throw .alreadyDated(step, day) }
            corrected = nil
        case .finality, .lifting:
            guard let current = step == .finality ? finalOn : liftedOn else { throw .noSuchStep(step) }
            guard current != day else { throw .alreadyDated(step, day) }
            corrected = nil
        }
        let asset = corrected.flatMap { id in executions.first { $0.id == id }?.assetID }
        let correction = OrderDateCorrection(step: step, executionID: corrected, asset: asset, correctedOn: day, reason: reason, recordedBy: actor)
        var changed = self
        changed.apply(correction)
        try changed.checkDates()
        self = changed
        version += 1
    }

    /// Takes a recorded correction into the order's dates.
    mutating func apply(_ correction: OrderDateCorrection) {
        switch correction.step {
        case .decision: decisionDate = correction.correctedOn
        case .finality: finalOn = correction.correctedOn
        case .lifting: liftedOn = correction.correctedOn
        case .execution:
            executions = executions.map { execution in
                guard let id = correction.executionID, execution.id == id else { return execution }
                return OrderExecution(id: execution.id, assetID: execution.assetID, executedOn: correction.correctedOn, amount: execution.amount)
            }
        }
        corrections.append(correction)
    }

    /// The order's dates in the order its steps happen.
    func checkDates() throws(OrderRuleError) {
        if let finalOn, finalOn < decisionDate { throw .beforeDecision("become final", decisionDate) }
        for execution in executions {
            guard execution.executedOn >= decisionDate else { throw .beforeDecision("be executed", decisionDate) }
            if let finalOn, execution.executedOn < finalOn { throw .executedBeforeFinal(finalOn) }
        }
        if let liftedOn {
            guard liftedOn >= decisionDate else { throw .beforeDecision("be lifted", decisionDate) }
            if let executedOn, liftedOn < executedOn { throw .liftedBeforeExecution(executedOn) }
        }
    }

    /// The asset events a step of the order made: their dates follow the step's.
    public func assetActions(of step: OrderDateStep) -> Set<String> {
        switch step {
        case .decision: return actionWhenIssued.map { [$0.rawValue] } ?? []
        case .finality: return [AssetAction.finaliseConfiscation.rawValue]
        case .execution: return [actionWhenExecuted.rawValue]
        case .lifting: return Set([AssetAction.release, .orderLifted, .confiscationLifted].map(\.rawValue))
        }
    }

    public static let authorityLength = 1...300
    public static let decisionReferenceLength = 1...200
}

/// One execution of an order: an asset, when, and for a confiscation the amount realised;
/// or, for a value confiscation, a sum executed.
public struct OrderExecution: Hashable, Sendable, Codable {
    /// Its place in the ledger of executions, once recorded.
    public let id: Int64?
    public let assetID: UUID?
    public let executedOn: Day
    public let amount: Money?

    public init(id: Int64? = nil, assetID: UUID?, executedOn: Day, amount: Money?) {
        self.id = id
        self.assetID = assetID
        self.executedOn = executedOn
        self.amount = amount
    }
}

/// A step of an order that has a date.
public enum OrderDateStep: String, CaseIterable, Sendable, Codable {
    case decision
    case finality
    case execution
    case lifting
}

/// The day a step of an order really happened, as a correction records it.
public struct OrderDateCorrection: Hashable, Sendable, Codable {
    public let step: OrderDateStep
    /// For an execution: the execution corrected, and its asset.
    public let executionID: Int64?
    public let asset: UUID?
    public let correctedOn: Day
    public let reason: String
    public let recordedBy: String

    public init(step: OrderDateStep, executionID: Int64?, asset: UUID?, correctedOn: Day, reason: String, recordedBy: String) {
        self.step = step
        self.executionID = executionID
        self.asset = asset
        self.correctedOn = correctedOn
        self.reason = reason
        self.recordedBy = recordedBy
    }
}

public enum OrderRuleError: Error, Equatable, CustomStringConvertible {
    case confiscationType(LegalOrder.Kind)
    case urgentConfiscation
    case confirmsOnlyByCourtFreeze
    case executingStateUnclear([String])
    case coversNothing
    case valueConfiscationNeedsSum
    case sumOnlyForValueConfiscation
    case finalOnlyForConfiscation
    case notIssued(LegalOrder.Status)
    case notFinal
    case notExecutable(LegalOrder.Status)
    case nothingToExecute
    case notCovered(UUID)
    case alreadyExecuted(UUID)
    case namedTwice(UUID)
    case realisedAmountRequired(UUID)
    case noAmountForFreeze
    case noSumToExecute
    case sumInOtherCurrency(Currency)
    case sumBeyondOrder(Money)
    case beforeDecision(String, Day)
    case executedBeforeFinal(Day)
    case liftedBeforeExecution(Day)
    case alreadyLifted
    case finalConfiscation
    case noSuchStep(OrderDateStep)
    case alreadyDated(OrderDateStep, Day)

    public var description: String {
        switch self {
        case .confiscationType(.confiscation): return "a confiscation order needs its confiscation type"
        case .confiscationType: return "only a confiscation order has a confiscation type"
        case .urgentConfiscation: return "only a freezing order can be urgent"
        case .confirmsOnlyByCourtFreeze: return "only a freezing order that is not itself urgent confirms an urgent freeze"
        case .executingStateUnclear(let states):
            return "the assets are located in \(states.joined(separator: ", ")): name the executingState (an order is executed in one state; send one per state)"
        case .coversNothing: return "an order covers at least one asset (only a value confiscation covers a sum)"
        case .valueConfiscationNeedsSum: return "a value confiscation covers a sum of money: give coveredAmount"
        case .sumOnlyForValueConfiscation: return "only a value confiscation covers a sum of money; other orders cover assets"
        case .finalOnlyForConfiscation: return "only a confiscation order becomes final; a freezing order is executed"
        case .notIssued(let status): return "the order is already \(status.rawValue)"
        case .notFinal: return "a confiscation order is executed once it is final: record its finality first"
        case .notExecutable(let status): return "the order is \(status.rawValue) and cannot be executed"
        case .nothingToExecute: return "every asset of the order is already executed"
        case .notCovered(let id): return "asset \(id.lowercased) is not covered by the order"
        case .alreadyExecuted(let id): return "the order is already executed on asset \(id.lowercased)"
        case .namedTwice(let id): return "asset \(id.lowercased) is named twice in one execution"
        case .realisedAmountRequired(let id): return "executing a confiscation on asset \(id.lowercased) needs the amount realised"
        case .noAmountForFreeze: return "a freeze realises nothing: an amount belongs to a confiscation's execution"
        case .noSumToExecute: return "this order covers no sum: it is executed on its assets"
        case .sumInOtherCurrency(let currency): return "the order covers a sum in \(currency): execute it in \(currency)"
        case .sumBeyondOrder(let covered): return "what is executed would exceed the \(covered) the order covers"
        case .beforeDecision(let step, let day): return "an order cannot \(step) before its decision of \(day)"
        case .executedBeforeFinal(let day): return "a confiscation cannot be executed before it became final on \(day)"
        case .liftedBeforeExecution(let day): return "an order cannot be lifted before its execution of \(day)"
        case .alreadyLifted: return "the order is already lifted"
        case .finalConfiscation: return "a final confiscation order cannot be lifted"
        case .noSuchStep(.execution): return "the order was not executed on that asset"
        case .noSuchStep(let step): return "the order has no \(step.rawValue) to correct"
        case .alreadyDated(let step, let day): return "its \(step.rawValue) is already dated \(day)"
        }
    }
}
