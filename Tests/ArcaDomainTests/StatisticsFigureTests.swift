@testable import ArcaDomain
import Foundation
import Testing

@Suite("Statistics: sums in euro, rounded once, with rows that add up")
struct StatisticsFigureTests {
    private func record(_ id: String, _ offence: OffenceCategory, euro: String) -> Contribution {
        let amount = Decimal(string: euro)!
        return Contribution(
            entity: "asset", id: id, label: id, day: try! Day("2024-03-04"), offences: [offence], categories: [.cash],
            amount: EuroAmount(original: Money(amount, .euro), euro: amount, rate: nil))
    }

    @Test func aTotalIsRoundedOnceHalfAwayFromZero() {
        let indicator = Indicator.summing(.s3, [record("a", .fraud, euro: "0.0025"), record("b", .fraud, euro: "0.0025")])
        // 0.005 exactly: half a cent goes up, though each part alone would round to nothing
        #expect(indicator.figure == .euro(Decimal(string: "0.01")!))
    }

    @Test func theRowsOfABreakdownAddUpToTheRoundedTotalTheLargestRemaindersTakingTheCentsLeft() {
        // three offences of a third of a hundred euro each: 33.33 + 33.33 + 33.33 is 99.99, the total 100.00
        let third = "33.333333333333333333"
        let indicator = Indicator.summing(.s3, [record("a", .fraud, euro: third), record("b", .corruption, euro: third), record("c", .terrorism, euro: third)])
        let rows = indicator.breakdowns.first { $0.dimension == "principal_offence" }!.rows
        #expect(indicator.figure == .euro(100))
        #expect(rows.map(\.key) == ["corruption", "fraud", "terrorism"])
        #expect(rows.map(\.figure) == [.euro(Decimal(string: "33.34")!), .euro(Decimal(string: "33.33")!), .euro(Decimal(string: "33.33")!)])
    }

    @Test func aMissingRateForSeveralValuesIsOneErrorNamingEachCurrencyAndDayOnce() {
        let chf = Currency(code: "CHF")!
        let rub = Currency(code: "RUB")!
        let day = try! Day("2026-04-03")
        let error = MissingRates(missing: [
            MissingRate(currency: rub, day: day, latest: nil), MissingRate(currency: chf, day: day, latest: nil), MissingRate(currency: rub, day: day, latest: nil),
        ])
        #expect(error.missing.map(\.currency) == [chf, rub])
        #expect(error.description.contains("CHF on 2026-04-03; RUB on 2026-04-03"))
    }
}
