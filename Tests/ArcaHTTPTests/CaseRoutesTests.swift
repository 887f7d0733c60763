import ArcaApplication
import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: /v1/cases")
struct CaseRoutesTests {
    @Test func creatingACaseAnswers201WithItsIdReferenceLocationAndETag() async throws {
        try await APIWorld.with { world in
            let answer = try await world.attempt(.post, "/v1/cases", json: APIWorld.meltwater)
            #expect(answer.status == 201)
            let id = try #require(answer.json["id"] as? String)
            #expect(answer.json["reference"] as? String == "BE-2026-000001")
            #expect(answer.json["openedOn"] as? String == "2026-03-14")
            #expect(answer.json["offences"] as? [String] == ["money_laundering", "fraud"])
            #expect(answer.headers[.location] == "/v1/cases/\(id)")
            #expect(answer.headers[.eTag] == "\"1\"")
            let created = try #require(answer.json["createdAt"] as? String)
            #expect(created.hasSuffix("Z"))
        }
    }

    @Test func readingACaseShowsItsSubjectsWithAnETag() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let subject = try await world.attempt(
                .post, "/v1/cases/\(id)/subjects",
                json: #"{"kind":"natural_person","name":"Jan Vermeulen","role":"suspect","birthDate":"1979-06-02","nationality":"BE"}"#)
            #expect(subject.status == 201)

            let answer = try await world.attempt(.get, "/v1/cases/\(id)", as: "analyst")
            #expect(answer.status == 200)
            #expect(answer.headers[.eTag] == "\"1\"")
            #expect(answer.json["title"] as? String == "Operation Meltwater")
            let subjects = try #require(answer.json["subjects"] as? [[String: Any]])
            #expect(subjects.map { $0["name"] as? String } == ["Jan Vermeulen"])
            #expect(answer.json["sharedWith"] as? [String] == [])
        }
    }

    @Test func withoutAValidTokenEveryRouteIs401() async throws {
        try await APIWorld.with { world in
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/cases"), (.post, "/v1/cases"), (.get, "/v1/vocabularies")] {
                let anonymous = try await world.attempt(method, uri, as: nil)
                #expect(anonymous.status == 401)
                #expect(anonymous.isProblem)
                #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                let forged = try await world.attempt(
                    method, uri, as: nil, headers: ["Authorization": "Bearer arca_" + String(repeating: "f", count: 64)])
                #expect(forged.status == 401)
            }
        }
    }

    @Test func anAddressThatKeepsPresentingBadTokensIsToldToWaitWith429AndRetryAfter() async throws {
        try await APIWorld.with { world in
            let forged = ["Authorization": "Bearer arca_" + String(repeating: "e", count: 64)]
            for _ in 1...SignInAttempts.allowed {
                #expect(try await world.attempt(.get, "/v1/cases", as: nil, headers: forged).status == 401)
            }
            let refused = try await world.attempt(.get, "/v1/cases", as: nil, headers: forged)
            #expect(refused.status == 429)
            #expect(refused.isProblem)
            #expect(Int(refused.headers[.retryAfter] ?? "").map { (1...60).contains($0) } == true)
        }
    }

    /// What each role may do with a case of its own office: officers record, liaison
    /// officers and analysts read, auditors and administrators see no case at all.
    static let matrix: [(role: String, read: Int, list: Int, create: Int, update: Int, addSubject: Int, share: Int, readSubject: Int, updateSubject: Int)] = [
        ("officer", 200, 200, 201, 200, 201, 200, 200, 200),
        ("liaison", 200, 200, 403, 403, 403, 403, 200, 403),
        ("analyst", 200, 200, 403, 403, 403, 403, 200, 403),
        ("auditor", 403, 403, 403, 403, 403, 403, 403, 403),
        ("admin", 403, 403, 403, 403, 403, 403, 403, 403),
    ]

    @Test(arguments: matrix.indices)
    func eachRoleMayDoWhatItsDutiesNeed(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let role = expected.role
            #expect(try await world.attempt(.get, "/v1/cases/\(id)", as: role).status == expected.read, "read as \(role)")
            #expect(try await world.attempt(.get, "/v1/cases", as: role).status == expected.list, "list as \(role)")
            #expect(try await world.attempt(.post, "/v1/cases", as: role, json: APIWorld.meltwater).status == expected.create, "create as \(role)")
            #expect(
                try await world.attempt(.patch, "/v1/cases/\(id)", as: role, json: #"{"status":"tracing"}"#, headers: ["If-Match": "\"1\""]).status
                    == expected.update, "update as \(role)")
            #expect(
                try await world.attempt(.post, "/v1/cases/\(id)/subjects", as: role, json: #"{"kind":"legal_person","name":"Vermeulen BV","role":"owner"}"#)
                    .status == expected.addSubject, "add subject as \(role)")
            #expect(
                try await world.attempt(.post, "/v1/cases/\(id)/shares", as: role, json: #"{"office":"BE-AMO"}"#).status == expected.share,
                "share as \(role)")
            #expect(try await world.attempt(.get, "/v1/vocabularies", as: role).status == 200, "vocabularies as \(role)")
            let subject = try await world.attempt(
                .post, "/v1/cases/\(id)/subjects", json: #"{"kind":"natural_person","name":"Jan Vermeulen","role":"suspect"}"#)
            let subjectID = try #require(subject.json["id"] as? String)
            #expect(try await world.attempt(.get, "/v1/subjects/\(subjectID)", as: role).status == expected.readSubject, "read subject as \(role)")
            #expect(
                try await world.attempt(.patch, "/v1/subjects/\(subjectID)", as: role, json: #"{"role":"accused"}"#, headers: ["If-Match": "\"1\""])
                    .status == expected.updateSubject, "update subject as \(role)")
        }
    }

    @Test func aSubjectIsCorrectedAgainstItsETagAndAFieldSentAsNullIsErased() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let added = try await world.attempt(
                .post, "/v1/cases/\(id)/subjects",
                json: #"{"kind":"natural_person","name":"Jan Vermeulen","role":"suspect","birthDate":"1979-05-14","nationality":"BE"}"#)
            let subjectID = try #require(added.json["id"] as? String)
            #expect(added.headers[.eTag] == "\"1\"")

            let corrected = try await world.attempt(
                .patch, "/v1/subjects/\(subjectID)", json: #"{"role":"convicted_person","nationality":null,"name":"Jan Vermeulen-Claes"}"#,
                headers: ["If-Match": "\"1\""])

            #expect(corrected.status == 200)
            #expect(corrected.json["role"] as? String == "convicted_person")
            #expect(corrected.json["name"] as? String == "Jan Vermeulen-Claes")
            #expect(corrected.json["nationality"] == nil)
            #expect(corrected.json["birthDate"] as? String == "1979-05-14")
            #expect(corrected.headers[.eTag] == "\"2\"")
            let reread = try await world.attempt(.get, "/v1/subjects/\(subjectID)")
            #expect(reread.json["role"] as? String == "convicted_person")
            #expect(reread.json["nationality"] == nil)
            #expect(reread.json["version"] as? Int == 2)
            let stale = try await world.attempt(.patch, "/v1/subjects/\(subjectID)", json: #"{"role":"accused"}"#, headers: ["If-Match": "\"1\""])
            #expect(stale.status == 412)
            let wrongKind = try await world.attempt(.patch, "/v1/subjects/\(subjectID)", json: #"{"seat":"LU"}"#, headers: ["If-Match": "\"2\""])
            #expect(wrongKind.status == 422)
            #expect((wrongKind.json["errors"] as? [[String: Any]])?.first?["rule"] as? String == "natural-person")
            let hidden = try await world.attempt(.get, "/v1/subjects/\(subjectID)", as: "amo")
            #expect(hidden.status == 404)
        }
    }

    @Test func theVocabulariesListDisposalOutcomesLiftingGroundsCountriesAndCurrencies() async throws {
        try await APIWorld.with { world in
            let answer = try await world.attempt(.get, "/v1/vocabularies")
            #expect((answer.json["disposalOutcomes"] as? [String])?.contains("social_reuse") == true)
            #expect((answer.json["liftingGrounds"] as? [String])?.contains("replaced_by_confirming_order") == true)
            #expect((answer.json["countries"] as? [String])?.count == 250)
            #expect((answer.json["currencies"] as? [String])?.contains("MNT") == true)
            #expect((answer.json["valuationMethods"] as? [String])?.contains("estimate") == true)
            #expect((answer.json["managementKinds"] as? [String]) == ["custody", "cost"])
            #expect((answer.json["recoverySources"] as? [String])?.contains("funds_from_another_state") == true)
            #expect((answer.json["recoveryDestinations"] as? [String])?.contains("victim_compensation") == true)
            #expect((answer.json["offenceCategories"] as? [String])?.contains("sexual_exploitation_of_women_and_children") == true)
        }
    }

    @Test func theCriminalFileReferenceIsErasedBySendingNull() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let cleared = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"criminalFileReference":null}"#, headers: ["If-Match": "\"1\""])
            #expect(cleared.status == 200)
            #expect(cleared.json["criminalFileReference"] == nil)
            let read = try await world.attempt(.get, "/v1/cases/\(id)")
            #expect(read.json["criminalFileReference"] == nil)
            let wrongType = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"criminalFileReference":12}"#, headers: ["If-Match": "\"2\""])
            #expect(wrongType.status == 422)
        }
    }

    @Test func anotherOfficesCaseIsNotFoundAndNotListed() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let read = try await world.attempt(.get, "/v1/cases/\(id)", as: "amo")
            #expect(read.status == 404)
            #expect(read.isProblem)
            let update = try await world.attempt(.patch, "/v1/cases/\(id)", as: "amo", json: #"{"title":"Taken over"}"#, headers: ["If-Match": "\"1\""])
            #expect(update.status == 404)
            let subject = try await world.attempt(.post, "/v1/cases/\(id)/subjects", as: "amo", json: #"{"kind":"legal_person","name":"X BV","role":"owner"}"#)
            #expect(subject.status == 404)
            let list = try await world.attempt(.get, "/v1/cases", as: "amo")
            #expect((list.json["items"] as? [Any])?.isEmpty == true)
            // an unknown id answers the same as a hidden one
            let unknown = try await world.attempt(.get, "/v1/cases/\(UUID().uuidString.lowercased())", as: "amo")
            #expect(unknown.status == 404)
            #expect(try await world.count("subject") == 0)
        }
    }

    @Test func sharingACaseLetsTheOtherOfficeReadIt() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let share = try await world.attempt(.post, "/v1/cases/\(id)/shares", json: #"{"office":"BE-AMO"}"#)
            #expect(share.status == 200)
            #expect(share.json["sharedWith"] as? [String] == ["BE-AMO"])
            #expect(try await world.attempt(.get, "/v1/cases/\(id)", as: "amo").status == 200)
            let update = try await world.attempt(.patch, "/v1/cases/\(id)", as: "amo", json: #"{"title":"Taken over"}"#, headers: ["If-Match": "\"1\""])
            #expect(update.status == 403)
        }
    }

    @Test func anUpdateWithoutIfMatchIs428() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let answer = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"tracing"}"#)
            #expect(answer.status == 428)
            #expect(answer.fieldErrors == ["If-Match required"])
        }
    }

    @Test func anUpdateAnswersTheNewETag() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let answer = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"tracing"}"#, headers: ["If-Match": "\"1\""])
            #expect(answer.status == 200)
            #expect(answer.headers[.eTag] == "\"2\"")
            #expect(answer.json["status"] as? String == "tracing")
        }
    }

    @Test func twoUpdatesWithTheSameETagCannotBothSucceed() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            async let first = world.call(.patch, "/v1/cases/\(id)", json: #"{"title":"Edit A"}"#, headers: ["If-Match": "\"1\""])
            async let second = world.call(.patch, "/v1/cases/\(id)", json: #"{"title":"Edit B"}"#, headers: ["If-Match": "\"1\""])
            let statuses = try await [first.status, second.status].sorted()
            #expect(statuses == [200, 412])
        }
    }

    @Test func anIllegalStatusMoveIs409() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            _ = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"closed"}"#, headers: ["If-Match": "\"1\""])
            let answer = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"tracing"}"#, headers: ["If-Match": "\"2\""])
            #expect(answer.status == 409)
            #expect((answer.json["detail"] as? String)?.contains("closed") == true)
        }
    }

    @Test func theSameIdempotencyKeyAndBodyReplaysTheFirstAnswer() async throws {
        try await APIWorld.with { world in
            let key = ["Idempotency-Key": "create-meltwater-7f3a"]
            let first = try await world.attempt(.post, "/v1/cases", json: APIWorld.meltwater, headers: key)
            let second = try await world.attempt(.post, "/v1/cases", json: APIWorld.meltwater, headers: key)
            #expect(first.status == 201)
            #expect(second.status == 201)
            #expect(second.text == first.text)
            #expect(second.headers[.location] == first.headers[.location])
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await world.count("case_file") == 1)
        }
    }

    @Test func theSameIdempotencyKeyWithAnotherBodyIsAConflict() async throws {
        try await APIWorld.with { world in
            let key = ["Idempotency-Key": "create-meltwater-7f3a"]
            _ = try await world.attempt(.post, "/v1/cases", json: APIWorld.meltwater, headers: key)
            let other = try await world.attempt(
                .post, "/v1/cases", json: #"{"title":"Another case","offences":["fraud"],"openedOn":"2026-03-15"}"#, headers: key)
            #expect(other.status == 409)
            #expect(other.fieldErrors == ["Idempotency-Key idempotency-key-reuse"])
            #expect(try await world.count("case_file") == 1)
        }
    }

    @Test func aFailedRequestDoesNotUseUpItsIdempotencyKey() async throws {
        try await APIWorld.with { world in
            let key = ["Idempotency-Key": "retry-after-fix"]
            let failed = try await world.attempt(.post, "/v1/cases", json: #"{"title":"Operation Meltwater"}"#, headers: key)
            #expect(failed.status == 422)
            let fixed = try await world.attempt(.post, "/v1/cases", json: APIWorld.meltwater, headers: key)
            #expect(fixed.status == 201)
        }
    }

    @Test func listsPageWithACursorUntilNextIsNull() async throws {
        try await APIWorld.with { world in
            for day in 1...5 {
                _ = try await world.openCase(#"{"title":"Case \#(day)","offences":["fraud"],"openedOn":"2026-01-0\#(day)"}"#)
            }
            var titles: [String] = []
            var uri = "/v1/cases?limit=2"
            while true {
                let page = try await world.attempt(.get, uri, as: "analyst")
                #expect(page.status == 200)
                titles += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
                guard let next = page.json["next"] as? String else {
                    #expect(page.json.keys.contains("next"))
                    break
                }
                uri = "/v1/cases?limit=2&cursor=\(next)"
            }
            #expect(titles == ["Case 5", "Case 4", "Case 3", "Case 2", "Case 1"])
        }
    }

    @Test func listsFilterByQueryParameters() async throws {
        try await APIWorld.with { world in
            _ = try await world.openCase()
            _ = try await world.openCase(#"{"title":"Harbour cocaine proceeds","offences":["drug_trafficking"],"openedOn":"2025-09-12"}"#)
            let drugs = try await world.attempt(.get, "/v1/cases?offence=drug_trafficking&openedFrom=2025-01-01", as: "analyst")
            #expect((drugs.json["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Harbour cocaine proceeds"])
            let text = try await world.attempt(.get, "/v1/cases?q=meltwater", as: "analyst")
            #expect((text.json["items"] as? [[String: Any]])?.count == 1)
            let bad = try await world.attempt(.get, "/v1/cases?status=lost&limit=0", as: "analyst")
            #expect(bad.status == 422)
            #expect(bad.fieldErrors == ["limit range", "status case-status"])
        }
    }

    @Test func aCaseShowsItsReviewDayAndTheCasesDueAreListed() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let read = try await world.attempt(.get, "/v1/cases/\(id)")
            #expect((read.json["reviewOn"] as? String)?.count == 10)
            #expect((try await world.attempt(.get, "/v1/cases?reviewDue=true").json["items"] as? [Any])?.count == 0)
            try await world.execute("UPDATE case_retention SET review_on = '2023-05-02' WHERE case_id = '\(id)'")
            let due = try await world.attempt(.get, "/v1/cases?reviewDue=true")
            #expect((due.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])
            let bad = try await world.attempt(.get, "/v1/cases?reviewDue=yes")
            #expect(bad.status == 422)
            #expect(bad.fieldErrors == ["reviewDue boolean"])
        }
    }

    @Test func aReviewKeepsTheCaseAndAnErasureOfAClosedCaseBlanksItsSubjects() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let subject = try await world.attempt(
                .post, "/v1/cases/\(id)/subjects", json: #"{"kind":"natural_person","name":"Jan Vermeulen","role":"convicted_person","nationality":"BE"}"#)
            let subjectID = try #require(subject.json["id"] as? String)
            let kept = try await world.attempt(.post, "/v1/cases/\(id)/review", json: #"{"reason":"appeal pending"}"#)
            #expect(kept.status == 200)
            #expect(kept.json["reviewOn"] is String)
            let open = try await world.attempt(.post, "/v1/cases/\(id)/erasure", json: #"{"reason":"no longer needed"}"#)
            #expect(open.status == 409)
            #expect(open.isProblem)
            _ = try await world.attempt(.patch, "/v1/cases/\(id)", json: #"{"status":"closed"}"#, headers: ["If-Match": "*"])
            let erased = try await world.attempt(.post, "/v1/cases/\(id)/erasure", json: #"{"reason":"no longer needed"}"#)
            #expect(erased.status == 200)
            #expect(erased.json["subjectsErased"] as? Int == 1)
            #expect((erased.json["case"] as? [String: Any])?["erasedAt"] is String)
            let after = try await world.attempt(.get, "/v1/subjects/\(subjectID)")
            #expect(after.json["name"] as? String == "[erased]")
            #expect(after.json["nationality"] == nil)
            #expect(after.json["role"] as? String == "convicted_person")
        }
    }

    @Test func aReviewDecisionNamesItsMissingReason() async throws {
        try await APIWorld.with { world in
            let id = try await world.openCase()
            let answer = try await world.attempt(.post, "/v1/cases/\(id)/review", json: "{}")
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["reason required"])
        }
    }
}
