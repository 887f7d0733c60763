import ArcaTestSupport
import Foundation
import LibPQ
import PostgresCluster
import Synchronization
import Testing

@Suite("LibPQ: the connection pool")
struct PoolTests {
    @Test func twoHundredConcurrentQueriesThroughFourConnectionsAllSucceed() async throws {
        try await TestDatabase.withFresh(migrated: false, poolSize: 4) { db in
            let sums = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        // pg_sleep makes the queries overlap so that callers must wait for a connection.
                        try await db.pool.query("SELECT $1::int8 + 1 AS next, pg_sleep(0.005)", [index])[0]
                            .decode(Int.self, "next")
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(sums.sorted() == Array(1...200))
            let backends = try await db.pool.query(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()")
            #expect(try backends[0].decode(Int.self, "n") <= 4)
        }
    }

    @Test func theNextQueryAfterAServerRestartSucceeds() async throws {
        // given a pool with open connections to a server of its own
        let home = try TestDatabase.temporaryHome("restart")
        let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        defer { try? cluster.destroy(); try? FileManager.default.removeItem(at: home) }
        try cluster.start(port: TestDatabase.freePort())
        let pool = ConnectionPool(conninfo: try cluster.url(), size: 2, logger: TestDatabase.quietLogger)
        _ = try await pool.query("SELECT 1")

        // when the server restarts
        try cluster.stop()
        try cluster.start()

        // then the next query succeeds on a replaced connection
        let rows = try await pool.query("SELECT 42 AS answer")
        #expect(try rows[0].decode(Int.self, "answer") == 42)
        await pool.close()
    }

    @Test func copyLandsOneHundredThousandRows() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE rate (day date, currency char(3), rate numeric, note text)")
            let copied = try await db.pool.withSession { session in
                try await session.copyIn("COPY rate (day, currency, rate, note) FROM STDIN") { writer in
                    for index in 0..<100_000 {
                        let note: String? = index % 10 == 0 ? nil : "row\t\(index)\nwith \\ escapes"
                        try writer.append(["2025-05-09", "USD", "1.\(index)", note])
                    }
                }
            }
            #expect(copied == 100_000)
            let rows = try await db.pool.query(
                "SELECT count(*) AS n, count(note) AS notes, max(note) FILTER (WHERE rate = 1.1) AS sample FROM rate")
            #expect(try rows[0].decode(Int.self, "n") == 100_000)
            #expect(try rows[0].decode(Int.self, "notes") == 90_000)
            #expect(try rows[0].decode(String.self, "sample") == "row\t1\nwith \\ escapes")
        }
    }

    @Test func aFailingCopyLandsNothingAndTheConnectionStaysUsable() async throws {
        try await TestDatabase.withFresh(migrated: false, poolSize: 1) { db in
            try await db.pool.execute("CREATE TABLE rate (currency char(3) NOT NULL)")
            await #expect(throws: PostgresError.self) {
                try await db.pool.withSession { session in
                    try await session.copyIn("COPY rate FROM STDIN") { writer in
                        try writer.append(["USD"])
                        try writer.append([nil])
                    }
                }
            }
            #expect(try await db.pool.query("SELECT count(*) AS n FROM rate")[0].decode(Int.self, "n") == 0)
        }
    }

    /// Holds the pool's one connection until `release` is signalled; returns once it is held.
    func holdTheOnlyConnection(of pool: ConnectionPool, until release: AsyncStream<Void>) async -> Task<Void, any Error> {
        let (held, heldSignal) = AsyncStream<Void>.makeStream()
        let holder = Task {
            defer { heldSignal.finish() }
            try await pool.withSession { _ in
                heldSignal.yield()
                for await _ in release { break }
            }
        }
        for await _ in held { break }
        return holder
    }

    @Test(.timeLimit(.minutes(10)))
    func aCallerWaitsNoLongerThanTheAcquireTimeout() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            // given a pool of one connection, held by another caller
            let pool = ConnectionPool(conninfo: db.url, size: 1, acquireTimeout: .milliseconds(200), logger: TestDatabase.quietLogger)
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let holder = await holdTheOnlyConnection(of: pool, until: release)
            // when another caller asks for it, then it is told so once the timeout passes
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.kind == .poolTimeout)
            // and the pool serves again once the connection is free
            releaseSignal.yield()
            try await holder.value
            let rows = try await pool.query("SELECT 2 AS n")
            #expect(try rows[0].decode(Int.self, "n") == 2)
            await pool.close()
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aCancelledCallerStopsWaiting() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let pool = ConnectionPool(conninfo: db.url, size: 1, acquireTimeout: .seconds(600), logger: TestDatabase.quietLogger)
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let holder = await holdTheOnlyConnection(of: pool, until: release)
            let waiting = Task { try await pool.query("SELECT 1") }
            while pool.waiting == 0 { await Task.yield() }

            waiting.cancel()

            // the cancelled caller gives up at once, while the connection is still held
            await #expect(throws: CancellationError.self) { try await waiting.value }
            #expect(pool.waiting == 0)
            releaseSignal.yield()
            try await holder.value
            await pool.close()
        }
    }
}
