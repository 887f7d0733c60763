import ArcaDomain
import Foundation
import Testing

@Suite("Orders: freezing and confiscation (Dir 2014/42 Art 2; Reg 2018/1805)")
struct LegalOrderTests {
    static let car = UUID()
    static let account = UUID()

    static func order(
        _ kind: LegalOrder.Kind, type: ConfiscationType? = nil, urgent: Bool = false, assets: [UUID] = [car, account],
        covered: Money? = nil, status: LegalOrder.Status = .issued, executions: [OrderExecution] = []
    ) throws -> LegalOrder {
        try LegalOrder(
            id: UUID(), caseID: UUID(), kind: kind, urgent: urgent, confiscationType: type, issuingState: CountryCode("BE"),
            issuingAuthority: "Investigating judge, Brussels", executingState: CountryCode("BE"), decisionReference: "IJ/2026/77",
            decisionDate: Day("2026-04-02"), coveredAmount: covered, assetIDs: assets, status: status,
            finalOn: status == .final ? try Day("2026-05-02") : nil, executions: executions, version: 1, createdAt: Date())
    }

    static func executed(_ asset: UUID, on day: String = "2026-04-03", realised: Money? = nil) throws -> OrderExecution {
        OrderExecution(assetID: asset, executedOn: try Day(day), amount: realised)
    }

    @Test func aConfiscationOrderNeedsItsTypeAndOnlyItHasOne() {
        #expect(throws: OrderRuleError.confiscationType(.confiscation)) { try Self.order(.confiscation) }
        #expect(throws: OrderRuleError.confiscationType(.freezing)) { try Self.order(.freezing, type: .standard) }
    }

    @Test func onlyAFreezeCanBeUrgent() {
        #expect(throws: OrderRuleError.urgentConfiscation) { try Self.order(.confiscation, type: .standard, urgent: true) }
    }

    @Test func aSumBelongsToAValueConfiscationAndOtherOrdersCoverAssets() throws {
        #expect(throws: OrderRuleError.sumOnlyForValueConfiscation) { try Self.order(.freezing, covered: Money(250_000, .euro)).checkNew() }
        #expect(throws: OrderRuleError.valueConfiscationNeedsSum) { try Self.order(.confiscation, type: .value).checkNew() }
        #expect(throws: OrderRuleError.coversNothing) { try Self.order(.freezing, assets: []) }
        try Self.order(.confiscation, type: .value, assets: [], covered: Money(250_000, .euro)).checkNew()
    }

    @Test func aFreezeIsExecutedAssetByAssetAndIsPartlyExecutedMeanwhile() throws {
        var order = try Self.order(.freezing)
        try order.execute([try Self.executed(Self.car, on: "2026-04-03")])
        #expect(order.status == .executed)
        #expect(order.execution == .partial)
        #expect(order.pendingAssetIDs == [Self.account])
        try order.execute([try Self.executed(Self.account, on: "2026-04-09")])
        #expect(order.execution == .complete)
        #expect(order.executedOn == (try Day("2026-04-03")))
        #expect(throws: OrderRuleError.alreadyExecuted(Self.car)) { try order.execute([try Self.executed(Self.car, on: "2026-04-10")]) }
    }

