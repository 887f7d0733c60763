import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("LibPQ: every supported type survives a round trip")
struct TypeRoundTripTests {
    /// Binds `value` as `$1`, casts it to `type` on the server, and decodes it back.
    func roundTrip<T: PostgresEncodable & PostgresDecodable>(_ value: T, as type: String) async throws -> T {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query("SELECT $1::\(type) AS value", [value])
            return try rows[0].decode(T.self, "value")
        }
    }

    @Test func integersOfEveryWidthIncludingTheirLimits() async throws {
        #expect(try await roundTrip(Int16.min, as: "int2") == Int16.min)
        #expect(try await roundTrip(Int32.max, as: "int4") == Int32.max)
        #expect(try await roundTrip(Int64.min, as: "int8") == Int64.min)
        #expect(try await roundTrip(-42, as: "int8") == -42)
    }

    @Test func booleans() async throws {
        #expect(try await roundTrip(true, as: "bool") == true)
        #expect(try await roundTrip(false, as: "bool") == false)
    }

    @Test func unicodeText() async throws {
        let text = "Ελληνική Δημοκρατία — Łódź, Zürich, 東京, 🇪🇺, tab\tand\nnewline, quote \" and \\"
        #expect(try await roundTrip(text, as: "text") == text)
    }

    @Test func numericWithThirtySignificantDigitsIsExact() async throws {
        let amount = Decimal(string: "12345678901234567890.1234567890")!
        #expect(try await roundTrip(amount, as: "numeric") == amount)
        let negative = Decimal(string: "-0.000000000000000000000000000001")!
        #expect(try await roundTrip(negative, as: "numeric") == negative)
    }

    @Test func amountsOfEveryShapeComeBackFromTheDatabaseExactly() async throws {
        // whole, with zeros stored as an exponent, a fraction, negative, tiny, huge, 38 digits
        let amounts: [Decimal] = [
            12_500, Decimal(sign: .plus, exponent: 3, significand: 12), Decimal(string: "1250.50")!, Decimal(string: "-0.05")!,
            Decimal(string: "1e-30")!, Decimal(string: "1e30")!, Decimal(1) / Decimal(3), 0,
        ]
        for amount in amounts {
            #expect(try await roundTrip(amount, as: "numeric") == amount, "\(amount)")
        }
    }

    @Test func numericWiderThanDecimalIsRefusedNotRounded() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query("SELECT '123456789012345678901234567890123456789.5'::numeric AS value")
            #expect(throws: PostgresError.self) { try rows[0].decode(Decimal.self, "value") }
        }
    }

    @Test func timestampsKeepMicroseconds() async throws {
        let instant = Date(timeIntervalSince1970: 1_796_000_000.123456)
        let back = try await roundTrip(instant, as: "timestamptz")
        #expect(abs(back.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
    }

    @Test func instantsFromYearOneOnAreSentToTheMicrosecond() async throws {
        // given instants from year 1 to 9999, before and after 1970, with and without fractions
        var generator = SystemRandomNumberGenerator()
        var micros = (0..<400).map { _ in Int64.random(in: -62_135_596_800_000_000...253_402_300_799_999_999, using: &generator) }
        micros += [0, -1, 1, 999_999, -1_000_000, 1_796_000_000_123_456, -62_135_596_800_000_000, 253_402_300_799_999_999]
        try await TestDatabase.withFresh(migrated: false) { db in
            for value in micros {
                let instant = Date(timeIntervalSince1970: Double(value) / 1_000_000)
                let sent = Int64((instant.timeIntervalSince1970 * 1_000_000).rounded())
                // then the server reads the very microsecond
                let rows = try await db.pool.query("SELECT (extract(epoch FROM $1::timestamptz) * 1000000)::int8", [instant])
                #expect(try rows[0].decode(Int64.self, 0) == sent, "\(instant)")
            }
        }
    }

    @Test func datesDecodeAsMidnightUTC() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query("SELECT '2026-11-29'::date AS day")
            #expect(try rows[0].decode(Date.self, "day") == Date(timeIntervalSince1970: 1_795_910_400))
        }
    }

    @Test func uuids() async throws {
        let ids = (0..<200).map { _ in UUID() } + [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))]
        try await TestDatabase.withFresh(migrated: false) { db in
            for id in ids {
                let rows = try await db.pool.query("SELECT $1::uuid AS value", [id])
                #expect(try rows[0].decode(UUID.self, "value") == id)
            }
        }
    }

    @Test func textThatIsNotAUUIDIsAMismatchNotAnotherId() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query("SELECT 'fc19d4be-d562-4d52-81b2-d1a190ff07e' AS short, 'fc19d4be-d562-4d52-81b2-d1a190ff07eg' AS letter, 'fc19d4bed-562-4d52-81b2-d1a190ff07e5' AS dash")
            for column in ["short", "letter", "dash"] {
                #expect(throws: PostgresError.self) { try rows[0].decode(UUID.self, column) }
            }
        }
    }

    @Test func arraysOfIdsAsUUIDsOrTextInTheirOrder() async throws {
        let ids = (0..<50).map { _ in UUID() }
        let text = ids.map(\.uuidString)
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query(
                "SELECT $1::text[]::uuid[], $1::text[], '{}'::uuid[], ARRAY[$2::uuid], ARRAY[]::text[]", [text, ids[0]])
            #expect(try rows[0].decodeUUIDs(0) == ids)
            #expect(try rows[0].decodeUUIDs(1) == ids)
            #expect(try rows[0].decodeUUIDs(2).isEmpty)
            #expect(try rows[0].decodeUUIDs(3) == [ids[0]])
            #expect(try rows[0].decodeUUIDs(4).isEmpty)
        }
    }

    @Test func anArrayHoldingSomethingElseThanIdsIsAMismatch() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query(
                """
                SELECT ARRAY['fc19d4be-d562-4d52-81b2-d1a190ff07e5', 'BE'], ARRAY['fc19d4be-d562-4d52-81b2-d1a190ff07eg'],
                    ARRAY['fc19d4be-d562-4d52-81b2-d1a190ff07e5', NULL], ARRAY['fc19d4be-d562-4d52-81b2-d1a190ff07e5-fc19d4be-d562-4d52-81b2-d1a190ff07e']
                """)
            for column in 0..<4 {
                #expect(throws: PostgresError.self) { try rows[0].decodeUUIDs(column) }
            }
        }
    }

    @Test func emptyAndLargeByteArrays() async throws {
        #expect(try await roundTrip(Data(), as: "bytea") == Data())
        let large = Data((0..<2_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(try await roundTrip(large, as: "bytea") == large)
    }

    @Test func textArraysWithAwkwardElements() async throws {
        let elements = ["BE", "with space", "comma,inside", "quote\"inside", "back\\slash", "", "NULL", "{braces}"]
        #expect(try await roundTrip(elements, as: "text[]") == elements)
        #expect(try await roundTrip([String](), as: "text[]") == [])
    }

    struct Envelope: Codable, Sendable, Equatable {
        let reference: String
        let states: [String]
        let urgent: Bool
    }

    @Test func jsonDocuments() async throws {
        let envelope = Envelope(reference: "BE-2026-000123", states: ["BE", "NL"], urgent: true)
        let back = try await roundTrip(try PostgresJSON(envelope), as: "jsonb")
        #expect(back.value == envelope)
    }

    @Test func nullDecodesAsNilForEveryOptional() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let none: String? = nil
            let rows = try await db.pool.query(
                "SELECT $1::text AS t, NULL::int8 AS i, NULL::numeric AS n, NULL::uuid AS u, NULL::bytea AS b, NULL::timestamptz AS d",
                [none])
            let row = rows[0]
            #expect(try row.decode(String?.self, "t") == nil)
            #expect(try row.decode(Int64?.self, "i") == nil)
            #expect(try row.decode(Decimal?.self, "n") == nil)
            #expect(try row.decode(UUID?.self, "u") == nil)
            #expect(try row.decode(Data?.self, "b") == nil)
            #expect(try row.decode(Date?.self, "d") == nil)
        }
    }

    @Test func nullIntoANonOptionalIsADecodingError() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let rows = try await db.pool.query("SELECT NULL::text AS name")
            let error = #expect(throws: PostgresError.self) { try rows[0].decode(String.self, "name") }
            #expect(error?.kind == .decoding)
            #expect(error?.message.contains("name") == true)
        }
    }
}
