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
}
