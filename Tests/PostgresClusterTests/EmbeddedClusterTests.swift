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
}
