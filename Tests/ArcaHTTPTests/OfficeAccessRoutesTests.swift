import Foundation
import HTTPTypes
import Testing

/// The office-access rule over HTTP: a case shared with another office may be read there,
/// never changed, on every route that writes.
@Suite("HTTP: a shared case is read-only for the office it is shared with")
struct OfficeAccessRoutesTests {
    @Test func everyWriteRouteOfASharedCaseIsForbiddenToTheOfficeItIsSharedWith() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let routes = try await world.writeRoutes(onCase: caseID)
            let shared = try await world.call(.post, "/v1/cases/\(caseID)/shares", json: #"{"office":"BE-AMO"}"#)
            #expect(shared.status == 201 || shared.status == 200, "\(shared.text)")
            let before = try await world.snapshot()

            for route in routes {
                let answer = try await world.call(
                    route.method, route.uri, as: "amo", json: route.body, headers: route.method == .patch ? ["If-Match": "*"] : [:])
                #expect(answer.status == 403, "\(route.method) \(route.uri): \(answer.status) \(answer.text)")
                #expect(answer.isProblem)
            }

            #expect(routes.count == 16)
            #expect(try await world.snapshot() == before)
            #expect(try await world.call(.get, "/v1/cases/\(caseID)", as: "amo").status == 200)
        }
    }

    @Test func everyWriteRouteTakesItsBodyFromTheOwningOffice() async throws {
        try await APIWorld.with { world in
            let routes = try await world.writeRoutes(onCase: try await world.openCase())

            for route in routes {
                let answer = try await world.call(route.method, route.uri, json: route.body, headers: route.method == .patch ? ["If-Match": "*"] : [:])
                #expect((200...201).contains(answer.status), "\(route.method) \(route.uri): \(answer.status) \(answer.text)")
            }
        }
    }

    @Test func everyWriteRouteOfAnUnsharedCaseIsNotFoundForAnotherOffice() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let routes = try await world.writeRoutes(onCase: caseID)
            let before = try await world.snapshot()

            for route in routes {
                let answer = try await world.call(
                    route.method, route.uri, as: "amo", json: route.body, headers: route.method == .patch ? ["If-Match": "*"] : [:])
                #expect(answer.status == 404, "\(route.method) \(route.uri): \(answer.status) \(answer.text)")
            }

            #expect(try await world.snapshot() == before)
        }
    }

    @Test func anAssetsOwnersMustBeSubjectsOfItsCaseWhenCorrectedAsWhenRecorded() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            let otherCase = try await world.openCase(#"{"title":"Operation Harbour Lights","offences":["fraud"],"openedOn":"2026-05-02"}"#)
            let stranger = try await world.call(.post, "/v1/cases/\(otherCase)/subjects", json: #"{"kind":"natural_person","name":"Piet Stranger","role":"owner"}"#)
            let strangerID = try #require(stranger.json["id"] as? String)
            let before = try await world.snapshot()

            let answer = try await world.call(.patch, "/v1/assets/\(assetID)", json: #"{"owners":["\#(strangerID)"]}"#, headers: ["If-Match": #""1""#])

            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["owners[0] subject-of-case"])
            #expect(try await world.snapshot() == before)
        }
    }
}
