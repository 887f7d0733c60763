import ArcaTestSupport
import Foundation
import Testing

@Suite("arca asset manage, arca case recover, arca case totals")
struct CaseMoneyCommandTests {
    @Test func anOfficerRecordsCostsAndMoneyReceivedAndReadsTheCaseTotalsInEuro() async throws {
        try await withOfficer { env, _ in
            // given the dollar account frozen on Saturday 2 March 2024
            let (caseID, assetID) = try StatsCommandTests.frozenAccount(env)
            // when its bank fees and the seized cash paid in are recorded
            let cost = try ArcaProcess.run(
                ["asset", "manage", assetID, "--cost", "35.00", "--for", "bank fees", "--on", "2024-03-04", "--reason", "fee note of KBC"],
                environment: env)
            #expect(cost.status == 0 && cost.stdout.contains("recorded a cost of 35.00 EUR on 2024-03-04 for bank fees"), "\(cost.stdout)\(cost.stderr)")
            let paid = try ArcaProcess.run(
                [
                    "case", "recover", caseID, "--amount", "900.00", "--received-on", "2024-03-04", "--source", "seized_cash", "--destination",
                    "state_budget", "--reason", "cash seized at the search, paid in",
                ], environment: env)
            #expect(paid.status == 0 && paid.stdout.contains("recorded 900.00 EUR received on 2024-03-04"), "\(paid.stdout)\(paid.stderr)")
            // then the totals show the dollars frozen at Friday's rate, the cost and the cash
            let totals = try ArcaProcess.run(["case", "totals", caseID, "--records"], environment: env)
            #expect(totals.status == 0, "\(totals.stderr)")
            let rows = totals.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(rows.contains(["frozen", "1", "20000.00"]), "\(totals.stdout)")
            #expect(rows.contains(["recovered", "1", "900.00"]) && rows.contains(["management_costs", "1", "35.00"]), "\(totals.stdout)")
            #expect(totals.stdout.contains("1.0813 (2024-03-01)"), "\(totals.stdout)")
            // and the asset shows its management
            let shown = try ArcaProcess.run(["asset", "show", assetID], environment: env)
            #expect(shown.stdout.contains("management:") && shown.stdout.contains("bank fees"), "\(shown.stdout)")
        }
    }

    @Test func anIncompleteRecordIsRefusedSayingWhatIsMissingAndExitsNonZero() async throws {
        try await withOfficer { env, _ in
            let (caseID, assetID) = try StatsCommandTests.frozenAccount(env)
            let neither = try ArcaProcess.run(["asset", "manage", assetID, "--on", "2024-03-04", "--reason", "handover"], environment: env)
            #expect(neither.status != 0 && neither.stderr.contains("give either --custody MANAGER or --cost AMOUNT --for TEXT"), "\(neither.stderr)")
            let stateless = try ArcaProcess.run(
                [
                    "case", "recover", caseID, "--amount", "5000.00", "--received-on", "2024-03-04", "--source", "funds_from_another_state",
                    "--destination", "special_fund", "--reason", "paid by the Dutch ARO",
                ], environment: env)
            #expect(stateless.status != 0 && stateless.stderr.contains("sourceState"), "\(stateless.stderr)")
            #expect(stateless.stderr.contains("funds from another state name the state that paid them"), "\(stateless.stderr)")
        }
    }
}
