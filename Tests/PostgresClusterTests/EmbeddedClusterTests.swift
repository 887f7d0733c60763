import ArcaTestSupport
import Foundation
import LibPQ
import PostgresCluster
import Testing

@Suite("Embedded PostgreSQL cluster", .serialized)
struct EmbeddedClusterTests {
    func withCluster(_ body: (EmbeddedCluster) async throws -> Void) async throws {
        let home = try TestDatabase.temporaryHome("cluster")
        let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        try await body(cluster)
    }

    func answers(_ cluster: EmbeddedCluster) async throws -> Bool {
        let pool = ConnectionPool(conninfo: try cluster.url(), size: 1, logger: TestDatabase.quietLogger)
        defer { Task { await pool.close() } }
        return try await pool.query("SELECT true AS up")[0].decode(Bool.self, "up")
    }

    @Test func startCreatesTheClusterAndServesTheArcaDatabase() async throws {
        try await withCluster { cluster in
            #expect(try cluster.status() == .notInitialized)
            let port = TestDatabase.freePort()
            let status = try cluster.start(port: port)
            guard case .running(_, let running) = status else {
                Issue.record("not running: \(status)")
                return
            }
            #expect(running == port)
            #expect(try cluster.url().hasSuffix("@127.0.0.1:\(port)/arca"))
            #expect(try await answers(cluster))
        }
    }

    @Test func theClustersFolderPasswordsAndLogAreTheirOwnersAlone() async throws {
        try await withCluster { cluster in
            try cluster.start(port: TestDatabase.freePort())
            func mode(_ url: URL) throws -> Int {
                try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
            }
            #expect(try mode(cluster.location) == 0o700)
            for file in ["server.log", "superuser.password", "application.password"] {
                #expect(try mode(cluster.location.appendingPathComponent(file)) == 0o600, "\(file)")
            }
        }
    }

    @Test func startingTwiceIsHarmless() async throws {
        try await withCluster { cluster in
            let first = try cluster.start(port: TestDatabase.freePort())
            let second = try cluster.start()
            #expect(first == second)
            #expect(try await answers(cluster))
        }
    }

    @Test func stopStopsAndStartComesBack() async throws {
        try await withCluster { cluster in
            try cluster.start(port: TestDatabase.freePort())
            try cluster.stop()
            #expect(try cluster.status() == .stopped)
            try cluster.start()
            #expect(try await answers(cluster))
        }
    }

    @Test func startRecoversAfterThePostmasterWasKilled() async throws {
        try await withCluster { cluster in
            guard case .running(let pid, _) = try cluster.start(port: TestDatabase.freePort()) else {
                Issue.record("did not start")
                return
            }
            // given a crash: the postmaster dies without cleaning up its pid file
            kill(pid, SIGKILL)
            var waited = 0
            while kill(pid, 0) == 0, waited < 100 {
                usleep(50_000)
                waited += 1
            }
            // when it is started again
            let status = try cluster.start()
            // then it runs under a new postmaster and answers
            guard case .running(let newPID, _) = status else {
                Issue.record("not running after recovery: \(status)")
                return
            }
            #expect(newPID != pid)
            #expect(try await answers(cluster))
        }
    }

    @Test(.enabled(if: geteuid() == 0, "only root runs the server as another account"))
    func asRootAHomeInsideAPrivateFolderGetsItsClusterWhereTheServerAccountCanReach() async throws {
        // Like a clone in /root: a 0700 folder the server account cannot enter.
        let privateFolder = try TestDatabase.temporaryHome("private")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: privateFolder.path)
        let home = privateFolder.appendingPathComponent("arca-clone/.arca")
        let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: privateFolder)
        }

        let status = try cluster.start(port: TestDatabase.freePort())

        guard case .running = status else {
            Issue.record("not running: \(status)")
            return
        }
        #expect(cluster.location.path.hasPrefix(EmbeddedCluster.sharedRoot.path + "/arca-clone-"))
        #expect(try await answers(cluster))
        // Every later command of the same home finds the same cluster.
        #expect(EmbeddedCluster(home: home).location.path == cluster.location.path)
        #expect(try EmbeddedCluster(home: home).url() == cluster.url())
        try cluster.destroy()
        #expect(!FileManager.default.fileExists(atPath: cluster.location.deletingLastPathComponent().path))
    }

    @Test func aSecondCheckoutWhosePortIsTakenPicksAFreeOneAndKeepsIt() async throws {
        try await withCluster { first in
            try first.start(port: TestDatabase.freePort())
            guard case .running(_, let taken) = try first.status() else {
                Issue.record("the first cluster does not run")
                return
            }
            try await withCluster { second in
                // The second checkout was last run on the port the first one now holds.
                try second.start(port: TestDatabase.freePort())
                try second.stop()
                try String(taken).write(to: second.location.appendingPathComponent("port"), atomically: true, encoding: .utf8)

                let status = try second.start()

                guard case .running(_, let moved) = status else {
                    Issue.record("the second cluster did not start: \(status)")
                    return
                }
                #expect(moved != taken)
                #expect(try await answers(first))
                #expect(try await answers(second))
                try second.stop()
                guard case .running(_, let again) = try second.start() else {
                    Issue.record("the second cluster did not start again")
                    return
                }
                #expect(again == moved)
            }
        }
    }
}