    @Test func anOrderIsNotExecutedBeforeItsDecisionNorOnAnAssetItDoesNotCover() throws {
        var order = try Self.order(.freezing)
        #expect(throws: OrderRuleError.beforeDecision("be executed", try Day("2026-04-02"))) {
            try order.execute([try Self.executed(Self.car, on: "2026-04-01")])
        }
        let stranger = UUID()
        #expect(throws: OrderRuleError.notCovered(stranger)) { try order.execute([try Self.executed(stranger)]) }
    }

    @Test func aConfiscationBecomesFinalBeforeItIsExecutedWithTheAmountRealised() throws {
        var order = try Self.order(.confiscation, type: .standard)
        #expect(throws: OrderRuleError.notFinal) { try order.execute([try Self.executed(Self.car, realised: Money(91_500, .euro))]) }
        try order.becomeFinal(on: Day("2026-05-02"))
        #expect(order.status == .final)
        #expect(order.finalOn == (try Day("2026-05-02")))
        #expect(throws: OrderRuleError.realisedAmountRequired(Self.car)) { try order.execute([try Self.executed(Self.car, on: "2026-06-01")]) }
        #expect(throws: OrderRuleError.executedBeforeFinal(try Day("2026-05-02"))) {
            try order.execute([try Self.executed(Self.car, on: "2026-05-01", realised: Money(91_500, .euro))])
        }
        try order.execute([try Self.executed(Self.car, on: "2026-06-01", realised: Money(91_500, .euro))])
        #expect(order.execution == .partial)
        #expect(order.actionWhenExecuted == .recordRecovery)
    }

    @Test func aFinalConfiscationCannotBeLifted() throws {
        var order = try Self.order(.confiscation, type: .standard, status: .final)
        #expect(throws: OrderRuleError.finalConfiscation) { try order.lift(on: Day("2026-06-01"), ground: .quashedOnAppeal) }
    }

    @Test func liftingRecordsItsGround() throws {
        var order = try Self.order(.freezing, status: .executed, executions: [try Self.executed(Self.car)])
        try order.lift(on: Day("2026-06-01"), ground: .acquittal)
        #expect(order.status == .lifted)
        #expect(order.liftingGround == .acquittal)
        #expect(throws: OrderRuleError.alreadyLifted) { try order.lift(on: Day("2026-06-02"), ground: .other) }
    }

    @Test func anExecutedFreezeHoldsOnlyTheAssetsItWasExecutedOn() throws {
        let order = try Self.order(.freezing, status: .executed, executions: [try Self.executed(Self.car)])
        #expect(order.holds(Self.car, in: .frozen))
        #expect(order.holds(Self.car, in: .interimSold))
        #expect(order.holds(Self.car, in: .confiscationOrdered))
        #expect(!order.holds(Self.car, in: .restituted))
        #expect(!order.holds(Self.account, in: .frozen))
    }

    @Test func liftingOneOfTwoFreezesLeavesTheAssetFrozen() throws {
        let order = try Self.order(.freezing, status: .executed, executions: [try Self.executed(Self.car)])
        #expect(order.liftingMove(for: Self.car, in: .frozen, heldByAnotherFreeze: true) == .orderLifted)
        #expect(order.liftingMove(for: Self.car, in: .frozen, heldByAnotherFreeze: false) == .release)
    }

    @Test func liftingAFreezeUnderAStandingConfiscationLeavesTheConfiscation() throws {
        let order = try Self.order(.freezing, status: .executed, executions: [try Self.executed(Self.car)])
        #expect(order.liftingMove(for: Self.car, in: .confiscationOrdered, heldByAnotherFreeze: false) == .orderLifted)
    }

    @Test func liftingAConfiscationThatIsNotFinalReturnsTheAssetToTheFreezeThatStands() throws {
        let order = try Self.order(.confiscation, type: .standard)
        #expect(order.liftingMove(for: Self.car, in: .confiscationOrdered, heldByAnotherFreeze: true) == .confiscationLifted)
        #expect(order.liftingMove(for: Self.car, in: .confiscationOrdered, heldByAnotherFreeze: false) == .release)
        #expect(order.liftingMove(for: Self.car, in: .restituted, heldByAnotherFreeze: true) == nil)
    }

    @Test func onlyAValueConfiscationReachesUnfrozenMoney() throws {
        let value = try Self.order(.confiscation, type: .value, covered: Money(250_000, .euro))
        #expect(value.reachesUnfrozen(.bankAccount))
        #expect(value.reachesUnfrozen(.cash))
        #expect(!value.reachesUnfrozen(.realEstate))
        #expect(!(try Self.order(.confiscation, type: .standard)).reachesUnfrozen(.cash))
    }

    @Test func onlyACourtFreezeConfirmsAnUrgentOne() throws {
        let confirming = try LegalOrder(
            id: UUID(), caseID: UUID(), kind: .freezing, urgent: true, confirms: UUID(), confiscationType: nil,
            issuingState: CountryCode("BE"), issuingAuthority: "Public prosecutor, Antwerp", executingState: CountryCode("BE"),
            decisionReference: "AN/2026/12", decisionDate: Day("2026-04-02"), coveredAmount: nil, assetIDs: [Self.car], status: .issued,
            version: 1, createdAt: Date())
        #expect(throws: OrderRuleError.confirmsOnlyByCourtFreeze) { try confirming.checkNew() }
    }

    @Test func aDomesticOrderIsIssuedAndExecutedAtHome() throws {
        let home = try CountryCode("BE")
        #expect(try Self.order(.freezing).isDomestic(home: home))
        let abroad = try LegalOrder(
            id: UUID(), caseID: UUID(), kind: .freezing, urgent: false, confiscationType: nil, issuingState: home,
            issuingAuthority: "Investigating judge, Brussels", executingState: CountryCode("ES"), decisionReference: "IJ/2026/78",
            decisionDate: Day("2026-04-02"), coveredAmount: nil, assetIDs: [Self.car], status: .issued, version: 1, createdAt: Date())
        #expect(!abroad.isDomestic(home: home))
    }

    @Test func anIBANIsBuiltFromADomesticAccountNumber() throws {
        #expect(try IBAN.make(country: "BE", bban: "539007547034").value == "BE68539007547034")
    }
}
