import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("LibPQ: errors carry what the server said")
struct ErrorTests {
    @Test func uniqueViolationGivesSQLState23505AndTheConstraintName() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE office (code text CONSTRAINT office_code_key UNIQUE)")
            try await db.pool.execute("INSERT INTO office (code) VALUES ($1)", ["BE-ARO"])
            let error = await #expect(throws: PostgresError.self) {
                try await db.pool.execute("INSERT INTO office (code) VALUES ($1)", ["BE-ARO"])
            }
            #expect(error?.kind == .server)
            #expect(error?.sqlState == PostgresError.State.uniqueViolation)
            #expect(error?.constraint == "office_code_key")
            #expect(error?.table == "office")
            #expect(error?.detail?.contains("BE-ARO") == true)
        }
    }

    @Test func anErrorAsLoggedNamesTheRuleButNeverTheRowsValues() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute(
                "CREATE TABLE subject (name text CONSTRAINT subject_name_short CHECK (length(name) < 10), born int)")
            let check = await #expect(throws: PostgresError.self) {
                try await db.pool.execute("INSERT INTO subject (name) VALUES ($1)", ["Jan Vermeulen-Claes"])
            }
            let badValue = await #expect(throws: PostgresError.self) {
                try await db.pool.execute("INSERT INTO subject (name, born) VALUES ('Jan', $1::text::int)", ["Vermeulen"])
            }
            #expect(check?.detail?.contains("Jan Vermeulen-Claes") == true)
            #expect(check?.description.contains("subject_name_short") == true)
            #expect(check?.description.contains("Vermeulen") == false)
            #expect(badValue?.message.contains("Vermeulen") == true)
            #expect(badValue?.description.contains("Vermeulen") == false)
        }
    }

    @Test func textWithANulIsRefusedBeforeLibpqCouldCutItShort() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE subject (name text)")
            let error = await #expect(throws: PostgresError.self) {
                try await db.pool.execute("INSERT INTO subject (name) VALUES ($1)", ["Jan\u{0}Vermeulen"])
            }
            #expect(error?.kind == .unsendableParameter)
            #expect(error?.sqlState == PostgresError.State.characterNotInRepertoire)
            #expect(try await db.pool.query("SELECT count(*) FROM subject")[0].decode(Int.self, 0) == 0)
        }
    }

    @Test func syntaxErrorGivesSQLState42601() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let error = await #expect(throws: PostgresError.self) { try await db.pool.query("SELEKT 1") }
            #expect(error?.sqlState == PostgresError.State.syntaxError)
        }
    }

    @Test func aQueryOnAClosedPoolIsRefused() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let pool = ConnectionPool(conninfo: db.url, size: 2, logger: TestDatabase.quietLogger)
            _ = try await pool.query("SELECT 1")
            await pool.close()
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.kind == .poolClosed)
        }
    }

    @Test func anUnreachableServerIsAConnectionErrorOnOneLine() async throws {
        let pool = ConnectionPool(conninfo: "postgresql://arca@127.0.0.1:\(TestDatabase.freePort())/arca?connect_timeout=2", size: 1)
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.kind == .connection)
        #expect(error?.message.contains("\n") == false)
        await pool.close()
    }

    @Test func theConnectionIsUsableAfterAFailedStatement() async throws {
        try await TestDatabase.withFresh(migrated: false, poolSize: 1) { db in
            _ = try? await db.pool.query("SELECT 1/0")
            let rows = try await db.pool.query("SELECT 2 AS two")
            #expect(try rows[0].decode(Int.self, "two") == 2)
        }
    }
}
