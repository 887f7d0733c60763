import ArcaApplication
import ArcaTestSupport
import Foundation
import HTTPTypes
import Testing

extension APIWorld {
    /// The ECB rates, and a Belgian account valued USD 21,626.00 frozen on Saturday 2 March 2024;
    /// returns the ids of its case and of the account.
    @discardableResult
    func frozenDollarAccount(caseTitle: String = "Operation Quill") async throws -> (caseID: String, assetID: String) {
        _ = try await useCases.importRates(file: try Data(contentsOf: Fixtures.ecbHistory), named: "eurofxref-hist.csv", by: .commandLine())
        let title = String(decoding: try JSONEncoder().encode(caseTitle), as: UTF8.self)
        let caseID = try await openCase(#"{"title":\#(title),"offences":["fraud"],"openedOn":"2024-01-08"}"#)
        let assetID = try await addAsset(
            to: caseID,
            #"{"category":"bank_account","description":"Dollar account at KBC","country":"BE","estimatedValue":{"amount":"21626.00","currency":"USD"},"identifiedOn":"2024-01-08"}"#)
        let orderID = try await createOrder(
            in: caseID,
            #"{"kind":"freezing","issuingAuthority":"Brussels court of first instance","decisionReference":"F1/2024","decisionDate":"2024-02-28","assets":["\#(assetID)"]}"#)
        let executed = try await call(.post, "/v1/orders/\(orderID)/execution", json: #"{"executedOn":"2024-03-02","reason":"account blocked"}"#)
        #expect(executed.status == 200, "\(executed.text)")
        return (caseID, assetID)
    }
}

@Suite("HTTP: the yearly statistics")
struct StatisticsRoutesTests {

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
            try await world.frozenDollarAccount()
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

    @Test(arguments: matrix.indices)
    func analystsAndAdministratorsReadTheSummaryYearByYear(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            try await world.frozenDollarAccount()
            let answer = try await world.attempt(.get, "/v1/statistics/summary?from=2023&to=2024", as: expected.role)
            #expect(answer.status == expected.status, "as \(expected.role): \(answer.text)")
            guard expected.status == 200 else { return }
            let years = answer.json["years"] as? [[String: Any]] ?? []
            #expect(years.map { $0["year"] as? Int } == [2023, 2024])
            #expect((years.last?["frozen"] as? [String: Any])?["euro"] as? String == "20000.00", "\(answer.text)")
            #expect(years.last?.keys.contains("averageDaysFrozenBeforeConfiscation") == false)
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

@Suite("HTTP: the CSV extract reads back as the JSON")
struct StatisticsCSVTests {
    /// RFC 4180 fields of one line: a quoted field may hold commas, and a doubled quote in it is one quote.
    private func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var previous: Character?
        for character in line {
            switch (quoted, character) {
            case (true, "\""): quoted = false
            case (false, "\""):
                if previous == "\"" { current.append("\"") }
                quoted = true
            case (false, ","):
                fields.append(current)
                current = ""
            default: current.append(character)
            }
            previous = character
        }
        fields.append(current)
        return fields
    }

    @Test func everyFigureRateAndDigestOfTheJSONIsInTheCSVWithTheSameValue() async throws {
        try await APIWorld.with { world in
            try await world.frozenDollarAccount(caseTitle: #"Operation Quill, "Ltd""#)
            let json = try await world.call(.get, "/v1/statistics/2024", as: "analyst").json
            let csv = try await world.call(.get, "/v1/statistics/2024", as: "analyst", headers: ["Accept": "text/csv"]).text
            // the CSV, read back: what it is, and key → value per figure and breakdown row
            var values: [String: String] = [:]
            for line in csv.split(separator: "\n").dropFirst() {
                let row = fields(line)
                #expect(row.count == 8, "\(line)")
                values[[row[2], row[5], row[6]].joined(separator: "|")] = row[7]
            }
            #expect(values["|data_digest|"] == json["dataDigest"] as? String)
            for rate in json["rates"] as? [[String: Any]] ?? [] {
                #expect(values["|rate|\(rate["currency"] as? String ?? "") \(rate["day"] as? String ?? "")"] == rate["rate"] as? String)
            }
            func text(_ value: Any?) -> String {
                if let number = value as? Int { return String(number) }
                return value as? String ?? ""
            }
            let indicators = json["indicators"] as? [[String: Any]] ?? []
            #expect(indicators.count == 23)
            for indicator in indicators {
                let key = indicator["key"] as? String ?? ""
                #expect(values["\(key)|total|"] == text(indicator["value"]), "\(key)")
                for breakdown in indicator["breakdowns"] as? [[String: Any]] ?? [] {
                    for row in breakdown["rows"] as? [[String: Any]] ?? [] {
                        #expect(values["\(key)|\(breakdown["dimension"] as? String ?? "")|\(row["key"] as? String ?? "")"] == text(row["value"]))
                    }
                }
            }
        }
    }
}
