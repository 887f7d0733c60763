import ArcaApplication
import ArcaTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: the yearly statistics")
struct StatisticsRoutesTests {
    /// The ECB rates, and a Belgian account valued USD 21,626.00 frozen on Saturday 2 March 2024.
    private func frozenDollarAccount(_ world: APIWorld) async throws {
        _ = try await world.useCases.importRates(file: try Data(contentsOf: Fixtures.ecbHistory), named: "eurofxref-hist.csv", by: .commandLine())
        let caseID = try await world.openCase(#"{"title":"Operation Quill","offences":["fraud"],"openedOn":"2024-01-08"}"#)
        let assetID = try await world.addAsset(
            to: caseID,
            #"{"category":"bank_account","description":"Dollar account at KBC","country":"BE","estimatedValue":{"amount":"21626.00","currency":"USD"},"identifiedOn":"2024-01-08"}"#)
        let orderID = try await world.createOrder(
            in: caseID,
            #"{"kind":"freezing","issuingAuthority":"Brussels court of first instance","decisionReference":"F1/2024","decisionDate":"2024-02-28","assets":["\#(assetID)"]}"#)
        let executed = try await world.call(.post, "/v1/orders/\(orderID)/execution", json: #"{"executedOn":"2024-03-02","reason":"account blocked"}"#)
        #expect(executed.status == 200, "\(executed.text)")
    }

    static let matrix: [(role: String, status: Int)] = [("officer", 403), ("liaison", 403), ("analyst", 200), ("auditor", 403), ("admin", 200)]

    @Test(arguments: matrix.indices)
    func analystsAndAdministratorsProduceTheStatistics(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let extract = try await world.attempt(.get, "/v1/statistics/2025", as: expected.role)
            let explain = try await world.attempt(.get, "/v1/statistics/2025/S1", as: expected.role)
            #expect(extract.status == expected.status && explain.status == expected.status, "as \(expected.role): \(extract.text)")
        }
    }

    @Test func theExtractIsJSONOrCSVWithTheSameFiguresAndExplainListsTheRecords() async throws {
        try await APIWorld.with { world in
            try await frozenDollarAccount(world)
            // when an analyst asks for 2024 as JSON and as CSV
            let extract = try await world.call(.get, "/v1/statistics/2024", as: "analyst")
            let csv = try await world.call(.get, "/v1/statistics/2024", as: "analyst", headers: ["Accept": "text/csv"])
            // then both give S3 as EUR 20,000.00: the dollars at Friday's rate
            let indicators = extract.json["indicators"] as? [[String: Any]] ?? []
            #expect(extract.status == 200 && indicators.first { $0["code"] as? String == "S3" }?["value"] as? String == "20000.00", "\(extract.text)")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && csv.text.contains(",Dir 2014/42 Art 11(2)(c),total,,20000.00\n"), "\(csv.text)")
            let rates = extract.json["rates"] as? [[String: Any]]
            #expect(rates?.first?["day"] as? String == "2024-03-01" && rates?.first?["rate"] as? String == "1.0813")
            // and the explanation of S3 lists the account, with its euro value
            let explained = try await world.call(.get, "/v1/statistics/2024/s3", as: "analyst")
            let records = explained.json["records"] as? [[String: Any]] ?? []
            #expect(records.map { $0["label"] as? String ?? "" }.first?.hasSuffix("Dollar account at KBC") == true && records.first?["euro"] as? String == "20000")
        }
    }

    @Test func aYearOrIndicatorThatIsNoneIsAProblemNamingIt() async throws {
        try await APIWorld.with { world in
            let year = try await world.attempt(.get, "/v1/statistics/last-year", as: "analyst")
            #expect(year.status == 422 && year.isProblem && year.fieldErrors == ["year year"], "\(year.text)")
            let future = try await world.attempt(.get, "/v1/statistics/2099", as: "analyst")
            #expect(future.status == 422 && future.fieldErrors == ["year range"])
            let unknown = try await world.attempt(.get, "/v1/statistics/2025/S99", as: "analyst")
            #expect(unknown.status == 422 && unknown.fieldErrors == ["code indicator"], "\(unknown.text)")
            let several = try await world.attempt(.get, "/v1/statistics/2025/S12", as: "analyst")
            #expect(several.status == 422 && several.fieldErrors == ["code measure"], "\(several.text)")
            let otherState = try await world.attempt(.get, "/v1/statistics/2025?state=NL", as: "analyst")
            #expect(otherState.status == 422 && otherState.fieldErrors == ["state this-deployment"])
        }
    }
}
