import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// What ARCA's own database role may do (migration 0026): the tests' pools connect as it, as
/// `arca serve` does, so every other test also proves it may do what the use cases need.
@Suite("The application's database role")
struct ApplicationRoleTests {
    /// Tables that only grow, as their triggers say.
    static let ledgersSQL = """
        SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger
        WHERE NOT tgisinternal AND tgfoid IN ('refuse_ledger_change'::regproc, 'audit_entry_refuse_change'::regproc)
        ORDER BY 1
        """

    func refusal(_ sql: String, on db: FreshDatabase) async -> String? {
        do {
            _ = try await db.pool.withSession { try await $0.simpleQuery(sql) }
            return nil
        } catch let error as PostgresError {
            return error.sqlState
        } catch {
            return "\(error)"
        }
    }

    @Test func itIsNoSuperuserAndOwnsNoTable() async throws {
        try await TestDatabase.withFresh { db in
            let rows = try await db.pool.query(
                """
                SELECT current_user::text, rolsuper, (SELECT count(*) FROM pg_class WHERE relowner = r.oid)::int
                FROM pg_roles r WHERE rolname = current_user
                """)
            #expect(try rows[0].decode(String.self, 0) == "arca_app")
            #expect(try rows[0].decode(Bool.self, 1) == false)
            #expect(try rows[0].decode(Int.self, 2) == 0)
        }
    }

    @Test func itMayAddToEveryLedgerButNotChangeRemoveOrEmptyOne() async throws {
        try await TestDatabase.withFresh { db in
            let ledgers = try await db.pool.query(Self.ledgersSQL).map { try $0.decode(String.self, 0) }
            #expect(Set(["audit_entry", "asset_event", "order_execution", "order_correction", "recovered_value", "asset_management"]).isSubset(of: ledgers))
            for ledger in ledgers {
                let rows = try await db.pool.query(
                    """
                    SELECT has_table_privilege($1, 'INSERT'), has_table_privilege($1, 'UPDATE'),
                        has_table_privilege($1, 'DELETE'), has_table_privilege($1, 'TRUNCATE')
                    """, [ledger])
                let privileges = try (0..<4).map { try rows[0].decode(Bool.self, $0) }
                #expect(privileges == [true, false, false, false], "\(ledger): insert, update, delete, truncate")
            }
        }
    }

    @Test func itCannotRewriteTheTrailMoveAChainsHeadOrSwitchOffATrigger() async throws {
        try await TestDatabase.withFresh { db in
            let insufficientPrivilege = "42501"
            #expect(await refusal("UPDATE audit_entry SET reason = 'tidied'", on: db) == insufficientPrivilege)
            #expect(await refusal("DELETE FROM audit_entry", on: db) == insufficientPrivilege)
            #expect(await refusal("TRUNCATE audit_entry", on: db) == insufficientPrivilege)
            #expect(await refusal("UPDATE audit_chain SET length = 0", on: db) == insufficientPrivilege)
            #expect(await refusal("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only", on: db) == insufficientPrivilege)
            #expect(await refusal("ALTER TABLE asset_event DISABLE TRIGGER USER", on: db) == insufficientPrivilege)
            #expect(await refusal("DELETE FROM arca_migration", on: db) == insufficientPrivilege)
        }
    }
}
