import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("LibPQ: reading a result")
struct ResultTests {
    @Test func aColumnIsFoundByNameAndOfTwoWithOneNameTheFirstCounts() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let result = try await db.pool.query("SELECT 'BE-ARO' AS office_code, 'NL-AMO' AS office_code, 3 AS assets")
            #expect(result.columns == ["office_code", "office_code", "assets"])
            #expect(try result[0].decode(String.self, "office_code") == "BE-ARO")
            #expect(try result[0].decode(Int.self, "assets") == 3)
        }
    }

    @Test func aColumnThatIsNotThereIsRefusedWithTheColumnsThatAre() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let result = try await db.pool.query("SELECT 'BE-ARO' AS office_code, 3 AS assets")
            let error = #expect(throws: PostgresError.self) { try result[0].decode(String.self, "case_id") }
            #expect(error?.message == "no column \"case_id\" in result (columns: office_code, assets)")
        }
    }

    @Test func aNullReadAsAValueIsRefusedNamingItsColumn() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let result = try await db.pool.query("SELECT 'BE-ARO' AS office_code, NULL::date AS lifted_on")
            let error = #expect(throws: PostgresError.self) { try result[0].decode(String.self, 1) }
            #expect(error?.message.contains("column \"lifted_on\" is NULL") == true)
            #expect(try result[0].decode(String?.self, "lifted_on") == nil)
        }
    }

    @Test func theRowsAStatementChangedAreCountedFromItsCommandTag() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            try await db.pool.execute("CREATE TABLE valuation (amount numeric)")
            let inserted = try await db.pool.query("INSERT INTO valuation SELECT n FROM generate_series(1, 12345) n")
            let updated = try await db.pool.query("UPDATE valuation SET amount = amount * 2 WHERE amount <= 107")
            let none = try await db.pool.query("DELETE FROM valuation WHERE amount < 0")
            let created = try await db.pool.query("CREATE INDEX ON valuation (amount)")
            #expect(inserted.affectedRows == 12345)
            #expect(updated.affectedRows == 107)
            #expect(none.affectedRows == 0)
            #expect(created.affectedRows == 0)
        }
    }
}
