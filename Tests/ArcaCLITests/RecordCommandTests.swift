import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// The test world (`TestWorld`), for commands run as its officer j.peeters.
func withOfficer(_ body: ([String: String], FreshDatabase) async throws -> Void) async throws {
    try await TestWorld.with { world in
        try await body(["DATABASE_URL": world.db.url, "ARCA_USER": TestWorld.userName("officer")], world.db)
    }
}

struct CLIFailure: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

func json(_ text: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
}

@Suite("arca record-keeping commands")
struct RecordCommandTests {
    @Test func anOfficerRecordsACaseAnAssetAndFreezesItFromTheCommandLine() async throws {
        try await withOfficer { env, _ in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "money_laundering", "--offence", "fraud", "--opened-on", "2026-03-14", "--json"],
                environment: env)
            #expect(created.status == 0, "\(created.stderr)")
            let caseID = try #require(json(created.stdout)["id"] as? String)
            #expect(json(created.stdout)["reference"] as? String == "BE-2026-000001")

            let asset = try ArcaProcess.run(
                [
                    "asset", "add", "--case", caseID, "--category", "bank_account", "--description", "Current account at KBC",
                    "--country", "BE", "--iban", "BE68 5390 0754 7034", "--value", "48250.75", "--identified-on", "2026-03-20", "--json",
                ], environment: env)
            #expect(asset.status == 0, "\(asset.stderr)")
            let assetID = try #require(json(asset.stdout)["id"] as? String)

            let order = try ArcaProcess.run(
                [
                    "order", "create", "--case", caseID, "--kind", "freezing", "--authority", "Investigating judge, Brussels",
                    "--decision-reference", "IJ/2026/77", "--decision-date", "2026-04-02", "--asset", assetID, "--json",
                ], environment: env)
            #expect(order.status == 0, "\(order.stderr)")
            let orderID = try #require(json(order.stdout)["id"] as? String)
            let executed = try ArcaProcess.run(["order", "execute", orderID, "--on", "2026-04-03"], environment: env)
            #expect(executed.status == 0, "\(executed.stderr)")

            let corrected = try ArcaProcess.run(
                ["order", "correct", orderID, "--step", "execution", "--asset", assetID, "--on", "2026-04-02", "--reason", "seized on the day of the decision"],
                environment: env)
            #expect(corrected.status == 0, "\(corrected.stderr)")

