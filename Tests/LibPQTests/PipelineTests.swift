import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// Several statements sent at once (libpq's pipeline mode): what a read of a record with its
/// parts needs to reach the database once.
@Suite("LibPQ: pipelines")
struct PipelineTests {
    func withAssets(_ body: (FreshDatabase) async throws -> Void) async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE asset (iban text PRIMARY KEY, value numeric NOT NULL)")
            try await db.pool.execute("INSERT INTO asset VALUES ($1, 48250.75), ($2, 1200.00)", ["BE68539007547034", "NL91ABNA0417164300"])
            try await body(db)
        }
    }

    @Test func statementsRunInOrderAndAnswerInOrder() async throws {
        try await withAssets { db in
            let results = try await db.pool.withSession { session in
                try await session.pipeline([
                    Statement("INSERT INTO asset VALUES ($1, $2::numeric)", ["DE89370400440532013000", "950.00"]),
                    Statement("SELECT count(*) FROM asset"),
                    Statement("SELECT value::text FROM asset WHERE iban = $1", ["NL91ABNA0417164300"]),
                ])
            }
            #expect(results.count == 3)
            #expect(results[0].affectedRows == 1)
            #expect(try results[1][0].decode(Int.self, 0) == 3)
            #expect(try results[2][0].decode(String.self, 0) == "1200.00")
        }
    }

    @Test func theFirstFailureIsThrownAndNothingOfThePipelineStays() async throws {
        try await withAssets { (db: FreshDatabase) async throws in
            let error = await #expect(throws: PostgresError.self) {
                try await db.pool.withSession { session in
                    try await session.pipeline([
                        Statement("INSERT INTO asset VALUES ($1, 1)", ["DE89370400440532013000"]),
                        Statement("INSERT INTO asset VALUES ($1, 1)", ["BE68539007547034"]),
                        Statement("INSERT INTO asset VALUES ($1, 1)", ["FR1420041010050500013M02606"]),
                    ])
                }
            }
            #expect(error?.sqlState == PostgresError.State.uniqueViolation)
            #expect(try await db.pool.query("SELECT count(*) FROM asset")[0].decode(Int.self, 0) == 2)
        }
    }

    @Test func aPipelineInsideATransactionCommitsWithIt() async throws {
        try await withAssets { db in
            try await db.pool.transaction { transaction in
                _ = try await transaction.pipeline([
                    Statement("INSERT INTO asset VALUES ($1, 1)", ["DE89370400440532013000"]),
                    Statement("UPDATE asset SET value = value + 1 WHERE iban = $1", ["DE89370400440532013000"]),
                ])
                let value = try await transaction.query("SELECT value::text FROM asset WHERE iban = $1", ["DE89370400440532013000"])
                #expect(try value[0].decode(String.self, 0) == "2")
            }
            #expect(try await db.pool.query("SELECT count(*) FROM asset")[0].decode(Int.self, 0) == 3)
        }
    }

    @Test func theConnectionServesOrdinaryStatementsAfterAPipelineFailedOrNot() async throws {
        try await withAssets { db in
            try await db.pool.withSession { session in
                _ = try? await session.pipeline([Statement("SELEKT 1"), Statement("SELECT 2")])
                // The same statement again: prepared once, whether first met in a pipeline or not.
                for _ in 0..<2 {
                    let results = try await session.pipeline([Statement("SELECT iban FROM asset ORDER BY iban LIMIT $1", [1])])
                    #expect(try results[0][0].decode(String.self, 0) == "BE68539007547034")
                }
                let rows = try await session.query("SELECT iban FROM asset ORDER BY iban LIMIT $1", [1])
                #expect(try rows[0].decode(String.self, 0) == "BE68539007547034")
            }
        }
    }

    @Test func anEmptyPipelineAnswersNothing() async throws {
        try await withAssets { db in
            let results = try await db.pool.withSession { try await $0.pipeline([]) }
            #expect(results.isEmpty)
        }
    }
}
