import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("LibPQ: transactions and savepoints")
struct TransactionTests {
    struct Refusal: Error {}

    func count(_ db: FreshDatabase) async throws -> Int {
        try await db.pool.query("SELECT count(*) AS n FROM asset")[0].decode(Int.self, "n")
    }

    func withAssetTable(_ body: (FreshDatabase) async throws -> Void) async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE asset (iban text PRIMARY KEY)")
            try await body(db)
        }
    }

    @Test func aTransactionCommitsWhenItsBodyReturns() async throws {
        try await withAssetTable { (db: FreshDatabase) async throws in
            try await db.pool.transaction { (tx: Transaction) async throws -> Void in
                try await tx.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
            }
            #expect(try await count(db) == 1)
        }
    }

    @Test func aThrownErrorRollsTheTransactionBackAndLeavesNoRow() async throws {
        try await withAssetTable { (db: FreshDatabase) async throws in
            await #expect(throws: Refusal.self) {
                try await db.pool.transaction { (tx: Transaction) async throws -> Void in
                    try await tx.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                    throw Refusal()
                }
            }
            #expect(try await count(db) == 0)
        }
    }

    @Test func aSavepointRollbackKeepsTheOuterWork() async throws {
        try await withAssetTable { (db: FreshDatabase) async throws in
            try await db.pool.transaction { (tx: Transaction) async throws -> Void in
                try await tx.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                _ = try? await tx.savepoint { inner in
                    try await inner.execute("INSERT INTO asset VALUES ($1)", ["NL91ABNA0417164300"])
                    // A duplicate key fails inside the savepoint only.
                    try await inner.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                }
                try await tx.execute("INSERT INTO asset VALUES ($1)", ["DE89370400440532013000"])
            }
            let rows = try await db.pool.query("SELECT iban FROM asset ORDER BY iban")
            #expect(try rows.map { try $0.decode(String.self, 0) } == ["BE71096123456769", "DE89370400440532013000"])
        }
    }

    @Test func aServerErrorInsideATransactionRollsItBack() async throws {
        try await withAssetTable { (db: FreshDatabase) async throws in
            await #expect(throws: PostgresError.self) {
                try await db.pool.transaction { (tx: Transaction) async throws -> Void in
                    try await tx.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                    try await tx.execute("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                }
            }
            #expect(try await count(db) == 0)
        }
    }
    @Test func aWriteCommitsWithTheTransaction() async throws {
        try await withAssetTable { db in
            try await db.pool.transaction { tx in
                try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
            }
            #expect(try await count(db) == 1)
        }
    }

    @Test func aWriteIsSeenByTheTransactionsNextStatement() async throws {
        try await withAssetTable { db in
            let seen = try await db.pool.transaction { tx in
                try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                return try await tx.query("SELECT count(*) FROM asset")[0].decode(Int.self, 0)
            }
            #expect(seen == 1)
        }
    }

    @Test func aWriteTheServerRefusesFailsTheTransactionAndNothingCommits() async throws {
        try await withAssetTable { db in
            // given two writes, the second a duplicate key, deferred until COMMIT
            await #expect(throws: PostgresError.self) {
                try await db.pool.transaction { tx in
                    try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                    try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                }
            }
            // then the refusal is thrown, nothing is committed, and the pool's connection is fit
            #expect(try await count(db) == 0)
            try await db.pool.transaction { tx in try await tx.write("INSERT INTO asset VALUES ($1)", ["NL91ABNA0417164300"]) }
            #expect(try await count(db) == 1)
        }
    }

    @Test func aSavepointThatFailsDropsTheWritesItDeferred() async throws {
        try await withAssetTable { db in
            try await db.pool.transaction { tx in
                try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                _ = try? await tx.savepoint { inner in
                    try await inner.write("INSERT INTO asset VALUES ($1)", ["NL91ABNA0417164300"])
                    throw Refusal()
                }
            }
            #expect(try await db.pool.query("SELECT iban FROM asset").map { try $0.decode(String.self, 0) } == ["BE71096123456769"])
        }
    }

    @Test func aSavepointWhoseDeferredWriteIsRefusedFailsAloneAndTheTransactionGoesOn() async throws {
        try await withAssetTable { db in
            try await db.pool.transaction { tx in
                try await tx.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                // when a write deferred inside the savepoint is refused as it is sent
                await #expect(throws: PostgresError.self) {
                    try await tx.savepoint { inner in
                        try await inner.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
                    }
                }
                // then the transaction still takes writes
                try await tx.write("INSERT INTO asset VALUES ($1)", ["NL91ABNA0417164300"])
            }
            #expect(try await db.pool.query("SELECT iban FROM asset ORDER BY iban").map { try $0.decode(String.self, 0) } == [
                "BE71096123456769", "NL91ABNA0417164300",
            ])
        }
    }

    @Test func outsideATransactionAWriteIsSentAtOnce() async throws {
        try await withAssetTable { db in
            try await db.pool.withoutTransaction { connection in
                try await connection.write("INSERT INTO asset VALUES ($1)", ["BE71096123456769"])
            }
            #expect(try await count(db) == 1)
        }
    }
}
