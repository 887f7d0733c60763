import ArcaDomain
import Foundation
import Testing

/// The ECB's real euro reference-rate history, copied from the shared data (Tests/Fixtures).
let ecbHistory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/ecb-eurofxref-hist.csv")

@Suite("ECB reference rates and the conversion to euro (DOMAIN §5.1)")
struct ReferenceRateTests {
    private static let history: RateTable = {
        let text = try! String(contentsOf: ecbHistory, encoding: .utf8)
        return RateTable(try! ECBRateFile.parse(text))
    }()

    private func day(_ text: String) -> Day { try! Day(text) }
    private func money(_ amount: String, _ code: String) -> Money { try! Money(parsing: amount, Currency(code: code)!) }

    @Test func theECBsOwnHistoryIsReadWholeSkippingTheDaysACurrencyWasNotQuoted() throws {
        let rates = try ECBRateFile.parse(try String(contentsOf: ecbHistory, encoding: .utf8))
        let days = Set(rates.map(\.day))
        // every business day since 4 January 1999, to 9 May 2025
        #expect(days.count == 6747 && days.min() == day("1999-01-04") && days.max() == day("2025-05-09"))
        #expect(rates.contains(ReferenceRate(day: day("2025-05-09"), currency: Currency(code: "USD")!, rate: Decimal(string: "1.1252")!)))
        // the Cyprus pound was quoted until the euro replaced it, never after
        #expect(rates.contains { $0.currency.code == "CYP" && $0.day == day("1999-01-04") })
        #expect(!rates.contains { $0.currency.code == "CYP" && $0.day >= day("2008-01-01") })
    }

    @Test func anAmountOfASaturdayIsConvertedAtFridaysRateAndOneOfAHolidayAtTheLastBusinessDays() throws {
        // Saturday 3 May 2025: Friday 2 May's rate; 1 May (a TARGET holiday): 30 April's
        let saturday = try Self.history.euro(money("11343.00", "USD"), on: day("2025-05-03"))
        #expect(saturday.rate?.day == day("2025-05-02") && saturday.euro == 10000)
        let holiday = try Self.history.euro(money("1000.00", "GBP"), on: day("2025-05-01"))
        #expect(holiday.rate?.day == day("2025-04-30"))
    }

    @Test func anAmountInEuroNeedsNoRate() throws {
        let converted = try Self.history.euro(money("48250.75", "EUR"), on: day("2031-01-01"))
        #expect(converted.euro == Decimal(string: "48250.75")! && converted.rate == nil)
    }

    @Test func aRateOlderThanAWeekIsNotUsedAndTheErrorNamesTheCurrencyAndTheDay() {
        // the history ends on 9 May 2025: 16 May is still covered, 17 May is not
        #expect((try? Self.history.rate(Currency(code: "CHF")!, on: day("2025-05-16")))?.day == day("2025-05-09"))
        #expect(throws: MissingRate.self) { try Self.history.rate(Currency(code: "CHF")!, on: day("2025-05-17")) }
        do {
            _ = try Self.history.euro(money("500.00", "CHF"), on: day("2025-06-30"))
            Issue.record("a stale rate was used")
        } catch {
            #expect(error.description.contains("CHF on 2025-06-30") && error.description.contains("the last known is of 2025-05-09"))
        }
    }

    @Test func aCurrencyTheECBNeverQuotedIsAnErrorNotAZero() {
        #expect(throws: MissingRate(currency: Currency(code: "NGN")!, day: day("2024-03-01"), latest: nil)) {
            try Self.history.euro(money("1000000.00", "NGN"), on: day("2024-03-01"))
        }
    }

    @Test func aFileThatIsNotTheECBsNamesEachWrongLine() {
        let file = """
            Date,USD,XYZ,
            2025-05-09,1.1252,N/A,
            2025-13-01,1.1297,N/A,
            2025-05-07,one,N/A,
            2025-05-06,1.1325,
            """
        #expect(throws: RateFileError(problems: [
            .init(line: 1, message: "XYZ is not a currency the ECB quotes against the euro"),
            .init(line: 3, message: "2025-13-01 is not a date (YYYY-MM-DD)"),
            .init(line: 4, message: "one is not a rate for USD"),
            .init(line: 5, message: "1 rates for 2 currencies"),
        ])) { try ECBRateFile.parse(file) }
    }

    @Test func aCurrencyMissingOnManyDaysIsNamedWithItsSpanNotEveryDay() throws {
        let dirham = Currency(code: "AED")!
        let first = try Day("2024-01-01")
        let missing = MissingRates(missing: (0..<40).map { MissingRate(currency: dirham, day: first.adding(days: $0), latest: nil) }
            + [MissingRate(currency: Currency(code: "USD")!, day: try Day("2025-05-30"), latest: nil)])
        #expect(missing.description.hasPrefix(
            "no ECB reference rate on or in the 7 days before: AED on 40 days from 2024-01-01 to 2024-02-09 (2024-01-01, 2024-01-02, 2024-01-03, 2024-01-04, 2024-01-05, …); USD on 2025-05-30 — "))
    }
}
