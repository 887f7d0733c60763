import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

/// The audit trail's seals (migration 0025): what `arca audit verify` finds after someone with
/// the database's keys edits, removes, inserts or moves entries behind ARCA's back.
@Suite("Use cases: verifying the audit trail")
struct AuditChainTests {
    /// A trail of a few dozen entries written through the use cases.
    func writeTrail(_ world: TestWorld) async throws {
        for title in ["Carousel fraud Antwerp", "Cocaine import Zeebrugge", "Bribery port authority"] {
            let file = try await world.openCase(title: title)
            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)
        }
    }

    /// The entry at `link` on the longest chain, and that chain.
    func entry(_ world: TestWorld, link: Int) async throws -> (chain: Int, id: Int) {
        let rows = try await world.db.pool.query(
            """
            SELECT e.chain, e.id FROM audit_entry e
            WHERE e.chain = (SELECT chain FROM audit_chain ORDER BY length DESC, chain LIMIT 1) AND e.link = $1
            """, [link])
        return (try rows[0].decode(Int.self, 0), try rows[0].decode(Int.self, 1))
    }

    func verify(_ world: TestWorld, anchor: AuditAnchor? = nil) async throws -> AuditVerification {
        try await world.useCases.verifyAuditTrail(anchor: anchor, by: world.auditor)
    }

    @Test func aTrailWrittenThroughTheUseCasesHolds() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let verification = try await verify(world)
            #expect(verification.broken == nil)
            #expect(verification.heads.count == 16)
            #expect(verification.entries == verification.heads.reduce(0) { $0 + Int($1.length) })
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation <> 'VerifyAuditTrail'") == verification.entries)
        }
    }

    @Test func entriesWhoseTextHoldsSeparatorsAccentsAndQuotesHold() async throws {
        try await TestWorld.with { world in
            _ = try await world.openCase(title: "Šarūnas | ~ Ødegård \"Ζ\" 3:1 ✓")
            #expect(try await verify(world).broken == nil)
        }
    }

    @Test func writersAtOnceSealOnTheirOwnChainsAndTheTrailHolds() async throws {
        try await TestWorld.with { world in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 1...12 {
                    group.addTask { _ = try await world.openCase(title: "Money laundering ring \(number)") }
                }
                try await group.waitForAll()
            }
            let verification = try await verify(world)
            #expect(verification.broken == nil)
            #expect(verification.entries >= 12)
        }
    }

    @Test func anEditedEntryIsFoundWithItsPlace() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let target = try await entry(world, link: 3)
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                UPDATE audit_entry SET actor_name = 'someone.else' WHERE id = \(target.id);
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.kind == .altered)
            #expect(broken.chain == target.chain)
            #expect(broken.link == 3)
            #expect(broken.entryID == Int64(target.id))
        }
    }

    @Test func aRemovedEntryIsFoundWhereItWas() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let target = try await entry(world, link: 2)
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                DELETE FROM audit_entry WHERE id = \(target.id);
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.kind == .missing)
            #expect(broken.chain == target.chain)
            #expect(broken.link == 2)
        }
    }

    @Test func theLastEntryRemovedIsFoundByTheChainsHead() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                DELETE FROM audit_entry WHERE id = (SELECT max(id) FROM audit_entry);
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.kind == .head)
        }
    }

    @Test func valuesEditedBehindTheirDigestAreFound() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let target = try await entry(world, link: 2)
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                UPDATE audit_entry SET after = '{"title": "Operation Nothing"}' WHERE id = \(target.id);
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.kind == .altered)
            #expect(broken.entryID == Int64(target.id))
        }
    }

    @Test func anEntryInsertedWithAForgedSealIsFound() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let target = try await entry(world, link: 2)
            // Links 2… move up by one to make room, and a forged entry sealed as link 2 follows link 1.
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_link_unique;
                UPDATE audit_entry SET link = link + 1 WHERE chain = \(target.chain) AND link >= 2;
                INSERT INTO audit_entry (actor_name, kind, operation, entity, entity_id, chain, link, previous_hash, values_digest, hash)
                SELECT 'j.peeters', 'change', 'UpdateCase', 'case', 'forged', \(target.chain), 2, hash, hash, hash
                FROM audit_entry WHERE chain = \(target.chain) AND link = 1;
                UPDATE audit_entry e SET values_digest = audit_entry_values_digest(e) WHERE entity_id = 'forged';
                UPDATE audit_entry e SET hash = audit_entry_hash(e) WHERE entity_id = 'forged';
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.chain == target.chain)
            #expect(broken.link == 3)
            #expect(broken.kind == .altered)
        }
    }

    @Test func twoEntriesSwappedAreFound() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let second = try await entry(world, link: 2)
            let third = try await entry(world, link: 3)
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_link_unique;
                UPDATE audit_entry SET link = 5 - link WHERE id IN (\(second.id), \(third.id));
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try #require(try await verify(world).broken)
            #expect(broken.chain == second.chain)
            #expect(broken.link == 2)
            #expect(broken.entryID == Int64(third.id))
        }
    }

    @Test func aTrailResealedAfterAnEditPassesAloneButNotAgainstAnAnchorTakenBefore() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let anchor = try await world.useCases.takeAuditAnchor(by: world.admin)
            let target = try await entry(world, link: 2)
            // Someone who knows how entries are sealed edits one and seals its chain anew, head included.
            try await world.db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                ALTER TABLE audit_chain DISABLE TRIGGER USER;
                UPDATE audit_entry SET reason = 'rewritten' WHERE id = \(target.id);
                DO $$
                DECLARE
                    e audit_entry;
                    previous char(64) := repeat('0', 64);
                BEGIN
                    FOR e IN SELECT * FROM audit_entry WHERE chain = \(target.chain) ORDER BY link LOOP
                        e.previous_hash := previous;
                        e.values_digest := audit_entry_values_digest(e);
                        e.hash := audit_entry_hash(e);
                        UPDATE audit_entry SET previous_hash = e.previous_hash, values_digest = e.values_digest, hash = e.hash WHERE id = e.id;
                        previous := e.hash;
                    END LOOP;
                    UPDATE audit_chain SET head = previous WHERE chain = \(target.chain);
                END
                $$;
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                ALTER TABLE audit_chain ENABLE TRIGGER USER;
                """)
            #expect(try await verify(world).broken == nil)
            let broken = try #require(try await verify(world, anchor: anchor).broken)
            #expect(broken.kind == .anchor)
            #expect(broken.chain == target.chain)
        }
    }

    @Test func anAnchorHoldsForTheTrailThatGrewAfterIt() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let anchor = try await world.useCases.takeAuditAnchor(by: world.admin)
            try await writeTrail(world)
            let verification = try await verify(world, anchor: anchor)
            #expect(verification.broken == nil)
            #expect(verification.anchored)
        }
    }

    @Test func anAnchorWhoseHeadsWereChangedIsRefusedByItsDigest() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let anchor = try await world.useCases.takeAuditAnchor(by: world.admin)
            let heads = anchor.heads.map { AuditChainHead(chain: $0.chain, length: $0.length == 0 ? 0 : $0.length - 1, head: $0.head) }
            let broken = try #require(try await verify(world, anchor: AuditAnchor(takenAt: anchor.takenAt, heads: heads, digest: anchor.digest)).broken)
            #expect(broken.kind == .anchorDigest)
        }
    }

    @Test func anEntryIsNotSealedInASnapshotWhoseHeadsMayBeStale() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            await #expect(throws: (any Error).self) {
                try await world.database.snapshot { store in
                    try await store.audit.appendConsultation(by: AuditEntry.Actor(userID: nil, name: "j.peeters", office: nil), operation: "ReadCase", entity: "case", id: "x")
                }
            }
        }
    }

    @Test func aTemporaryTableNamedLikeTheChainsDoesNotFoolTheSeal() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let before = try await world.count("SELECT sum(length)::int FROM audit_chain")
            // As the application's role, on one session: a decoy audit_chain, then an entry.
            _ = try await world.db.pool.withSession { session in
                try await session.simpleQuery(
                    """
                    CREATE TEMP TABLE audit_chain (LIKE public.audit_chain);
                    INSERT INTO audit_chain SELECT * FROM public.audit_chain;
                    UPDATE audit_chain SET length = 1000;
                    INSERT INTO audit_entry (actor_name, kind, operation, entity, entity_id) VALUES ('j.peeters', 'consultation', 'ReadCase', 'case', 'x');
                    DROP TABLE audit_chain;
                    """)
            }
            #expect(try await world.count("SELECT sum(length)::int FROM audit_chain") == before + 1)
            #expect(try await verify(world).broken == nil)
        }
    }

    /// An entry as the application's role writes it, named by `entity_id`.
    static func insertEntry(_ name: String) -> String {
        "INSERT INTO audit_entry (actor_name, kind, operation, entity, entity_id) VALUES ('j.peeters', 'consultation', 'ReadCase', 'case', '\(name)');"
    }

    func chainAndLink(_ world: TestWorld, of name: String) async throws -> (chain: Int, link: Int) {
        let rows = try await world.db.pool.query("SELECT chain, link FROM audit_entry WHERE entity_id = $1", [name])
        return (try rows[0].decode(Int.self, 0), try rows[0].decode(Int.self, 1))
    }

    @Test func aTransactionsEntriesFollowEachOtherOnTheChainItTookWhenItsOwnWasBusy() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            try await world.db.pool.withSession { writer in
                // given the chain the writer would take first, held by another transaction
                let preferred = try await writer.query("SELECT pg_backend_pid() % 16")[0].decode(Int.self, 0)
                try await world.db.withSuperuserSession { holder in
                    _ = try await holder.simpleQuery("BEGIN; SELECT 1 FROM audit_chain WHERE chain = \(preferred) FOR UPDATE;")
                    // when the writer's first entry takes another chain, and the first is free again for the next ones
                    _ = try await writer.simpleQuery("BEGIN; \(Self.insertEntry("first"))")
                    _ = try await holder.simpleQuery("COMMIT")
                }
                _ = try await writer.simpleQuery("\(Self.insertEntry("second")) \(Self.insertEntry("third")) COMMIT;")
                #expect(try await chainAndLink(world, of: "first").chain != preferred)
            }
            // then all three follow each other on the chain the first took
            let first = try await chainAndLink(world, of: "first")
            let second = try await chainAndLink(world, of: "second")
            let third = try await chainAndLink(world, of: "third")
            #expect([second.chain, third.chain] == [Int]([first.chain, first.chain]))
            #expect([second.link, third.link] == [Int]([first.link + 1, first.link + 2]))
            #expect(try await verify(world).broken == nil)
        }
    }

    @Test func anEntryAfterAPartRolledBackSealsOnAChainAsIfThePartHadNotBeen() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            let before = try await world.count("SELECT sum(length)::int FROM audit_chain")
            // when an entry is written in a part rolled back, and another after it
            _ = try await world.db.pool.withSession { session in
                try await session.simpleQuery(
                    "BEGIN; SAVEPOINT part; \(Self.insertEntry("undone")) ROLLBACK TO SAVEPOINT part; \(Self.insertEntry("kept")) COMMIT;")
            }
            // then only the second moved a chain, and the trail holds
            #expect(try await world.count("SELECT sum(length)::int FROM audit_chain") == before + 1)
            #expect(try await world.count("SELECT count(*)::int FROM audit_entry WHERE entity_id = 'undone'") == 0)
            #expect(try await verify(world).broken == nil)
        }
    }

    @Test func aSettingNamingAChainAnotherTransactionHoldsDoesNotFoolTheSeal() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            // given a transaction that holds a chain
            try await world.db.pool.withSession { holder in
                try await holder.simpleQuery("BEGIN; \(Self.insertEntry("held"))")
                let held = try await holder.query("SELECT chain FROM audit_entry WHERE entity_id = 'held'")[0].decode(Int.self, 0)
                // when another names that chain in the setting the seal remembers chains by;
                // were it trusted, this would wait for the holder, which waits for it
                _ = try await world.db.pool.withSession { other in
                    try await other.simpleQuery(
                        """
                        BEGIN; SET LOCAL lock_timeout = '5s'; SELECT set_config('arca.audit_chain', '\(held)', true);
                        \(Self.insertEntry("other")) COMMIT;
                        """)
                }
                _ = try await holder.simpleQuery("COMMIT")
            }
            // then its entry is sealed on a chain of its own
            #expect(try await chainAndLink(world, of: "other").chain != chainAndLink(world, of: "held").chain)
            #expect(try await verify(world).broken == nil)
        }
    }

    @Test func theSealWritesItsFieldsInlineRatherThanRunningAFunctionForEach() async throws {
        try await TestWorld.with { world in
            let plan = try await world.db.pool.query(
                "EXPLAIN VERBOSE SELECT audit_entry_hash(e), audit_entry_values_digest(e) FROM audit_entry e", []
            ).map { try $0.decode(String.self, 0) }.joined(separator: "\n")
            #expect(plan.contains("sha256"))
            #expect(!plan.contains("audit_field("))
        }
    }

    @Test func anEntrysNumberAndTimeAreTheDatabasesWhateverTheInsertSays() async throws {
        try await TestWorld.with { world in
            try await writeTrail(world)
            _ = try await world.db.pool.withSession { session in
                try await session.simpleQuery(
                    """
                    INSERT INTO audit_entry (id, recorded_at, actor_name, kind, operation, entity, entity_id) OVERRIDING SYSTEM VALUE
                    VALUES (1, '2001-01-01T00:00:00Z', 'j.peeters', 'change', 'UpdateCase', 'case', 'backdated')
                    """)
            }
            let rows = try await world.db.pool.query(
                "SELECT id, recorded_at > now() - interval '1 hour' FROM audit_entry WHERE entity_id = 'backdated'", [])
            #expect(try rows[0].decode(Int.self, 0) > 1)
            #expect(try rows[0].decode(Bool.self, 1))
        }
    }

    @Test(arguments: ["officer", "liaison", "analyst"])
    func caseWorkersDoNotVerifyTheTrail(_ role: String) async throws {
        try await TestWorld.with { world in
            let caller = [world.officer, world.liaison, world.analyst].first { $0.role.rawValue == role }!
            await #expect(throws: UseCaseError.forbidden("the \(role) role may not verify audit trail")) {
                try await world.useCases.verifyAuditTrail(by: caller)
            }
        }
    }
}
