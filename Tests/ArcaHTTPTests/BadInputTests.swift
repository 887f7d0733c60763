import Foundation
import HTTPTypes
import Testing

/// Whatever a client sends, the answer is a 4xx problem document naming the field and the
/// rule, and nothing is written.
@Suite("HTTP: bad input is refused with problem+json and leaves nothing behind")
struct BadInputTests {
    static let megabyte = String(repeating: "A", count: 1_048_576)

    static let cases: [(name: String, body: String, status: Int, errors: [String])] = [
        ("missing fields", #"{}"#, 422, ["title required", "offences required", "openedOn required"]),
        ("wrong types", #"{"title":42,"offences":"fraud","openedOn":true}"#, 422, ["title type", "offences type", "openedOn type"]),
        ("a number inside the offences", #"{"title":"T","offences":["fraud",7],"openedOn":"2026-01-01"}"#, 422, ["offences[1] type"]),
        ("unknown codes", #"{"title":"T","offences":["jaywalking"],"openedOn":"2026-01-01","origin":"rumour"}"#, 422, ["offences[0] offence-category", "origin case-origin"]),
        ("an impossible date", #"{"title":"T","offences":["fraud"],"openedOn":"2026-02-30"}"#, 422, ["openedOn date"]),
        ("a 1 MB title", #"{"title":"\#(megabyte)","offences":["fraud"],"openedOn":"2026-01-01"}"#, 422, ["title text"]),
        ("an unknown field", #"{"title":"T","offences":["fraud"],"openedOn":"2026-01-01","priority":"high"}"#, 422, ["priority unknown-field"]),
        ("a misspelt field", #"{"tittle":"T","offences":["fraud"],"openedOn":"2026-01-01"}"#, 422, ["tittle unknown-field", "title required"]),
        (
            "an unknown field and a bad value", #"{"title":"T","offences":["jaywalking"],"openedOn":"2026-01-01","priority":"high"}"#, 422,
            ["priority unknown-field", "offences[0] offence-category"]
        ),
        ("a wrong type is one mistake, not two", #"{"title":42,"offences":["fraud"],"openedOn":"2026-01-01"}"#, 422, ["title type"]),
        ("not JSON", #"title=T"#, 400, ["body json"]),
        ("a JSON array", #"[{"title":"T"}]"#, 400, ["body json-object"]),
        ("an empty body", "", 400, ["body json"]),
        ("a control character in the title", #"{"title":"T\u0007","offences":["fraud"],"openedOn":"2026-01-01"}"#, 422, ["title text"]),
    ]

    @Test(arguments: cases.indices)
    func aBadCaseIsRefusedAndNothingIsWritten(_ index: Int) async throws {
        let bad = Self.cases[index]
        try await APIWorld.with { world in
            let answer = try await world.call(.post, "/v1/cases", json: bad.body)
            #expect(answer.status == bad.status, "\(bad.name)")
            #expect(answer.isProblem, "\(bad.name)")
            #expect(answer.fieldErrors == bad.errors, "\(bad.name)")
            #expect(try await world.count("case_file") == 0)
            #expect(try await world.count("audit_entry WHERE operation = 'CreateCase'") == 0)
        }
    }

    @Test func invalidUTF8IsRefused() async throws {
        try await APIWorld.with { world in
            var bytes = Array(#"{"title":"Op"#.utf8)
            bytes += [0xC3, 0x28, 0xFF]
            bytes += Array(#"","offences":["fraud"],"openedOn":"2026-01-01"}"#.utf8)
            let answer = try await world.call(.post, "/v1/cases", bytes: bytes)
            #expect(answer.status == 400)
            #expect(answer.fieldErrors == ["body json"])
            #expect(try await world.count("case_file") == 0)
        }
    }

    @Test func aBodyOverTheUploadLimitIs413() async throws {
        try await APIWorld.with { world in
            let huge = #"{"title":""# + String(repeating: "A", count: 3 * 1_048_576) + #"","offences":["fraud"],"openedOn":"2026-01-01"}"#
            let answer = try await world.call(.post, "/v1/cases", json: huge)
            #expect(answer.status == 413)
            #expect(answer.isProblem)
            #expect(try await world.count("case_file") == 0)
        }
    }

    @Test func aBadSubjectNamesEachFieldAndRule() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let answer = try await world.call(
                .post, "/v1/cases/\(id)/subjects", json: #"{"kind":"natural_person","name":"Jan","role":"mastermind","nationality":"Belgium","seat":"BE"}"#)
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["role subject-role", "seat natural-person", "nationality country-code"])
            #expect(try await world.count("subject") == 0)
        }
    }

    @Test func aPathIdThatIsNoUUIDIs404() async throws {
        try await APIWorld.with { world in
            let answer = try await world.call(.get, "/v1/cases/BE-2026-000001")
            #expect(answer.status == 404)
            #expect(answer.isProblem)
        }
    }
}
