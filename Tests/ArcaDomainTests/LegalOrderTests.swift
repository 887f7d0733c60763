import ArcaDomain
import Foundation
import Testing

@Suite("Orders: freezing and confiscation (Dir 2014/42 Art 2)")
struct LegalOrderTests {
    static func order(
        _ kind: LegalOrder.Kind, type: ConfiscationType? = nil, urgent: Bool = false, assets: [UUID] = [UUID()],
        covered: Money? = nil, status: LegalOrder.Status = .issued
    ) throws -> LegalOrder {
        try LegalOrder(
            id: UUID(), caseID: UUID(), kind: kind, urgent: urgent, confiscationType: type, issuingAuthority: "Investigating judge, Brussels",
            decisionReference: "IJ/2026/77", decisionDate: Day("2026-04-02"), coveredAmount: covered, assetIDs: assets, status: status,
            executedOn: status == .executed ? try Day("2026-04-03") : nil, liftedOn: nil, version: 1, createdAt: Date())
    }

    @Test func aConfiscationOrderNeedsItsTypeAndOnlyItHasOne() {
        #expect(throws: OrderRuleError.confiscationType(.confiscation)) { try Self.order(.confiscation) }
        #expect(throws: OrderRuleError.confiscationType(.freezing)) { try Self.order(.freezing, type: .standard) }
    }

    @Test func onlyAFreezeCanBeUrgent() {
        #expect(throws: OrderRuleError.urgentConfiscation) { try Self.order(.confiscation, type: .standard, urgent: true) }
    }

    @Test func anOrderCoversAssetsOrASum() throws {
        #expect(throws: OrderRuleError.coversNothing) { try Self.order(.freezing, assets: []) }
        _ = try Self.order(.confiscation, type: .value, assets: [], covered: Money(250_000, .euro))
    }

    @Test func anOrderIsExecutedOnceAndNotBeforeItsDecision() throws {
        var order = try Self.order(.freezing)
        #expect(throws: OrderRuleError.executedBeforeDecision(try Day("2026-04-02"))) { try order.execute(on: Day("2026-04-01")) }
        try order.execute(on: Day("2026-04-03"))
        #expect(order.status == .executed)
        #expect(order.version == 2)
        #expect(throws: OrderRuleError.notIssued(.executed)) { try order.execute(on: Day("2026-04-04")) }
    }

    @Test func anExecutedConfiscationIsFinal() throws {
        var order = try Self.order(.confiscation, type: .standard, status: .executed)
        #expect(throws: OrderRuleError.finalConfiscation) { try order.lift(on: Day("2026-05-01")) }
    }

    @Test func anExecutedFreezeHoldsWhatIsFrozenOrSoldInTheInterim() throws {
        let order = try Self.order(.freezing, status: .executed)
        #expect(order.holds(.frozen))
        #expect(order.holds(.interimSold))
        #expect(!order.holds(.confiscationOrdered))
        #expect(!order.holds(.restituted))
    }

    @Test func anIssuedFreezeHoldsNothingYet() throws {
        #expect(!(try Self.order(.freezing)).holds(.frozen))
    }

    @Test func anIssuedConfiscationHoldsWhatItPutUnderOrderedConfiscation() throws {
        let order = try Self.order(.confiscation, type: .extended)
        #expect(order.holds(.confiscationOrdered))
        #expect(order.actionWhenIssued == .orderConfiscation)
        #expect(order.actionWhenExecuted == .finaliseConfiscation)
    }

    @Test func onlyAValueConfiscationReachesUnfrozenMoney() throws {
        let value = try Self.order(.confiscation, type: .value)
        #expect(value.reachesUnfrozen(.bankAccount))
        #expect(value.reachesUnfrozen(.cash))
        #expect(!value.reachesUnfrozen(.realEstate))
        #expect(!(try Self.order(.confiscation, type: .standard)).reachesUnfrozen(.cash))
    }

    @Test func anIBANIsBuiltFromADomesticAccountNumber() throws {
        #expect(try IBAN.make(country: "BE", bban: "539007547034").value == "BE68539007547034")
    }
}
