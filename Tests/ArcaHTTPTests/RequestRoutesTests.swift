import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: cross-border requests")
struct RequestRoutesTests {
    /// An urgent request from the Romanian ARO received at 01:00 UTC, for information the
    /// office reaches directly: 8 hours, so overdue at the test clock's 10:00 UTC once triaged.
    static func incoming(caseID: String) -> String {
        #"{"direction":"incoming","kind":"information_request","caseId":"\#(caseID)","counterpartState":"RO","counterpartOffice":"ARO Bucharest (ONPCSB)","channel":"aro_siena","externalReference":"SIENA-RO-2026-\#(Int.random(in: 100_000...999_999))","urgent":true,"urgencyReason":"funds about to leave for a third country","directlyAccessible":true,"receivedAt":"2026-11-29T01:00:00Z","informationSought":"balances and movements of BE68 5390 0754 7034 since 2025-01-01"}"#
    }

    static func outgoing(caseID: String) -> String {
        #"{"direction":"outgoing","kind":"information_request","caseId":"\#(caseID)","counterpartState":"NL","counterpartOffice":"ARO Netherlands (FIOD)","channel":"aro_siena","informationSought":"vehicles registered to the suspect"}"#
    }

    static let matrix: [(role: String, register: Int, draft: Int, list: Int, move: Int)] = [
        ("officer", 403, 201, 200, 403), ("liaison", 201, 201, 200, 201), ("analyst", 403, 403, 200, 403),
        ("auditor", 403, 403, 403, 403), ("admin", 403, 403, 403, 403),
    ]

    @Test(arguments: matrix.indices)
    func liaisonOfficersExchangeOfficersDraftAndEveryCaseReaderSeesTheList(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let role = expected.role
            let caseID = try await world.openCase()
            let existing = try await world.call(.post, "/v1/requests", as: "liaison", json: Self.incoming(caseID: caseID))
            let requestID = try #require(existing.json["id"] as? String)

            let register = try await world.attempt(.post, "/v1/requests", as: role, json: Self.incoming(caseID: caseID))
            let draft = try await world.attempt(.post, "/v1/requests", as: role, json: Self.outgoing(caseID: caseID))
            let list = try await world.attempt(.get, "/v1/requests", as: role)
            let read = try await world.attempt(.get, "/v1/requests/\(requestID)", as: role)
            let move = try await world.attempt(.post, "/v1/requests/\(requestID)/events", as: role, json: #"{"action":"triage"}"#)
            #expect(register.status == expected.register, "register incoming as \(role)")
            #expect(draft.status == expected.draft, "draft outgoing as \(role)")
            #expect(list.status == expected.list, "list as \(role)")
            #expect(read.status == expected.list, "read as \(role)")
            #expect(move.status == expected.move, "move as \(role)")
        }
    }

    @Test func aTriagedRequestShowsItsDeadlineInTheOfficesTimeAndIsListedOverdueOnceItPasses() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let registered = try await world.call(.post, "/v1/requests", as: "liaison", json: Self.incoming(caseID: caseID))
            #expect(registered.status == 201)
            #expect(registered.json["state"] as? String == "received")
            #expect(registered.json["allowedActions"] as? [String] == ["triage", "refuse", "withdraw"])
            let id = try #require(registered.json["id"] as? String)
            #expect(registered.headers[.location] == "/v1/requests/\(id)")

            let triaged = try await world.call(.post, "/v1/requests/\(id)/events", as: "liaison", json: #"{"action":"triage","reason":"bank data reachable directly"}"#)
            #expect(triaged.status == 201)
            let deadline = try #require(triaged.json["deadline"] as? [String: Any])
            #expect(deadline["dueAt"] as? String == "2026-11-29T09:00:00Z")
            #expect(deadline["dueAtLocal"] as? String == "2026-11-29T10:00:00+01:00")
            #expect(deadline["timeZone"] as? String == "Europe/Brussels")
            #expect(deadline["period"] as? String == "PT8H" && deadline["rule"] as? String == "information_urgent_direct")
            #expect(deadline["remainingSeconds"] as? Int == -3600)
            #expect(deadline["overdue"] as? Bool == true)
            #expect((triaged.json["events"] as? [[String: Any]])?.map { $0["action"] as? String } == ["receive", "triage"])

            let overdue = try await world.call(.get, "/v1/requests?overdue=true", as: "officer")
            #expect((overdue.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let draft = try await world.call(.post, "/v1/requests", as: "officer", json: Self.outgoing(caseID: caseID))
            #expect(draft.status == 201 && draft.json["deadline"] == nil)
            let outgoing = try await world.call(.get, "/v1/requests?direction=outgoing", as: "officer")
            #expect((outgoing.json["items"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func badRequestsAreProblemsNamingEveryFieldAndRuleAndWriteNothing() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let bad = try await world.attempt(
                .post, "/v1/requests", as: "liaison",
                json: #"{"direction":"incoming","kind":"freezing_certificate","caseId":"\#(caseID)","counterpartState":"XX","channel":"pigeon","urgent":true}"#)
            #expect(bad.status == 422 && bad.isProblem)
            #expect(
                bad.fieldErrors.sorted() == [
                    "channel channel", "counterpartOffice required", "counterpartState country-code", "kind request-kind", "urgencyReason required",
                ])
            let registered = try await world.call(.post, "/v1/requests", as: "liaison", json: Self.incoming(caseID: caseID))
            let id = try #require(registered.json["id"] as? String)
            let refusal = try await world.attempt(.post, "/v1/requests/\(id)/events", as: "liaison", json: #"{"action":"refuse","refusalGround":"because"}"#)
            #expect(refusal.status == 422)
            #expect(refusal.fieldErrors == ["refusalGround refusal-ground"])
            let early = try await world.attempt(.post, "/v1/requests/\(id)/events", as: "liaison", json: #"{"action":"answer_in_full"}"#)
            #expect(early.status == 409 && early.isProblem)
            let overdue = try await world.attempt(.get, "/v1/requests?dueWithin=soon&overdue=false&case=12", as: "liaison")
            #expect(overdue.fieldErrors.sorted() == ["case id", "dueWithin iso-duration", "overdue true"])
            let stale = try await world.attempt(
                .post, "/v1/requests/\(id)/events", as: "liaison", json: #"{"action":"triage"}"#, headers: ["If-Match": #""7""#])
            #expect(stale.status == 412 && stale.isProblem)
        }
    }

    @Test func anotherOfficeNeitherSeesTheRequestsNorRegistersOnTheCase() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let registered = try await world.call(.post, "/v1/requests", as: "liaison", json: Self.incoming(caseID: caseID))
            let id = try #require(registered.json["id"] as? String)
            let read = try await world.attempt(.get, "/v1/requests/\(id)", as: "amo")
            #expect(read.status == 404)
            let list = try await world.attempt(.get, "/v1/requests", as: "amo")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
            let onTheirCase = try await world.attempt(.post, "/v1/requests", as: "amo", json: Self.outgoing(caseID: caseID))
            #expect(onTheirCase.status == 404)
        }
    }
}
