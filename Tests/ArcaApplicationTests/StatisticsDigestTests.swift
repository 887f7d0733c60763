import ArcaDomain
import Crypto
import Foundation
import Testing

@testable import ArcaApplication

@Suite("Statistics: the data digest")
struct StatisticsDigestTests {
    @Test func theDigestIsSHA256OverOneLinePerRecordAndPerRateUsed() async throws {
        // given S3 with a frozen Bentley valued in pounds, a sum without a value, and S1 counting its freezing order
        let gbp = try #require(Currency(code: "GBP"))
        let rate = ReferenceRate(day: try Day("2024-03-15"), currency: gbp, rate: Decimal(string: "0.85543")!)
        let car = Contribution(
            entity: "asset", id: "3f1c9a4e-8d2b-4b7e-9c1a-5e6f7a8b9c0d", label: "BE-ARO-2024-0012: Bentley Continental GT", day: try Day("2024-03-15"),
            offences: [.fraud, .moneyLaundering], categories: [.motorVehicle],
            amount: EuroAmount(original: Money(Decimal(string: "85000")!, gbp), euro: Decimal(string: "99365.23")!, rate: rate),
            dimensions: ["counterpart_state": "NL", "confiscation_type": "value"])
        let sum = Contribution(
            entity: "order_execution", id: "7", label: "BE-ARO-2024-0013: sum executed", day: try Day("2024-11-02"), offences: [], categories: [],
            amount: nil)
        let order = Contribution(
            entity: "order", id: "0b7e2f4a-1c3d-4e5f-8a9b-c0d1e2f3a4b5", label: "Antwerp 2024/117", day: try Day("2024-03-14"), offences: [.fraud],
            categories: [.motorVehicle], amount: nil)
        let s3 = Indicator(code: .s3, figure: .euro(Decimal(string: "99365.23")!), breakdowns: [], contributions: [car], withoutValue: [sum])
        let s1 = Indicator(code: .s1, figure: .count(1), breakdowns: [], contributions: [order])

        // when the digest is computed
        let digest = await ProduceStatistics.digest([s1, s3], rates: [rate], year: 2024, state: try CountryCode("BE"))

        // then it is SHA-256 over these lines, in this order
        let lines = """
            2024 BE
            S1 order 0b7e2f4a-1c3d-4e5f-8a9b-c0d1e2f3a4b5 2024-03-14 fraud motor_vehicle  -
            S3 asset 3f1c9a4e-8d2b-4b7e-9c1a-5e6f7a8b9c0d 2024-03-15 fraud+money_laundering motor_vehicle confiscation_type=value+counterpart_state=NL 85000.00 GBP 2024-03-15 0.85543
            S3 order_execution 7 2024-11-02    -
            rate 2024-03-15 GBP 0.85543
            """
        #expect(digest == SHA256.hash(data: Data(lines.utf8)).hexadecimal)
    }

    @Test func theDigestOfNationalDataIsTheDigestOfItsLinesWrittenOneByOne() async throws {
        // given 20,001 records over chunk boundaries: amounts with and without a rate, durations,
        // figures with a measure, and an indicator whose records all lack a value
        let usd = try #require(Currency(code: "USD"))
        let rate = ReferenceRate(day: try Day("2024-06-28"), currency: usd, rate: Decimal(string: "1.0705")!)
        let records = try (0..<20_001).map { index in
            Contribution(
                entity: "asset", id: "asset-\(index)", label: "BE-2024-\(index)", day: try Day(year: 2024, month: 1 + index % 12, day: 1 + index % 28),
                offences: index % 3 == 0 ? [] : [.fraud], categories: index % 5 == 0 ? [] : [.bankAccount, .cash],
                amount: index % 4 == 0 ? nil : EuroAmount(
                    original: Money(Decimal(index) + Decimal(string: "0.05")!, index % 2 == 0 ? .euro : usd), euro: Decimal(index),
                    rate: index % 2 == 0 ? nil : rate),
                days: index % 7 == 0 ? index % 400 : nil, dimensions: index % 2 == 0 ? ["counterpart_state": "NL"] : [:])
        }
        let indicators = [
            Indicator(code: .s3, figure: .count(0), breakdowns: [], contributions: Array(records[..<12_000]), withoutValue: Array(records[12_000..<12_500])),
            Indicator(code: .s12, measure: "issued", figure: .count(0), breakdowns: [], contributions: Array(records[12_500...])),
            Indicator(code: .s4, figure: .count(0), breakdowns: [], contributions: [], withoutValue: Array(records[..<3])),
        ]

        // when the digest is computed
        let digest = await ProduceStatistics.digest(indicators, rates: [rate], year: 2024, state: try CountryCode("BE"))

        // then it is the digest of the lines written one by one, as Docs/STATISTICS.md defines them
        #expect(digest == Self.digestLineByLine(indicators, rates: [rate], header: "2024 BE"))
    }

    /// The digest's definition, written plainly: the year and state, then one line per record
    /// and one per rate, joined by line feeds.
    static func digestLineByLine(_ indicators: [Indicator], rates: [ReferenceRate], header: String) -> String {
        var lines = [header]
        for indicator in indicators {
            for record in indicator.contributions + indicator.withoutValue {
                let amount =
                    record.days.map { "\($0) days" }
                    ?? record.amount.map { "\($0.original) \($0.rate.map { "\($0.day) \($0.rate)" } ?? "")" } ?? "-"
                let dimensions = record.dimensions.keys.sorted().map { "\($0)=\(record.dimensions[$0]!)" }.joined(separator: "+")
                lines.append(
                    "\(indicator.key) \(record.entity) \(record.id) \(record.day) \(record.offences.map(\.rawValue).joined(separator: "+")) "
                        + "\(record.categories.map(\.rawValue).joined(separator: "+")) \(dimensions) \(amount)")
            }
        }
        lines += rates.map { "rate \($0.day) \($0.currency.code) \($0.rate)" }
        return SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).hexadecimal
    }
}
