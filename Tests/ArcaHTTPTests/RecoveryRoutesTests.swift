import ArcaApplication
import ArcaTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: management of held property, recovered value and a case's totals")
struct RecoveryRoutesTests {
    static let matrix: [(role: String, record: Int, read: Int)] = [
        ("officer", 201, 200), ("liaison", 403, 200), ("analyst", 403, 200), ("auditor", 403, 403), ("admin", 403, 403),
    ]

    @Test(arguments: matrix.indices)
    func officersRecordAndThoseWhoReadCasesReadTheTotals(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let (caseID, assetID) = try await world.frozenDollarAccount()
            let cost = try await world.attempt(
                .post, "/v1/assets/\(assetID)/management", as: expected.role,
                json: #"{"kind":"cost","occurredOn":"2024-03-04","purpose":"bank fees","amount":{"amount":"35.00","currency":"EUR"},"reason":"fee note"}"#)
            let recovered = try await world.attempt(
                .post, "/v1/cases/\(caseID)/recoveries", as: expected.role,
                json: #"{"amount":{"amount":"900.00","currency":"EUR"},"receivedOn":"2024-03-04","source":"seized_cash","destination":"state_budget","reason":"paid in"}"#)
            let totals = try await world.attempt(.get, "/v1/cases/\(caseID)/totals", as: expected.role)
            #expect(cost.status == expected.record && recovered.status == expected.record, "as \(expected.role): \(cost.text) \(recovered.text)")
            #expect(totals.status == expected.read, "as \(expected.role): \(totals.text)")
        }
    }

    @Test func theTotalsGiveEuroAsStringsWithTheRateOfEachDayAndTheRecordsBehindThem() async throws {
        try await APIWorld.with { world in
            // given the dollar account frozen on Saturday 2 March 2024, and EUR 900 of seized cash paid in
            let (caseID, _) = try await world.frozenDollarAccount()
            let paid = try await world.call(
                .post, "/v1/cases/\(caseID)/recoveries",
                json: #"{"amount":{"amount":"900.00","currency":"EUR"},"receivedOn":"2024-03-04","source":"seized_cash","destination":"special_fund","reason":"paid in"}"#)
            #expect(paid.status == 201 && paid.json["destination"] as? String == "special_fund", "\(paid.text)")
            // when the totals are read
            let answer = try await world.call(.get, "/v1/cases/\(caseID)/totals")
            let totals = Dictionary(
                uniqueKeysWithValues: (answer.json["totals"] as? [[String: Any]] ?? []).map { ($0["line"] as? String ?? "", $0) })
            // then the account counts as EUR 20,000.00 frozen, at Friday's rate, and the cash as recovered
            #expect(totals["frozen"]?["euro"] as? String == "20000.00" && totals["frozen"]?["complete"] as? Bool == true, "\(answer.text)")
            let record = (totals["frozen"]?["records"] as? [[String: Any]])?.first
            #expect(record?["rateDay"] as? String == "2024-03-01" && record?["rate"] as? String == "1.0813" && record?["euro"] as? String == "20000.00")
            #expect(totals["recovered"]?["euro"] as? String == "900.00" && totals["recovered"]?["count"] as? Int == 1)
            #expect(totals["confiscated"]?["euro"] as? String == "0.00" && totals["management_costs"]?["count"] as? Int == 0)
            #expect((answer.json["recovered"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func anIncompleteRecoveredValueIsAProblemNamingEachFieldAndRuleAndWritesNothing() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let answer = try await world.attempt(
                .post, "/v1/cases/\(caseID)/recoveries",
                json: #"{"amount":{"amount":"0.00","currency":"EUR"},"receivedOn":"2026-04-10","source":"funds_from_another_state","destination":"victim_compensation","reason":"paid by the Dutch ARO"}"#)
            #expect(answer.status == 422 && answer.isProblem)
            #expect(answer.fieldErrors == ["amount.amount positive", "sourceState required", "recipientSubjectId required"], "\(answer.text)")
        }
    }

    @Test func custodyOfPropertyNeverFrozenIsAConflictNamingItsState() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let answer = try await world.attempt(
                .post, "/v1/assets/\(assetID)/management", json: #"{"kind":"custody","occurredOn":"2026-04-10","manager":"COSC","reason":"towed"}"#)
            #expect(answer.status == 409 && answer.isProblem)
            #expect((answer.json["detail"] as? String)?.contains("the asset is identified and was never frozen or confiscated") == true, "\(answer.text)")
        }
    }
}
