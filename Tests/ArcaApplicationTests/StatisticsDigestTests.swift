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
}
