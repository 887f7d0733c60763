import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("arca review")
struct ReviewCommandTests {
    @Test func anOfficerListsTheCasesDueKeepsOneAndErasesAClosedOnesPersonalData() async throws {
        try await withOfficer { env, db in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Driftwood", "--offence", "drug_trafficking", "--opened-on", "2019-03-14", "--json"],
                environment: env)
            let caseID = try #require(json(created.stdout)["id"] as? String)
            let subject = try ArcaProcess.run(
                ["subject", "add", "--case", caseID, "--kind", "natural_person", "--name", "Dragan Kovačević", "--role", "convicted_person"],
                environment: env)
            #expect(subject.status == 0, "\(subject.stderr)")
            _ = try await db.pool.execute("UPDATE case_retention SET review_on = '2023-05-02' WHERE case_id = $1", [UUID(uuidString: caseID)!])

            let due = try ArcaProcess.run(["review", "due"], environment: env)
            #expect(due.status == 0, "\(due.stderr)")
            #expect(due.stdout.contains("2023-05-02") && due.stdout.contains(caseID))

            let kept = try ArcaProcess.run(["review", "keep", caseID, "--reason", "confiscation still under appeal"], environment: env)
            #expect(kept.status == 0, "\(kept.stderr)")
            #expect(kept.stdout.contains("next review"))
            #expect(!(try ArcaProcess.run(["review", "due"], environment: env).stdout.contains(caseID)))

            let refused = try ArcaProcess.run(["review", "erase", caseID, "--reason", "sentence served"], environment: env)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("only a closed case"))

            _ = try await db.pool.execute("UPDATE case_file SET status = 'closed' WHERE id = $1", [UUID(uuidString: caseID)!])
            let erased = try ArcaProcess.run(["review", "erase", caseID, "--reason", "sentence served", "--json"], environment: env)
            #expect(erased.status == 0, "\(erased.stderr)")
            #expect(json(erased.stdout)["subjectsErased"] as? Int == 1)
            let shown = try ArcaProcess.run(["case", "show", caseID], environment: env)
            #expect(shown.stdout.contains("personal data erased") && shown.stdout.contains("[erased]"))
            #expect(!shown.stdout.contains("Kovačević"))
        }
    }
}
