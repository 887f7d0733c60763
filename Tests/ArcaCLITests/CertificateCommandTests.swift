import ArcaTestSupport
import Foundation
import Testing

@Suite("arca certificates")
struct CertificateCommandTests {
    @Test func aLiaisonOfficerSendsAConfiscationCertificateAndRecordsWhatTheExecutingStateRecoveredWithinTheOrder() async throws {
        try await withOfficer { env, _ in
            let liaison = TestWorld.userName("liaison")
            let created = try ArcaProcess.run(
                ["case", "create", "--title", "Operation Tidewater", "--offence", "fraud", "--opened-on", "2026-02-02", "--json"], environment: env)
            let caseID = try #require(json(created.stdout)["id"] as? String)
            // given a final value confiscation of EUR 120,000
            let order = try ArcaProcess.run(
                [
                    "order", "create", "--case", caseID, "--kind", "confiscation", "--type", "value", "--authority", "Brussels criminal court",
                    "--decision-reference", "2026/0412/C", "--decision-date", "2026-04-20", "--amount", "120000.00", "--json",
                ], environment: env)
            #expect(order.status == 0, "\(order.stderr)")
            let orderID = try #require(json(order.stdout)["id"] as? String)
            let final = try ArcaProcess.run(["order", "finalise", orderID, "--on", "2026-06-01", "--reason", "no appeal lodged"], environment: env)
            #expect(final.status == 0, "\(final.stderr)")
            // when an officer drafts a certificate to the Netherlands and a liaison officer sends it
            let issued = try ArcaProcess.run(
                ["certificates", "issue", "--order", orderID, "--counterpart-state", "NL", "--counterpart-office", "ARO Netherlands (FIOD)", "--json"],
                environment: env)
            #expect(issued.status == 0, "\(issued.stderr)")
            let certificateID = try #require(json(issued.stdout)["id"] as? String)
            let sentByOfficer = try ArcaProcess.run(["certificates", "move", certificateID, "send"], environment: env)
            #expect(sentByOfficer.status != 0 && sentByOfficer.stderr.contains("may not exchange requests"), "\(sentByOfficer.stderr)")
            let sent = try ArcaProcess.run(
                ["certificates", "move", certificateID, "send", "--external-reference", "MR-BE-NL-0042", "--as", liaison], environment: env)
            #expect(sent.status == 0 && sent.stdout.contains("send -> sent"), "\(sent.stderr)")
            // then a recovery within the order is recorded and the outstanding amount shown
            let recovered = try ArcaProcess.run(
                ["certificates", "recover", certificateID, "--amount", "70000.00", "--recovered-on", "2026-11-02", "--as", liaison], environment: env)
            #expect(recovered.status == 0, "\(recovered.stderr)")
            #expect(recovered.stdout.contains("outstanding 50000.00 EUR"), "\(recovered.stdout)")
            // and one beyond it is refused, naming the field and the rule, and nothing is written
            let beyond = try ArcaProcess.run(
                ["certificates", "recover", certificateID, "--amount", "50000.01", "--recovered-on", "2026-11-03", "--as", liaison], environment: env)
            #expect(beyond.status != 0 && beyond.stderr.contains("amount: only 50000.00 EUR") && beyond.stderr.contains("Art 16"), "\(beyond.stderr)")
            let shown = try ArcaProcess.run(["certificates", "show", certificateID], environment: env)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("recovered 70000.00 EUR; outstanding 50000.00 EUR"), "\(shown.stdout)")
            #expect(shown.stdout.contains("  NL: 70000.00 EUR"))
        }
    }
}
