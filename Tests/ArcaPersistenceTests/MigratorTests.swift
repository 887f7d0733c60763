import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Migrations")
struct MigratorTests {
    let first = try! Migration(fileName: "0001_offices.sql", sql: "CREATE TABLE office (code text PRIMARY KEY);")
    let second = try! Migration(
        fileName: "0002_cases.sql",
        sql: "CREATE TABLE case_file (reference text PRIMARY KEY, office text REFERENCES office);")

    func tables(_ db: FreshDatabase) async throws -> [String] {
        try await db.pool.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'arca_migration' ORDER BY 1"
        ).map { try $0.decode(String.self, 0) }
    }

    func recorded(_ db: FreshDatabase) async throws -> [String] {
        try await db.pool.query("SELECT name FROM arca_migration ORDER BY version").map { try $0.decode(String.self, 0) }
    }

    @Test func aFreshDatabaseGetsEveryFileInOrder() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let applied = try await Migrator(pool: db.pool, migrations: [second, first]).migrate()
            #expect(applied.map(\.name) == ["0001_offices", "0002_cases"])
            #expect(try await tables(db) == ["case_file", "office"])
            #expect(try await recorded(db) == ["0001_offices", "0002_cases"])
        }
    }

    @Test func theMigrationsShippedInSQLApplyToAFreshDatabase() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let shipped = try Migration.embedded()
            #expect(!shipped.isEmpty)
            let applied = try await Migrator(pool: db.pool, migrations: shipped).migrate()
            #expect(applied == shipped)
        }
    }

    @Test func aSecondRunDoesNothing() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let migrator = Migrator(pool: db.pool, migrations: [first, second])
            try await migrator.migrate()
            let again = try await migrator.migrate()
            #expect(again.isEmpty)
            #expect(try await recorded(db).count == 2)
        }
    }

    @Test func twoConcurrentRunsApplyEachFileOnce() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let otherPool = ConnectionPool(conninfo: db.url, size: 1, logger: TestDatabase.quietLogger)
            async let one = Migrator(pool: db.pool, migrations: [first, second]).migrate()
            async let two = Migrator(pool: otherPool, migrations: [first, second]).migrate()
            let (a, b) = try await (one, two)
            await otherPool.close()
            #expect(a.count + b.count == 2)
            #expect(try await recorded(db) == ["0001_offices", "0002_cases"])
        }
    }

    @Test func aChangedAppliedFileIsRefusedByName() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await Migrator(pool: db.pool, migrations: [first]).migrate()
            let edited = try Migration(fileName: "0001_offices.sql", sql: "CREATE TABLE office (code text);")
            let error = await #expect(throws: MigrationError.self) {
                try await Migrator(pool: db.pool, migrations: [edited, second]).migrate()
            }
            #expect(String(describing: error!).contains("0001_offices"))
            #expect(try await tables(db) == ["office"])
        }
    }

    @Test func aFailingMigrationLeavesNothingHalfApplied() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let broken = try Migration(
                fileName: "0002_broken.sql",
                sql: "CREATE TABLE subject (id int PRIMARY KEY); INSERT INTO nowhere VALUES (1);")
            await #expect(throws: PostgresError.self) {
                try await Migrator(pool: db.pool, migrations: [first, broken]).migrate()
            }
            #expect(try await tables(db) == ["office"])
            #expect(try await recorded(db) == ["0001_offices"])
        }
    }

    @Test func statusListsAppliedAndPending() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await Migrator(pool: db.pool, migrations: [first]).migrate()
            let status = try await Migrator(pool: db.pool, migrations: [first, second]).status()
            #expect(status.map(\.state) == [.applied, .pending])
            #expect(status[0].appliedAt != nil)
        }
    }

    @Test func aDatabaseAheadOfTheBinaryIsRefused() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await Migrator(pool: db.pool, migrations: [first, second]).migrate()
            await #expect(throws: MigrationError.unknownApplied(name: "0002_cases")) {
                try await Migrator(pool: db.pool, migrations: [first]).migrate()
            }
        }
    }

    @Test func fileNamesMustBeNumbered() {
        #expect(throws: MigrationError.badFileName("offices.sql")) {
            try Migration(fileName: "offices.sql", sql: "")
        }
    }
}
