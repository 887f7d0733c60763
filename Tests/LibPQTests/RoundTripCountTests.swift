import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("LibPQ: round trips to the server, counted on the pool")
struct RoundTripCountTests {
    @Test func aStatementIsOneRoundTripOnceItIsPreparedAndItsPreparationOneMore() async throws {
        try await TestDatabase.withFresh(migrated: false, poolSize: 1) { db in
            let pool = db.pool
            let open = "SELECT count(*) FROM generate_series(1, $1::int)"
            _ = try await pool.query("SELECT 1")
            let start = pool.roundTrips

            _ = try await pool.query(open, [12])
            let first = pool.roundTrips - start
            _ = try await pool.query(open, [107])
            let second = pool.roundTrips - start - first

            #expect(first == 2)
            #expect(second == 1)
        }
    }

    @Test func aPipelineAndATransactionsDeferredWritesWithItsCommitAreOneRoundTripEach() async throws {
        try await TestDatabase.withFresh(migrated: false, poolSize: 1) { db in
            let pool = db.pool
            try await pool.execute("CREATE TABLE seized_vehicle (vin text PRIMARY KEY, country text NOT NULL)")
            let insert = "INSERT INTO seized_vehicle (vin, country) VALUES ($1, $2)"
            let start = pool.roundTrips

            try await pool.transaction { transaction in
                try await transaction.write(insert, ["WP0ZZZ99ZTS392124", "NL"])
                try await transaction.write(insert, ["WVWZZZ1JZXW000001", "BE"])
            }
            let transaction = pool.roundTrips - start
            _ = try await pool.withSession { session in
                try await session.pipeline([Statement("SELECT count(*) FROM seized_vehicle"), Statement("SELECT max(vin) FROM seized_vehicle")])
            }
            let pipeline = pool.roundTrips - start - transaction

            #expect(transaction == 1)
            #expect(pipeline == 1)
            #expect(try await pool.query("SELECT count(*) FROM seized_vehicle")[0].decode(Int.self, 0) == 2)
        }
    }
}
