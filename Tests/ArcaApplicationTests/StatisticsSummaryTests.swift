import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: the office's own summary, year by year")
struct StatisticsSummaryTests {
    @Test func eachYearTalliesTracedFrozenConfiscatedAndRecoveredInEuroAndTheDaysFrozenBeforeConfiscation() async throws {
        try await TestWorld.with { world in
            let useCases = world.useCases
            _ = try await useCases.importRates(file: try Data(contentsOf: Fixtures.ecbHistory), named: "eurofxref-hist.csv", by: world.admin)
            // given a dollar account of USD 21,626 identified on 8 January 2024, frozen on 2 March 2024
            let file = try await world.openCase(title: "Operation Quill: invoice fraud", openedOn: "2024-01-08")
            let account = try await useCases.addAsset(
                caseID: file.id,
                NewAsset(
                    category: "bank_account", description: "Dollar account at KBC", identifiers: IdentifierInput(iban: "BE71 0961 2345 6769"), country: "BE",
                    estimatedValue: MoneyInput(amount: "21626.00", currency: "USD"), identifiedOn: "2024-01-08"),
                by: world.officer)
            let freezing = try await world.order("freezing", assets: [account], on: "2024-02-28")
            _ = try await world.execute(freezing, on: "2024-03-02")
            // and confiscated by a decision of 10 January 2025, executed on 3 February 2025
            let confiscation = try await world.order("confiscation", type: "standard", assets: [account], on: "2025-01-10")
            _ = try await world.finalise(confiscation, on: "2025-01-20")
            _ = try await world.execute(
                confiscation, on: "2025-02-03", [.init(asset: account.id.lowercased, realised: MoneyInput(amount: "21626.00", currency: "USD"))])
            // and a painting with no value identified in 2025, and EUR 20,500 received on 1 March 2025
            _ = try await useCases.addAsset(
                caseID: file.id,
                NewAsset(category: "art_cultural_goods", description: "Oil on canvas, unsigned", country: "BE", identifiedOn: "2025-02-10"),
                by: world.officer)
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: MoneyInput(amount: "20500.00", currency: "EUR"), receivedOn: "2025-03-01", source: "sale", destination: "state_budget",
                    reason: "balance transferred to the Treasury"))

            // when an analyst summarises 2024 and 2025
            let summary = try await useCases.summariseStatistics(from: "2024", to: "2025", by: world.analyst)

            // then 2024: traced USD 21,626 / 1.0946 (8 January) = 19,756.99; frozen at Friday 1 March's 1.0813 = 20,000.00
            #expect(summary.years.map(\.year) == [2024, 2025])
            let first = summary.years[0]
            #expect(first.traced == StageTally(count: 1, euro: Decimal(string: "19756.99")!, withoutValue: 0))
            #expect(first.frozen == StageTally(count: 1, euro: 20000, withoutValue: 0))
            #expect(first.confiscated.count == 0 && first.recovered.count == 0 && first.averageDaysFrozenBeforeConfiscation == nil)
            // and 2025: the painting traced without a value; confiscated at 10 January's 1.0304 = 20,987.97; EUR 20,500 recovered;
            // frozen 338 days (2 March 2024 to 3 February 2025) before its confiscation
            let second = summary.years[1]
            #expect(second.traced == StageTally(count: 1, euro: 0, withoutValue: 1))
            #expect(second.frozen.count == 0)
            #expect(second.confiscated == StageTally(count: 1, euro: Decimal(string: "20987.97")!, withoutValue: 0))
            #expect(second.recovered == StageTally(count: 1, euro: 20500, withoutValue: 0))
            #expect(second.averageDaysFrozenBeforeConfiscation == 338 && second.confiscatedAfterFreezing == 1)
            #expect(summary.unconverted.isEmpty)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'SummariseStatistics' AND entity_id = '2024-2025/BE'") == 1)
        }
    }

    @Test func aSpanTheRecordCannotCoverIsRefusedNamingTheFieldAndOfficersMayNotSummarise() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["from year", "to year"])) { try await world.useCases.summariseStatistics(from: "1998", to: "2027", by: world.analyst) }
            await refused(.invalid(["from range"])) { try await world.useCases.summariseStatistics(from: "2026", to: "2024", by: world.analyst) }
            await refused(.forbidden) { try await world.useCases.summariseStatistics(from: nil, to: nil, by: world.officer) }
        }
    }
}
