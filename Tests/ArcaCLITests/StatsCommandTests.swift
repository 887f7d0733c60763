import ArcaTestSupport
import Foundation
import Testing

@Suite("arca stats")
struct StatsCommandTests {
    /// A Belgian freeze of a bank account valued USD 21,626.00, executed on Saturday 2 March 2024;
    /// returns the ids of its case and of the account.
    @discardableResult
    static func frozenAccount(_ env: [String: String]) throws -> (caseID: String, assetID: String) {
        func run(_ arguments: [String]) throws -> [String: Any] {
            let outcome = try ArcaProcess.run(arguments + ["--json"], environment: env)
            #expect(outcome.status == 0, "\(arguments.first ?? ""): \(outcome.stderr)")
            return json(outcome.stdout)
        }
        let imported = try ArcaProcess.run(["rates", "import", RatesCommandTests.history], environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        let caseID = try #require(try run(["case", "create", "--title", "Operation Quill", "--offence", "fraud", "--opened-on", "2024-01-08"])["id"] as? String)
        let assetID = try #require(
            try run([
                "asset", "add", "--case", caseID, "--category", "bank_account", "--description", "Dollar account at KBC", "--country", "BE",
                "--identified-on", "2024-01-08", "--value", "21626.00", "--currency", "USD",
            ])["id"] as? String)
        let orderID = try #require(
            try run([
                "order", "create", "--case", caseID, "--kind", "freezing", "--authority", "Brussels court of first instance", "--decision-reference",
                "F1/2024", "--decision-date", "2024-02-28", "--asset", assetID,
            ])["id"] as? String)
        _ = try run(["order", "execute", orderID, "--on", "2024-03-02", "--reason", "account blocked by the bank"])
        return (caseID, assetID)
    }

    @Test func anAnalystExtractsTheYearAsJSONOrCSVAndSeesTheRecordsBehindAFigure() async throws {
        try await withOfficer { env, _ in
            try Self.frozenAccount(env)
            let analyst = ["--as", TestWorld.userName("analyst")]
            // when an analyst extracts 2024 as JSON and as CSV
            let extracted = try ArcaProcess.run(["stats", "extract", "--year", "2024"] + analyst, environment: env)
            #expect(extracted.status == 0, "\(extracted.stderr)")
            let indicators = json(extracted.stdout)["indicators"] as? [[String: Any]] ?? []
            // then S1 is one order and S3 the dollars at Friday's rate, in euro with two decimals
            #expect(indicators.first { $0["code"] as? String == "S1" }?["value"] as? Int == 1)
            #expect(indicators.first { $0["code"] as? String == "S3" }?["value"] as? String == "20000.00")
            let csv = try ArcaProcess.run(["stats", "extract", "--year", "2024", "--format", "csv"] + analyst, environment: env)
            #expect(csv.stdout.hasPrefix("year,state,code,label,source,breakdown,key,value\n"))
            #expect(csv.stdout.contains(#"2024,BE,S3,"estimated value of property frozen, at the time of freezing (EUR)",Dir 2014/42 Art 11(2)(c),total,,20000.00"#), "\(csv.stdout)")
            // and explain S3 lists the account with its rate
            let explained = try ArcaProcess.run(["stats", "explain", "--year", "2024", "S3"] + analyst, environment: env)
            #expect(explained.status == 0 && explained.stdout.contains("Dollar account at KBC") && explained.stdout.contains("1.0813 of 2024-03-01"), "\(explained.stdout)")
            // and an officer may not
            let officer = try ArcaProcess.run(["stats", "extract", "--year", "2024"], environment: env)
            #expect(officer.status != 0 && officer.stderr.contains("may not produce statistics"), "\(officer.stderr)")
        }
    }

    @Test func theSummaryIsATableOfTheYearsWithTracedFrozenConfiscatedAndRecoveredInEuro() async throws {
        try await withOfficer { env, _ in
            try Self.frozenAccount(env)
            let summary = try ArcaProcess.run(["stats", "summary", "--from", "2023", "--to", "2024", "--as", TestWorld.userName("analyst")], environment: env)
            #expect(summary.status == 0, "\(summary.stderr)")
            let rows = summary.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            // 2024: the account traced at 8 January's rate (1.0946), frozen at Friday 1 March's (1.0813)
            #expect(rows.contains(["2024", "1", "19756.99", "1", "20000.00", "0", "0.00", "0", "0.00", "-"]), "\(summary.stdout)")
            #expect(rows.contains(["2023", "0", "0.00", "0", "0.00", "0", "0.00", "0", "0.00", "-"]), "\(summary.stdout)")
            let backwards = try ArcaProcess.run(["stats", "summary", "--from", "2025", "--to", "2024", "--as", TestWorld.userName("analyst")], environment: env)
            #expect(backwards.status != 0 && backwards.stderr.contains("from (2025) is after to (2024)"), "\(backwards.stderr)")
        }
    }
}
