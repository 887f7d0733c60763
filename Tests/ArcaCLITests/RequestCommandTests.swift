import ArcaTestSupport
import Foundation
import Testing

@Suite("arca requests")
struct RequestCommandTests {
    @Test func aLiaisonOfficerRegistersAndTriagesAnUrgentRequestWhichTheOverdueListThenShows() async throws {
        try await withOfficer { env, _ in
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Meltwater", "--offence", "money_laundering", "--opened-on", "2026-03-14", "--json"],
                environment: env)
            let caseID = try #require(json(created.stdout)["id"] as? String)
            let liaison = TestWorld.userName("liaison")
            // given an urgent request for directly accessible information, received ten hours ago
            let tenHoursAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-10 * 3600))
            let incoming = [
                "requests", "add", "--direction", "incoming", "--case", caseID, "--counterpart-state", "RO", "--counterpart-office", "ARO Bucharest (ONPCSB)",
                "--external-reference", "SIENA-RO-2026-118342", "--urgent", "--urgency-reason", "funds about to leave for a third country",
                "--directly-accessible", "--received-at", tenHoursAgo, "--information-sought", "balances of BE68 5390 0754 7034", "--json",
            ]
            let refused = try ArcaProcess.run(incoming, environment: env)
            #expect(refused.status != 0 && refused.stderr.contains("may not exchange requests"))
            let registered = try ArcaProcess.run(incoming + ["--as", liaison], environment: env)
            #expect(registered.status == 0, "\(registered.stderr)")
            let requestID = try #require(json(registered.stdout)["id"] as? String)
            // when it is triaged, its 8 hours count from the receipt: it is late already
            let triaged = try ArcaProcess.run(["requests", "move", requestID, "triage", "--reason", "bank data reachable", "--as", liaison], environment: env)
            #expect(triaged.status == 0, "\(triaged.stderr)")
            #expect(triaged.stdout.contains("triage -> triaged, due"))
            // then the overdue list shows it, late by two hours at least
            let overdue = try ArcaProcess.run(["requests", "overdue"], environment: env)
            #expect(overdue.status == 0, "\(overdue.stderr)")
            #expect(overdue.stdout.split(separator: "\n").first { $0.contains(requestID) }?.contains("late by 2h") == true, "\(overdue.stdout)")
            let dueSoon = try ArcaProcess.run(["requests", "overdue", "--due-within", "P1D"], environment: env)
            #expect(dueSoon.status == 0 && dueSoon.stdout.contains(requestID), "\(dueSoon.stderr)")
            let listed = try ArcaProcess.run(["requests", "overdue", "--json"], environment: env)
            let item = try #require((json(listed.stdout)["items"] as? [[String: Any]])?.first)
            #expect(item["id"] as? String == requestID)
            #expect(((item["deadline"] as? [String: Any])?["remainingSeconds"] as? Int ?? 0) <= -7200)
            // and a refusal without its ground is refused, naming the field
            let noGround = try ArcaProcess.run(["requests", "move", requestID, "refuse", "--as", liaison], environment: env)
            #expect(noGround.status != 0 && noGround.stderr.contains("refusalGround"))
            let shown = try ArcaProcess.run(["requests", "show", requestID], environment: env)
            #expect(shown.stdout.contains("state: triaged") && shown.stdout.contains("receive") && shown.stdout.contains("triage"))
        }
    }
}
