@testable import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Audit snapshots")
struct AuditSnapshotTests {
    private struct Record: Encodable {
        let id: UUID
        let owners: [UUID]
        let description: String
        let quoted: String
        let byOwner: [String: Int]
        let recordedAt: Date
    }

    @Test func idsAreWrittenInLowerCaseAndEverythingElseAsItWas() throws {
        // given a record with ids, an id-shaped key, an id inside a longer text and an escaped quote
        let id = try #require(UUID(uuidString: "FC19D4BE-D562-4D52-81B2-D1A190FF07E5"))
        let owner = try #require(UUID(uuidString: "28D16F05-BCAC-463E-AD43-76831C772BB2"))
        let record = Record(
            id: id, owners: [owner], description: "Transfer ref FC19D4BE-D562-4D52-81B2-D1A190FF07E5 to BE68 5390 0754 7034",
            quoted: #"the "7EC11B4A-D3F0-4C73-9261-58EF49E97DE6" account"#, byOwner: ["A55CA00F-BA34-4332-9A5A-6305A9A402F3": 2],
            recordedAt: Date(timeIntervalSince1970: 1_795_950_000))
        // when it is written for the trail
        let snapshot = try #require(
            try JSONSerialization.jsonObject(with: Data(AuditSnapshot.json(record).utf8)) as? [String: Any])
        // then whole ids are lower case, and the texts and keys are untouched
        #expect(snapshot["id"] as? String == "fc19d4be-d562-4d52-81b2-d1a190ff07e5")
        #expect(snapshot["owners"] as? [String] == ["28d16f05-bcac-463e-ad43-76831c772bb2"])
        #expect(snapshot["description"] as? String == record.description)
        #expect(snapshot["quoted"] as? String == record.quoted)
        #expect(snapshot["byOwner"] as? [String: Int] == record.byOwner)
        #expect(snapshot["recordedAt"] as? String == "2026-11-29T11:00:00Z")
    }

    /// What `AuditSnapshot` wrote through Foundation's encoder before `SnapshotEncoder`.
    static func throughFoundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: AuditSnapshot.lowercasingIDs(Array(try encoder.encode(value))), as: UTF8.self)
    }

    /// The two writings of each value as the trail's `jsonb` column keeps them, side by side.
    static func storedBothWays(_ values: [any Encodable], in pool: ConnectionPool) async throws -> [(ours: String, foundations: String)] {
        var stored: [(String, String)] = []
        for value in values {
            let rows = try await pool.query("SELECT $1::jsonb::text, $2::jsonb::text", [AuditSnapshot.json(value), try throughFoundation(value)])
            stored.append((try rows[0].decode(String.self, 0), try rows[0].decode(String.self, 1)))
        }
        return stored
    }

    private class Filed: Encodable {
        let reference = "BE-2026-000042"
        private enum Keys: String, CodingKey { case reference }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(reference, forKey: .reference)
        }
    }

    private final class Seized: Filed {
        let amounts: [Decimal] = [Decimal(string: "12500.00")!, Decimal(string: "0.10")!, Decimal(string: "-3")!, Decimal(string: "1e-7")!]
        let rate = 1.0825
        let whole = 3.0
        let scan = Data([0, 1, 2, 250, 255])
        let registry = URL(string: "https://kbopub.economie.fgov.be/kbopub/zoeknummerform.html?nummer=0403.170.701")!
        let nothing: String? = nil
        let nested: [[String: [Int]]] = [["a": [1, 2]], [:]]
        let instants = ["1500-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1582-10-15T00:00:00Z", "9999-12-31T23:59:59Z"]
            .map { ISO8601DateFormatter().date(from: $0)! } + [Date(timeIntervalSince1970: 253_402_300_800 + 86_400), Date(timeIntervalSince1970: -1e11)]
        let note = "Line one\nline two\t\"quoted\" \\ / \u{1}\u{1F}\u{7F} Łódź 💶"
        private enum Keys: String, CodingKey { case amounts, rate, whole, scan, registry, nothing, nested, note, filed, instants, twice }
        private enum Inner: String, CodingKey { case first, second }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(amounts, forKey: .amounts)
            try container.encode(rate, forKey: .rate)
            try container.encode(whole, forKey: .whole)
            try container.encode(scan, forKey: .scan)
            try container.encode(registry, forKey: .registry)
            try container.encodeIfPresent(nothing, forKey: .nothing)
            try container.encode(nested, forKey: .nested)
            try container.encode(note, forKey: .note)
            try container.encode(instants, forKey: .instants)
            var once = container.nestedContainer(keyedBy: Inner.self, forKey: .twice)
            try once.encode("Antwerp", forKey: .first)
            var again = container.nestedContainer(keyedBy: Inner.self, forKey: .twice)
            try again.encode("Zeebrugge", forKey: .second)
            try super.encode(to: container.superEncoder(forKey: .filed))
            try super.encode(to: container.superEncoder())
            try super.encode(to: encoder)
        }
    }

    @Test func decimalsNumbersDataAddressesNestingAndInheritanceAreStoredAsFoundationWroteThem() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            for stored in try await Self.storedBothWays([Seized()], in: db.pool) {
                #expect(stored.ours == stored.foundations)
            }
        }
    }

    private struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func aRecordThatWritesNothingIsKeptAsNullAsFoundationLeftIt() {
        // given a record that encodes no value, which Foundation's encoder refused
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(Silent()) }
        // then its snapshot is null, as it was
        #expect(AuditSnapshot.json(Silent()) == "null")
    }

    @Test(.timeLimit(.minutes(5)))
    func everyRecordOfTheDemoDataIsStoredAsFoundationWroteIt() async throws {
        try await TestDatabase.withFresh { db in
            // given the demo data: cases, subjects, assets in every state with their valuations,
            // events and management, orders executed, lifted and corrected
            let database = Database(pool: db.pool)
            let clock = TestClock()
            _ = try await SeedDemo(database: database, clock: clock.now)(cases: 30, seed: 2026, by: .commandLine())
            let useCases = UseCases(database: database, clock: clock.now)
            let officer = try await database.transaction { store in Caller(user: try #require(try await store.users.find(name: UserName("j.peeters")))) }
            var records: [any Encodable] = []
            for listed in try await useCases.listCases(CaseListRequest(limit: 100), by: officer).items {
                let file = try await useCases.readCase(id: listed.id, by: officer)
                records += [file.record] as [any Encodable] + file.subjects + file.orders
                for asset in file.assets {
                    let read = try await useCases.readAsset(id: asset.id, by: officer)
                    records += [read.asset] as [any Encodable] + read.valuations + read.events + read.management
                }
            }
            // when each is written for the trail both ways
            let stored = try await Self.storedBothWays(records, in: db.pool)
            // then the trail keeps the very same values
            #expect(stored.count >= 300)
            for (ours, foundations) in stored {
                #expect(ours == foundations)
            }
        }
    }
}
