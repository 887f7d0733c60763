import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// Records and a trail written before migration 0030, then carried forward by it.
@Suite("Migration 0030 carries cases and the trail forward")
struct RetentionMigrationTests {
    static let caseID = UUID(uuidString: "0b7e3f5a-2c61-4f0e-9a57-1d2e3c4b5a61")!

    /// A case last changed in March 2021, and a trail sealed the 0025 way.
    static let before = """
        INSERT INTO deployment (member_state) VALUES ('BE');
        INSERT INTO office (code, member_state, reference_prefix, name) VALUES ('BE-ARO', 'BE', 'BE', 'Belgian ARO');
        INSERT INTO app_user (id, name, role, office_code) VALUES
            ('3c000000-0000-4000-8000-000000000001', 'j.peeters', 'officer', 'BE-ARO'),
            ('3c000000-0000-4000-8000-000000000002', 'l.claes', 'auditor', 'BE-ARO');
        INSERT INTO case_file (id, reference, office_code, title, offences, opened_on, status, origin, created_at, updated_at)
        VALUES ('\(caseID)', 'BE-2021-000001', 'BE-ARO', 'Operation Meltwater', ARRAY['money_laundering'], '2021-02-01', 'closed',
            'domestic_referral', '2021-02-01T09:00:00Z', '2021-03-15T16:00:00Z');
        INSERT INTO audit_entry (actor_name, actor_office, kind, operation, entity, entity_id, after) VALUES
            ('j.peeters', 'BE-ARO', 'change', 'CreateCase', 'case', '\(caseID)', '{"title": "Operation Meltwater"}'),
            ('j.peeters', 'BE-ARO', 'consultation', 'ReadCase', 'case', '\(caseID)', NULL);
        """

    static func withCarriedForward(_ body: (FreshDatabase, UseCases, _ headsBefore: String) async throws -> Void) async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let shipped = try Migration.embedded()
            try await Migrator(pool: db.pool, migrations: shipped.filter { $0.version <= 29 }).migrate()
            try await db.pool.transaction { _ = try await $0.session.simpleQuery(before) }
            let heads = try await db.pool.query(
                "SELECT jsonb_agg(jsonb_build_object('chain', chain, 'length', length, 'head', head) ORDER BY chain)::text FROM audit_chain", [])
            let applied = try await Migrator(pool: db.pool, migrations: shipped).migrate()
            #expect(applied.map(\.name).first == "0030_review_dates_and_erasure")
            try await body(db, UseCases(database: Database(pool: db.pool), clock: TestClock().now), try heads[0].decode(String.self, 0))
        }
    }

    @Test func aCaseRecordedBeforeIsReviewedThePeriodAfterItsLastChange() async throws {
        try await Self.withCarriedForward { db, _, _ in
            let day = try await db.pool.query("SELECT review_on::text FROM case_retention WHERE case_id = $1", [Self.caseID])
            #expect(try day[0].decode(String.self, 0) == "2024-03-15")
        }
    }

    @Test func theTrailIsSealedAnewAndKeepsTheHeadsItHadInAnEntryOfItsOwn() async throws {
        try await Self.withCarriedForward { db, useCases, headsBefore in
            let last = try await db.pool.query(
                "SELECT operation, before::text FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry)", [])
            #expect(try last[0].decode(String.self, 0) == "SealAuditTrailAnew")
            let recorded = try JSONSerialization.jsonObject(with: Data(try last[0].decode(String.self, 1).utf8)) as? NSArray
            let expected = try JSONSerialization.jsonObject(with: Data(headsBefore.utf8)) as? NSArray
            #expect(recorded == expected)
            let auditor = try await useCases.signIn("l.claes")
            let verification = try await useCases.verifyAuditTrail(anchor: nil, by: auditor)
            #expect(verification.broken == nil)
            // The two entries, the one of the sealing, and the token issued to sign the auditor in.
            #expect(verification.entries == 4)
        }
    }

    @Test func anAnchorTakenBeforeStillHolds() async throws {
        try await Self.withCarriedForward { db, useCases, headsBefore in
            let heads = try JSONDecoder().decode([AuditChainHead].self, from: Data(headsBefore.utf8))
            let digest = try await db.pool.query(
                "SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", [AuditAnchor.content(of: heads)])[0].decode(String.self, 0)
            let anchor = AuditAnchor(takenAt: Date(), heads: heads, digest: digest)
            let verification = try await useCases.verifyAuditTrail(anchor: anchor, by: try await useCases.signIn("l.claes"))
            #expect(verification.broken == nil)
            #expect(verification.anchored)
        }
    }

    @Test func aTrailThatDoesNotHoldIsNotSealedAnew() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let shipped = try Migration.embedded()
            try await Migrator(pool: db.pool, migrations: shipped.filter { $0.version <= 29 }).migrate()
            try await db.pool.transaction { _ = try await $0.session.simpleQuery(Self.before) }
            try await db.pool.transaction {
                _ = try await $0.session.simpleQuery(
                    """
                    ALTER TABLE audit_entry DISABLE TRIGGER USER;
                    UPDATE audit_entry SET actor_name = 'someone.else' WHERE operation = 'CreateCase';
                    ALTER TABLE audit_entry ENABLE TRIGGER USER;
                    """)
            }
            let refusal = await #expect(throws: (any Error).self) { _ = try await Migrator(pool: db.pool, migrations: shipped).migrate() }
            #expect("\(refusal.map { "\($0)" } ?? "")".contains("does not hold at chain"))
        }
    }
}