            let shown = try ArcaProcess.run(["asset", "show", assetID, "--as", "a.janssens"], environment: env)
            #expect(shown.stdout.contains("state frozen"))
            #expect(shown.stdout.contains("at freezing 48250.75 EUR"))
            #expect(shown.stdout.contains("2026-04-02 (recorded 2026-04-03)  freeze"))
            let listed = try ArcaProcess.run(["case", "list"], environment: env)
            #expect(listed.stdout.contains("BE-2026-000001"))
            #expect(listed.stdout.hasPrefix("REFERENCE"))
        }
    }

    @Test func anOfficerCorrectsASubjectFromTheCommandLine() async throws {
        try await withOfficer { env, _ in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "fraud", "--opened-on", "2026-03-14", "--json"], environment: env)
            let caseID = try #require(json(created.stdout)["id"] as? String)
            let added = try ArcaProcess.run(
                [
                    "subject", "add", "--case", caseID, "--kind", "natural_person", "--name", "Jan Vermeulen", "--role", "suspect",
                    "--nationality", "BE", "--json",
                ], environment: env)
            #expect(added.status == 0, "\(added.stderr)")
            let subjectID = try #require(json(added.stdout)["id"] as? String)

            let corrected = try ArcaProcess.run(
                ["subject", "update", subjectID, "--role", "convicted_person", "--clear-nationality", "--json"], environment: env)

            #expect(corrected.status == 0, "\(corrected.stderr)")
            #expect(json(corrected.stdout)["role"] as? String == "convicted_person")
            #expect(json(corrected.stdout)["nationality"] == nil)
            #expect(json(corrected.stdout)["version"] as? Int == 2)
            let stale = try ArcaProcess.run(["subject", "update", subjectID, "--version", "1", "--role", "accused"], environment: env)
            #expect(stale.status != 0)
            #expect(stale.stderr.contains("version 2"))
            let both = try ArcaProcess.run(["subject", "update", subjectID, "--seat", "LU", "--clear-seat"], environment: env)
            #expect(both.status != 0)
            #expect(both.stderr.contains("not both"))
        }
    }

    @Test func theAdministratorReadsTheAuditTrail() async throws {
        try await withOfficer { env, _ in
            _ = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "fraud", "--opened-on", "2026-03-14"], environment: env)
            let table = try ArcaProcess.run(["audit", "list", "--entity", "case"], environment: env)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.hasPrefix("RECORDED"))
            #expect(table.stdout.contains("CreateCase"))
            let listed = try ArcaProcess.run(["audit", "list", "--operation", "AddUser", "--json"], environment: env)
            let items = json(listed.stdout)["items"] as? [[String: Any]] ?? []
            #expect(items.count == TestWorld.users.count)
        }
    }

    @Test func aRecordCommandWithoutAUserSaysHowToNameOne() async throws {
        try await withOfficer { env, _ in
            var anonymous = env
            anonymous["ARCA_USER"] = ""
            let outcome = try ArcaProcess.run(["case", "list"], environment: anonymous)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("--as USER"))
        }
    }

    @Test func badInputIsOneLineNamingEachFieldAndWritesNothing() async throws {
        try await withOfficer { env, db in
            let outcome = try ArcaProcess.run(
                ["case", "create", "--title", "Bad", "--offence", "jaywalking", "--opened-on", "2026-02-30"], environment: env)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.split(separator: "\n").count == 1)
            #expect(outcome.stderr.contains("offences[0]"))
            #expect(outcome.stderr.contains("openedOn"))
            let rows = try await db.pool.query("SELECT count(*) FROM case_file")
            #expect(try rows[0].decode(Int.self, 0) == 0)
        }
    }

    @Test func anAnalystCannotRecord() async throws {
        try await withOfficer { env, _ in
            let outcome = try ArcaProcess.run(
                ["case", "create", "--as", "a.janssens", "--title", "Not mine", "--offence", "fraud", "--opened-on", "2026-01-01"], environment: env)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("analyst role may not record cases"))
        }
    }
}

@Suite("arca demo seed")
struct DemoSeedTests {
    /// What identifies the data set: every case's reference, title and status, every asset's
    /// category and estimate, in a stable order.
    static func fingerprint(_ db: FreshDatabase) async throws -> [String] {
        try await db.pool.query(
            """
            SELECT c.reference || ' ' || c.opened_on || ' ' || c.title || ' ' || c.status || ' ' || coalesce(string_agg(a.category || ':' || a.state || ':' || a.estimated_amount::text || ':' || coalesce(a.iban, a.vin, ''), ',' ORDER BY a.category, a.estimated_amount), '')
            FROM case_file c LEFT JOIN asset a ON a.case_id = c.id GROUP BY c.id ORDER BY c.reference
            """
        ).map { try $0.decode(String.self, 0) }
    }

