import ArcaDomain
import Foundation
import Testing

@Suite("Management, disposal details, recovered value and totals in EUR (DOMAIN §2, §3.1, §5.1)")
struct ManagementAndRecoveryRulesTests {
    static func frozenCar() throws -> Asset {
        var car = try AssetValueTests.car()
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: [])
        return car
    }

    @Test func propertyNeverFrozenOrConfiscatedHasNoManagement() throws {
        let car = try AssetValueTests.car()
        #expect(throws: ManagementError.neverHeld(.identified)) { try AssetManagement.check(.cost, of: car, on: Day("2026-04-10")) }
    }

    @Test func custodyNeedsTheAuthoritiesToHoldThePropertyAndACostMayComeAfter() throws {
        var car = try Self.frozenCar()
        try AssetManagement.check(.custody, of: car, on: Day("2026-04-03"))
        try car.apply(.release, on: Day("2026-05-01"), valuations: [])
        #expect(throws: ManagementError.notHeld(.released)) { try AssetManagement.check(.custody, of: car, on: Day("2026-05-02")) }
        try AssetManagement.check(.cost, of: car, on: Day("2026-05-02"))
    }

    @Test func nothingIsManagedBeforeTheDayThePropertyWasHeld() throws {
        let car = try Self.frozenCar()
        #expect(throws: ManagementError.beforeHeld(try Day("2026-04-02"), since: try Day("2026-04-03"))) {
            try AssetManagement.check(.cost, of: car, on: Day("2026-04-02"))
        }
    }

    @Test func custodyNamesItsManagerAndACostItsPurposeAndAmountAndNeitherTheOthers() {
        #expect(ManagementEvent.check(.custody, manager: true, purpose: false, amount: false).isEmpty)
        #expect(ManagementEvent.check(.cost, manager: false, purpose: true, amount: true).isEmpty)
        #expect(ManagementEvent.check(.custody, manager: false, purpose: true, amount: true) == [.managerRequired, .purposeNotApplicable, .amountNotApplicable])
        #expect(ManagementEvent.check(.cost, manager: true, purpose: false, amount: false) == [.purposeRequired, .amountRequired, .managerNotApplicable])
    }

    @Test func aSaleNamesItsProceedsAndAVictimsDisposalItsVictimAndOnlyADisposalHasCostsAndOnlyItOrARestitutionARecipient() {
        #expect(AssetAction.dispose.checkDirect(amount: false, outcome: true, disposedAs: .soldAuction) == [.proceedsRequired])
        #expect(AssetAction.dispose.checkDirect(amount: true, outcome: true, disposedAs: .soldPrivate, costs: true).isEmpty)
        #expect(AssetAction.dispose.checkDirect(amount: false, outcome: true, disposedAs: .victimCompensation) == [.recipientRequired])
        #expect(AssetAction.dispose.checkDirect(amount: false, outcome: true, disposedAs: .restitutedToVictim, recipient: true).isEmpty)
        #expect(AssetAction.dispose.checkDirect(amount: false, outcome: true, disposedAs: .destroyed, recipient: true) == [.recipientNotApplicable])
        #expect(AssetAction.close.checkDirect(amount: false, outcome: false, costs: true, recipient: true) == [.costsNotApplicable, .recipientNotApplicable])
        #expect(AssetAction.restitute.checkDirect(amount: false, outcome: false, recipient: true).isEmpty)
    }

    @Test func recoveredMoneyNamesThePayingStateTheReceivingStateAndTheVictimWhereItsSourceAndDestinationNeedThem() {
        #expect(
            RecoveredValue.check(source: .fundsFromAnotherState, destination: .shareToAnotherState, sourceState: false, destinationState: false, recipient: false)
                == [.sourceStateRequired, .destinationStateRequired])
        #expect(
            RecoveredValue.check(source: .seizedCash, destination: .victimCompensation, sourceState: true, destinationState: true, recipient: false)
                == [.sourceStateNotApplicable, .destinationStateNotApplicable, .recipientRequired])
        #expect(RecoveredValue.check(source: .sale, destination: .stateBudget, sourceState: false, destinationState: false, recipient: true) == [.recipientNotApplicable])
        #expect(RecoveredValue.check(source: .sale, destination: .victimCompensation, sourceState: false, destinationState: false, recipient: true).isEmpty)
    }

    @Test func caseTotalsConvertEachAmountAtItsDaysRateRoundOnceAndNameWhatTheyCannotSum() throws {
        // given the ECB's dollar rates of 1 and 4 March 2024 (1.0813, 1.0854)
        let rates = RateTable([
            ReferenceRate(day: try Day("2024-03-01"), currency: Currency(code: "USD")!, rate: Decimal(string: "1.0813")!),
            ReferenceRate(day: try Day("2024-03-04"), currency: Currency(code: "USD")!, rate: Decimal(string: "1.0854")!),
        ])
        func amount(_ line: CaseAmount.Line, _ value: String?, _ currency: String, on day: String) throws -> CaseAmount {
            CaseAmount(
                line: line, entity: "asset", id: UUID().lowercased, label: "record", value: value.map { Money(Decimal(string: $0)!, Currency(code: currency)!) },
                day: try Day(day))
        }
        // when USD 21,626.00 frozen on Saturday 2 March, USD 0.004 three times on Monday 4 March, a frozen asset with no value,
        // and USD 500.00 recovered on 20 March (more than 7 days after the last rate) are totalled
        let totals = CaseTotals(
            [
                try amount(.frozen, "21626.00", "USD", on: "2024-03-02"), try amount(.frozen, "0.004", "USD", on: "2024-03-04"),
                try amount(.frozen, "0.004", "USD", on: "2024-03-04"), try amount(.frozen, "0.004", "USD", on: "2024-03-04"),
                try amount(.frozen, nil, "EUR", on: "2024-03-04"),
                try amount(.recovered, "500.00", "USD", on: "2024-03-20"), try amount(.recovered, "120.00", "EUR", on: "2024-03-20"),
            ], rates: rates)
        // then frozen is 20,000 + 3 × 0.003685… (exact) = 20,000.011… rounded once: 20,000.01, not 20,000.00 from each rounded to the cent
        #expect(totals[.frozen].euro == Decimal(string: "20000.01"))
        #expect(totals[.frozen].count == 5 && totals[.frozen].withoutValue.count == 1 && !totals[.frozen].isComplete)
        // and recovered sums the euros, naming the dollars of 20 March instead of counting them as zero
        #expect(totals[.recovered].euro == 120 && totals[.recovered].unconverted.map { "\($0.currency.code) \($0.day)" } == ["USD 2024-03-20"])
        #expect(totals[.confiscated].count == 0 && totals[.confiscated].isComplete)
        #expect(CaseTotals.ratesNeeded(by: [try amount(.frozen, "1.00", "EUR", on: "2024-03-02")]) == nil)
    }

    @Test func theSummaryTalliesEachYearAndAveragesTheDaysFrozenBeforeConfiscationToOneDecimal() throws {
        func property(_ day: String, _ amount: Decimal?) throws -> ValuedProperty {
            ValuedProperty(
                entity: "asset", id: UUID().lowercased, label: "asset", day: try Day(day), offences: [.fraud], category: .cash,
                value: amount.map { Money($0, .euro) }, valueFixedOn: try Day(day))
        }
        let record = SummaryRecord(
            traced: [try property("2024-02-01", 100), try property("2025-02-01", nil)], frozen: [try property("2024-03-01", 250)],
            confiscated: [try property("2025-01-10", 240), try property("2025-06-30", 10)], recovered: [try property("2025-07-01", Decimal(string: "99.995"))],
            frozenBeforeConfiscation: [
                FrozenBeforeConfiscation(assetID: "a", frozenOn: try Day("2024-03-01"), confiscatedOn: try Day("2025-01-10")),
                FrozenBeforeConfiscation(assetID: "b", frozenOn: try Day("2024-03-01"), confiscatedOn: try Day("2025-01-11")),
            ])
        var unconverted: [MissingRate] = []
        let years = YearSummary.years(record, from: 2024, through: 2025, rates: RateTable([]), unconverted: &unconverted)
        #expect(years[0].traced == StageTally(count: 1, euro: 100, withoutValue: 0) && years[0].frozen.euro == 250)
        #expect(years[1].traced == StageTally(count: 1, euro: 0, withoutValue: 1))
        #expect(years[1].confiscated == StageTally(count: 2, euro: 250, withoutValue: 0))
        #expect(years[1].recovered.euro == Decimal(string: "100.00"))
        // 315 and 316 days: 315.5
        #expect(years[1].averageDaysFrozenBeforeConfiscation == Decimal(string: "315.5") && years[0].averageDaysFrozenBeforeConfiscation == nil)
        #expect(unconverted.isEmpty)
    }
}
