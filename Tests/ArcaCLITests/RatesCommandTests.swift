import ArcaTestSupport
import Foundation
import Testing

@Suite("arca rates")
struct RatesCommandTests {
    static let history = Fixtures.ecbHistory.path

    @Test func theECBHistoryIsImportedOnceAndReportsWhatItLoaded() async throws {
        try await withOfficer { env, _ in
            // when an administrator imports the ECB's file twice
            let first = try ArcaProcess.run(["rates", "import", Self.history], environment: env)
            let second = try ArcaProcess.run(["rates", "import", Self.history, "--json"], environment: env)
            // then the first loads every rate and the second adds none
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("loaded 210545 rates from \(Self.history): 210545 new, 0 already stored"), "\(first.stdout)")
            #expect(first.stdout.contains("210545 rates of 41 currencies stored, 1999-01-04 to 2025-05-09"), "\(first.stdout)")
            #expect(second.status == 0 && json(second.stdout)["added"] as? Int == 0 && json(second.stdout)["alreadyStored"] as? Int == 210_545)
        }
    }

    @Test func aFileThatIsNotTheECBsFailsNamingTheLineAndLoadsNothing() async throws {
        try await withOfficer { env, db in
            let folder = try TestDatabase.temporaryHome("rates")
            let file = folder.appendingPathComponent("rates.csv").path
            try Data("Date,USD,\n2025-05-09,1.1252,\n9 May 2025,1.12,\n".utf8).write(to: URL(fileURLWithPath: file))
            let outcome = try ArcaProcess.run(["rates", "import", file], environment: env)
            #expect(outcome.status != 0 && outcome.stderr.contains("rates.csv line 3: 9 May 2025 is not a date"), "\(outcome.stderr)")
            let missing = try ArcaProcess.run(["rates", "import", folder.appendingPathComponent("absent.csv").path], environment: env)
            #expect(missing.status != 0 && missing.stderr.contains("cannot read"), "\(missing.stderr)")
            #expect(try await db.pool.query("SELECT count(*) FROM reference_rate").first?.decode(Int.self, 0) == 0)
        }
    }
}
