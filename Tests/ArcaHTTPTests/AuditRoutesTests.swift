import Foundation
import Testing

@Suite("HTTP: /v1/audit-entries")
struct AuditRoutesTests {
    @Test(arguments: [("officer", 403), ("liaison", 403), ("analyst", 403), ("auditor", 200), ("admin", 200)])
    func onlyAuditorsAndAdministratorsReadTheTrail(_ role: String, _ status: Int) async throws {
        try await APIWorld.with { world in
            let answer = try await world.attempt(.get, "/v1/audit-entries", as: role)
            #expect(answer.status == status)
        }
    }

    @Test func anEntryShowsWhoDidWhatWithTheRecordAsJSON() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            _ = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"tracing"}"#, headers: ["If-Match": "\"1\""])
            let answer = try await world.attempt(.get, "/v1/audit-entries?entity=case&entityId=\(id)&kind=change", as: "auditor")
            #expect(answer.status == 200)
            let items = try #require(answer.json["items"] as? [[String: Any]])
            #expect(items.map { $0["operation"] as? String } == ["UpdateCase", "CreateCase"])
            let update = try #require(items.first)
            #expect((update["actor"] as? [String: Any])?["name"] as? String == "j.peeters")
            #expect((update["before"] as? [String: Any])?["status"] as? String == "opened")
            #expect((update["after"] as? [String: Any])?["status"] as? String == "tracing")
            #expect(answer.json["next"] is NSNull)
        }
    }

    @Test func aBadFilterIs422() async throws {
        try await APIWorld.with { world in
            let answer = try await world.attempt(.get, "/v1/audit-entries?kind=deletion&from=yesterday", as: "auditor")
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["kind audit-kind", "from timestamp"])
        }
    }

    @Test func thePurposeSentInXPurposeIsKeptWithTheConsultationEvenInAnotherScript() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let purpose = "investigation; accounts of Šarūnas K. named at the hearing"
            let read = try await world.attempt(
                .get, "/v1/cases/\(id)", as: "analyst",
                headers: ["X-Purpose": purpose.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!])
            #expect(read.status == 200)
            let answer = try await world.attempt(.get, "/v1/audit-entries?operation=ReadCase", as: "auditor")
            let entry = try #require((answer.json["items"] as? [[String: Any]])?.first)
            let context = try #require(entry["context"] as? [String: Any])
            #expect(context["purpose"] as? String == "investigation")
            #expect(context["purposeNote"] as? String == "accounts of Šarūnas K. named at the hearing")
        }
    }

    @Test func aPurposeOutsideTheListIs422NamingTheHeader() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let answer = try await world.attempt(.get, "/v1/cases/\(id)", as: "analyst", headers: ["X-Purpose": "curiosity"])
            #expect(answer.status == 422)
            #expect(answer.isProblem)
            #expect(answer.fieldErrors == ["X-Purpose purpose"])
        }
    }

    @Test func anOfficeThatAsksThePurposeAnswers422NamingItToAReadingWithoutOne() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            _ = try await world.useCases.requireConsultationPurpose(office: "BE-ARO", required: true, by: .commandLine())
            let refused = try await world.attempt(.get, "/v1/cases/\(id)", as: "analyst")
            #expect(refused.status == 422)
            #expect(refused.fieldErrors == ["purpose required"])
            let read = try await world.attempt(.get, "/v1/cases/\(id)", as: "analyst", headers: ["X-Purpose": "statistics"])
            #expect(read.status == 200)
        }
    }
}
