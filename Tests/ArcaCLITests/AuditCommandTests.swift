import ArcaApplication
import ArcaTestSupport
import Foundation
import Testing

@Suite("arca audit verify and anchor; --purpose; --as only where allowed")
struct AuditCommandTests {
    @Test func verifyHoldsThenNamesTheEntrySomeoneEditedAndExits2() async throws {
        try await withOfficer { env, db in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "fraud", "--opened-on", "2026-03-14"], environment: env)
            #expect(created.status == 0, "\(created.stderr)")
            let held = try ArcaProcess.run(["audit", "verify"], environment: env)
            #expect(held.status == 0, "\(held.stderr)")
            #expect(held.stdout.contains("audit trail verified"))

            try await db.asSuperuser(
                """
                ALTER TABLE audit_entry DISABLE TRIGGER USER;
                UPDATE audit_entry SET actor_name = 'someone.else' WHERE operation = 'CreateCase';
                ALTER TABLE audit_entry ENABLE TRIGGER USER;
                """)
            let broken = try ArcaProcess.run(["audit", "verify"], environment: env)
            #expect(broken.status == 2)
            #expect(broken.stdout.contains("BROKEN"))
            #expect(broken.stdout.contains("[altered]"))
        }
    }

    @Test func anAnchorWrittenToAFileIsCheckedByVerify() async throws {
        try await withOfficer { env, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("anchor-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            let anchored = try ArcaProcess.run(["audit", "anchor", "--out", file.path], environment: env)
            #expect(anchored.status == 0, "\(anchored.stderr)")
            let verified = try ArcaProcess.run(["audit", "verify", "--anchor", file.path], environment: env)
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect(verified.stdout.contains("matches the anchor"))

            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: "\"length\" : 0", with: "\"length\" : 7").write(to: file, atomically: true, encoding: .utf8)
            let edited = try ArcaProcess.run(["audit", "verify", "--anchor", file.path], environment: env)
            #expect(edited.status == 2)
            #expect(edited.stdout.contains("[anchor-digest]"))
        }
    }

    @Test func aPurposeGivenAtTheCommandLineIsKeptAndABadOneIsRefusedBeforeAnythingRuns() async throws {
        try await withOfficer { env, db in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "fraud", "--opened-on", "2026-03-14", "--json"], environment: env)
            let caseID = try #require(json(created.stdout)["id"] as? String)
            let bad = try ArcaProcess.run(["case", "show", caseID, "--purpose", "curiosity"], environment: env)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("investigation, asset_management"))

            let shown = try ArcaProcess.run(["case", "show", caseID, "--purpose", "investigation; checking the file before the hearing"], environment: env)
            #expect(shown.status == 0, "\(shown.stderr)")
            let kept = try await db.pool.query(
                "SELECT context ->> 'purpose', context ->> 'purposeNote' FROM audit_entry WHERE operation = 'ReadCase'", [])
            #expect(kept.count == 1)
            #expect(try kept[0].decode(String.self, 0) == "investigation")
            #expect(try kept[0].decode(String.self, 1) == "checking the file before the hearing")
        }
    }

    @Test func anAccountNotMappedToTheUserIsRefusedUnlessItGivesTheUsersOwnToken() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.mapOSAccount(userName: "j.peeters", account: nil, by: .commandLine())
            let env = ["DATABASE_URL": world.db.url, "ARCA_USER": "j.peeters"]
            let refused = try ArcaProcess.run(["case", "list"], environment: env)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("arca user map-os-account j.peeters"))
            let token = try await world.useCases.issueToken(userName: "j.peeters", label: "cli", by: .commandLine()).secret
            let allowed = try ArcaProcess.run(["case", "list"], environment: env.merging(["ARCA_TOKEN": token]) { $1 })
            #expect(allowed.status == 0, "\(allowed.stderr)")
        }
    }
}