    @Test func theSameSeedGivesTheSameDataAndAnOfficerToken() async throws {
        try await TestDatabase.withFresh { first in
            try await TestDatabase.withFresh { second in
                let one = try ArcaProcess.run(["demo", "seed", "--cases", "12", "--seed", "7", "--token"], environment: ["DATABASE_URL": first.url])
                #expect(one.status == 0, "\(one.stderr)")
                let token = one.stdout.split(separator: "\n").last.map(String.init) ?? ""
                #expect(token.hasPrefix("arca_") && token.count == 69)
                let two = try ArcaProcess.run(["demo", "seed", "--cases", "12", "--seed", "7"], environment: ["DATABASE_URL": second.url])
                #expect(two.status == 0, "\(two.stderr)")

                let a = try await Self.fingerprint(first)
                let b = try await Self.fingerprint(second)
                #expect(a.count == 12)
                #expect(a == b)
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aBulkLoadIsTheSameForTheSameSeedAndReportsItsProgressInPlainLinesWhenPiped() async throws {
        try await TestDatabase.withFresh { first in
            try await TestDatabase.withFresh { second in
                let arguments = ["demo", "seed", "--bulk", "--cases", "30", "--templates", "3", "--seed", "7"]
                let one = try ArcaProcess.run(arguments, environment: ["DATABASE_URL": first.url])
                #expect(one.status == 0, "\(one.stderr)")
                #expect(one.stdout.contains("100 % — 30 of 30 cases\n"))
                #expect(!one.stdout.contains("\r"))
                #expect(one.stdout.contains("seeded 30 cases"))
                let two = try ArcaProcess.run(arguments, environment: ["DATABASE_URL": second.url])
                #expect(two.status == 0, "\(two.stderr)")

                let a = try await Self.fingerprint(first)
                #expect(a.count == 30)
                #expect(a == (try await Self.fingerprint(second)))
            }
        }
    }

    @Test func theDataSetEndsOnItsAsOfDay() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = try ArcaProcess.run(
                ["demo", "seed", "--cases", "20", "--as-of", "2025-06-30"], environment: ["DATABASE_URL": db.url])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let last = try await db.pool.query("SELECT max(opened_on)::text FROM case_file")[0].decode(String.self, 0)
            #expect(last <= "2025-06-30")
            #expect(last >= "2025-01-01")
        }
    }

    @Test func seedingTwiceIsRefusedUnlessAskedToSkip() async throws {
        try await TestDatabase.withFresh { db in
            let env = ["DATABASE_URL": db.url]
            _ = try ArcaProcess.run(["demo", "seed", "--cases", "2"], environment: env)
            let again = try ArcaProcess.run(["demo", "seed", "--cases", "2"], environment: env)
            #expect(again.status != 0)
            #expect(again.stderr.contains("--if-empty"))
            let skipped = try ArcaProcess.run(["demo", "seed", "--cases", "2", "--if-empty"], environment: env)
            #expect(skipped.status == 0)
            #expect(skipped.stdout.contains("nothing seeded"))
        }
    }

    @Test func theDemoHasAssetsOfEveryCategoryInEveryStateAndOrdersAtSeveralStages() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = try ArcaProcess.run(["demo", "seed", "--cases", "60", "--seed", "11"], environment: ["DATABASE_URL": db.url])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let categories = try await db.pool.query("SELECT count(DISTINCT category) FROM asset")[0].decode(Int.self, 0)
            #expect(categories == 18)
            let states = try await db.pool.query("SELECT count(DISTINCT state) FROM asset")[0].decode(Int.self, 0)
            #expect(states == 11)
            let statuses = try await db.pool.query("SELECT count(DISTINCT status) FROM case_file")[0].decode(Int.self, 0)
            #expect(statuses == 9)
            let currencies = try await db.pool.query("SELECT count(DISTINCT currency) FROM valuation")[0].decode(Int.self, 0)
            #expect(currencies >= 2)
            let stages = try await db.pool.query("SELECT count(DISTINCT kind || status) FROM legal_order")[0].decode(Int.self, 0)
            #expect(stages >= 4)
            let years = try await db.pool.query("SELECT count(DISTINCT extract(year FROM opened_on)) FROM case_file")[0].decode(Int.self, 0)
            #expect(years >= 3)
        }
    }

    @Test func theDemoManagesHeldPropertyDisposesWithProceedsAndRecordsTheMoneyReceivedInCurrenciesTheECBQuotes() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = try ArcaProcess.run(["demo", "seed", "--cases", "60", "--seed", "11"], environment: ["DATABASE_URL": db.url])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            func count(_ sql: String) async throws -> Int { try await db.pool.query(sql)[0].decode(Int.self, 0) }
            #expect(try await count("SELECT count(*) FROM asset_management WHERE kind = 'custody'") > 0)
            #expect(try await count("SELECT count(*) FROM asset_management WHERE kind = 'cost'") > 0)
            #expect(try await count("SELECT count(*) FROM asset_event WHERE disposal_outcome LIKE 'sold%' AND amount IS NOT NULL AND costs IS NOT NULL") > 0)
            #expect(try await count("SELECT count(*) FROM asset_event WHERE disposal_outcome LIKE 'sold%' AND amount IS NULL") == 0)
            #expect(try await count("SELECT count(*) FROM recovered_value") > 0)
            // every amount converts to euro: none in a currency the ECB does not quote, such as the dirham
            let currencies = try await db.pool.query(
                "SELECT DISTINCT currency::text FROM valuation UNION SELECT DISTINCT currency::text FROM recovered_value ORDER BY 1"
            ).map { try $0.decode(String.self, 0) }
            #expect(Set(currencies).isSubset(of: ["EUR", "USD", "CHF", "GBP"]), "\(currencies)")
        }
    }
}
