import ArcaTestSupport
import Foundation
import LibPQ
import PostgresCluster
import Testing

/// Statistics and the case and asset lists read from a real streaming replica of the embedded
/// cluster (`pg_basebackup`), named by ARCA_REPLICA_URL; their consultation is logged on the primary.
@Suite("A streaming replica of the embedded cluster", .serialized)
struct ReplicaTests {
    static func query(_ url: String, _ sql: String) async throws -> String {
        let pool = ConnectionPool(conninfo: url, size: 1, logger: TestDatabase.quietLogger)
        defer { Task { await pool.close() } }
        return try await pool.query(sql)[0].decode(String.self, 0)
    }

    /// The summary's figures per year, without the time it was produced.
    static func years(_ outcome: ArcaProcess.Outcome) -> NSArray? {
        json(outcome.stdout)["years"] as? NSArray
    }

    @Test func theStatisticsAndListsAreReadFromTheReplicaAndTheirConsultationIsLoggedOnThePrimary() async throws {
        let home = try TestDatabase.temporaryHome("primary")
        let standbyHome = try TestDatabase.temporaryHome("standby")
        let primary = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        var standby: EmbeddedCluster?
        defer {
            try? standby?.destroy()
            try? primary.destroy()
            try? FileManager.default.removeItem(at: home)
            try? FileManager.default.removeItem(at: standbyHome)
        }
        try primary.start(port: TestDatabase.freePort())
        let onPrimary = ["ARCA_HOME": home.path]
        #expect(try ArcaProcess.run(["migrate"], environment: onPrimary).status == 0)
        let seeded = try ArcaProcess.run(["demo", "seed", "--cases", "30", "--seed", "7"], environment: onPrimary)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let rates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ecb-eurofxref-hist.csv")
        #expect(try ArcaProcess.run(["rates", "import", rates.path], environment: onPrimary).status == 0)

        let copy = try primary.createStandby(home: standbyHome)
        standby = copy
        try copy.start(port: TestDatabase.freePort())
        #expect(try await Self.query(try copy.url(), "SELECT pg_is_in_recovery()::text") == "true")
        let assets = try await Self.query(try primary.url(), "SELECT count(*)::text FROM asset")
        try await eventually("the replica replays the primary's records") {
            try await Self.query(try copy.url(), "SELECT count(*)::text FROM asset") == assets
        }
        let summary = ["stats", "summary", "--json", "--as", "a.janssens"]
        let before = try ArcaProcess.run(summary, environment: onPrimary)
        #expect(before.status == 0, "\(before.stderr)")

        // Given a replica that has stopped replaying, and an asset recorded on the primary since
        _ = try await Self.query(try copy.url(), "SELECT pg_wal_replay_pause()::text")
        let caseID = try await Self.query(try primary.url(), "SELECT id::text FROM case_file WHERE status <> 'closed' AND office_code = (SELECT office_code FROM app_user WHERE name = 'j.peeters') ORDER BY id LIMIT 1")
        let added = try ArcaProcess.run(
            ["asset", "add", "--case", caseID, "--category", "cash", "--description", "Banknotes in a safe deposit box", "--country", "BE",
             "--value", "25000", "--identified-on", "2026-11-30", "--as", "j.peeters"], environment: onPrimary)
        #expect(added.status == 0, "\(added.stderr)")
        let logged = try await Self.query(try primary.url(), "SELECT count(*)::text FROM audit_entry WHERE operation = 'SummariseStatistics'")

        // When the summary is produced with the replica named
        let onReplica = onPrimary.merging(["ARCA_REPLICA_URL": try copy.applicationURL()]) { _, new in new }
        let fromReplica = try ArcaProcess.run(summary, environment: onReplica)

        // Then it holds the replica's figures, not the primary's, and the primary logged it
        #expect(fromReplica.status == 0, "\(fromReplica.stderr)")
        #expect(Self.years(fromReplica) == Self.years(before))
        #expect(Self.years(try ArcaProcess.run(summary, environment: onPrimary)) != Self.years(before))
        let loggedAfter = try await Self.query(try primary.url(), "SELECT count(*)::text FROM audit_entry WHERE operation = 'SummariseStatistics'")
        #expect(Int(loggedAfter) == Int(logged)! + 2)
        // And a list read from the replica leaves out the asset it has not replayed; both searches are logged on the primary
        let list = ["asset", "list", "--case", caseID, "--json", "--as", "j.peeters"]
        let searches = try await Self.query(try primary.url(), "SELECT count(*)::text FROM audit_entry WHERE operation = 'ListAssets'")
        let listedOnReplica = try ArcaProcess.run(list, environment: onReplica)
        let listedOnPrimary = try ArcaProcess.run(list, environment: onPrimary)
        #expect(listedOnReplica.status == 0, "\(listedOnReplica.stderr)")
        let onReplicaCount = try #require((json(listedOnReplica.stdout)["items"] as? NSArray)?.count)
        #expect((json(listedOnPrimary.stdout)["items"] as? NSArray)?.count == onReplicaCount + 1)
        let searchesAfter = try await Self.query(try primary.url(), "SELECT count(*)::text FROM audit_entry WHERE operation = 'ListAssets'")
        #expect(Int(searchesAfter) == Int(searches)! + 2)
        // The extract shares its snapshot among several connections: a standby exports one too.
        let extract = try ArcaProcess.run(["stats", "extract", "--year", "2024", "--format", "json", "--as", "a.janssens"], environment: onReplica)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(json(extract.stdout)["year"] as? Int == 2024)
        _ = try await Self.query(try copy.url(), "SELECT pg_wal_replay_resume()::text")
    }
}
