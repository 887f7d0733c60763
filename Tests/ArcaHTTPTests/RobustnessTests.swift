import Foundation
import HTTPTypes
import Testing

/// What the API answers when the database refuses, deadlocks or loses a race, and what an
/// Idempotency-Key guarantees on every POST.
@Suite("HTTP: database faults answer problems; every POST replays under its key")
struct RobustnessTests {
    @Test func aRuleOnlyTheDatabaseKnowsIsA422NamingIt() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            try await world.execute("ALTER TABLE asset ADD CONSTRAINT asset_description_not_placeholder CHECK (description <> 'TBD')")
            let before = try await world.snapshot()

            let answer = try await world.call(
                .post, "/v1/cases/\(caseID)/assets", json: #"{"category":"cash","description":"TBD","country":"BE","identifiedOn":"2026-03-20"}"#)

            #expect(answer.status == 422)
            #expect(answer.isProblem)
            #expect(answer.fieldErrors == ["asset asset_description_not_placeholder"])
            #expect(try await world.snapshot() == before)
        }
    }

    @Test(arguments: ["40P01", "40001"])
    func aDeadlockOrSerializationFailureThatPersistsIsA503WithRetryAfter(_ sqlState: String) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            try await world.execute(
                """
                CREATE FUNCTION lose_every_race() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'lost to a concurrent transaction' USING ERRCODE = '\(sqlState)'; END $$;
                CREATE TRIGGER lose_every_race BEFORE INSERT ON asset FOR EACH ROW EXECUTE FUNCTION lose_every_race();
                """)
            let before = try await world.snapshot()

            let answer = try await world.call(.post, "/v1/cases/\(caseID)/assets", json: APIWorld.account)

            #expect(answer.status == 503)
            #expect(answer.isProblem)
            #expect(answer.headers[.retryAfter] == "1")
            #expect(try await world.snapshot() == before)
        }
    }

    @Test(arguments: ["40P01", "40001"])
    func aDeadlockOrSerializationFailureOnceIsRetriedInside(_ sqlState: String) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            // A sequence is not rolled back: the trigger fails the first attempt only.
            try await world.execute(
                """
                CREATE SEQUENCE attempts;
                CREATE FUNCTION lose_the_first_race() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('attempts') = 1 THEN RAISE EXCEPTION 'lost to a concurrent transaction' USING ERRCODE = '\(sqlState)'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER lose_the_first_race BEFORE INSERT ON asset FOR EACH ROW EXECUTE FUNCTION lose_the_first_race();
                """)

            let answer = try await world.call(.post, "/v1/cases/\(caseID)/assets", json: APIWorld.account)

            #expect(answer.status == 201)
            #expect(try await world.count("asset") == 1)
            #expect(try await world.count("asset_event") == 1)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aRealDeadlockIsRetriedInsideAndTheRequestSucceeds() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            // On its first attempt, an asset insert takes advisory lock 1, then 2.
            try await world.execute(
                """
                CREATE SEQUENCE attempts;
                CREATE FUNCTION lock_one_then_two() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('attempts') = 1 THEN PERFORM pg_advisory_xact_lock(1); PERFORM pg_advisory_xact_lock(2); END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER lock_one_then_two BEFORE INSERT ON asset FOR EACH ROW EXECUTE FUNCTION lock_one_then_two();
                """)
            try await world.db.withSuperuserSession { other in
                // Another transaction holds lock 2, and waits long before looking for deadlocks,
                // so that the request's transaction is the one PostgreSQL rolls back.
                _ = try await other.simpleQuery("BEGIN; SET LOCAL deadlock_timeout = '60s'; SELECT pg_advisory_xact_lock(2)")
                let request = Task {
                    try await world.call(
                        .post, "/v1/cases/\(caseID)/assets",
                        json: #"{"category":"cash","description":"Banknotes in a safe","country":"BE","identifiedOn":"2026-03-20"}"#)
                }
                try await world.until("the request waits for lock 2") {
                    try await world.db.pool.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 2 AND NOT granted", [])[0]
                        .decode(Int.self, 0) == 1
                }
                // Lock 1 is the request's: a deadlock, which PostgreSQL resolves by rolling the request back.
                _ = try await other.simpleQuery("SELECT pg_advisory_xact_lock(1); COMMIT")
                let answer = try await request.value

                #expect(answer.status == 201, "\(answer.text)")
            }
            #expect(try await world.count("asset") == 1)
            let attempts = try await world.db.pool.query("SELECT last_value FROM attempts", [])[0].decode(Int.self, 0)
            #expect(attempts == 2, "the deadlock's victim was run again")
        }
    }

    @Test func everyPostReplaysItsFirstAnswerUnderItsKeyAndWritesNothingMore() async throws {
        try await APIWorld.with { world in
            var keys = 0
            /// Sends the request twice under one new key: the second is the first's answer.
            func twice(_ uri: String, _ json: String) async throws -> APIWorld.Answer {
                keys += 1
                let key = ["Idempotency-Key": "replay-\(keys)-\(uri.split(separator: "/").last ?? "")"]
                let first = try await world.call(.post, uri, json: json, headers: key)
                #expect((200...201).contains(first.status), "\(uri): \(first.status) \(first.text)")
                let written = try await world.snapshot()
                let retry = try await world.call(.post, uri, json: json, headers: key)
                #expect(retry.status == first.status, "\(uri)")
                #expect(retry.body == first.body, "\(uri)")
                #expect(retry.headers[.location] == first.headers[.location], "\(uri)")
                #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true", "\(uri)")
                #expect(try await world.snapshot() == written, "\(uri) wrote again on replay")
                return first
            }
            let caseID = try #require(try await twice("/v1/cases", APIWorld.meltwater).json["id"] as? String)
            let subject = try await twice("/v1/cases/\(caseID)/subjects", #"{"kind":"natural_person","name":"Jan Vermeulen","role":"suspect"}"#)
            let subjectID = try #require(subject.json["id"] as? String)
            let asset = try await twice(
                "/v1/cases/\(caseID)/assets",
                #"{"category":"bank_account","description":"Current account at KBC, Brussels","identifiers":{"iban":"BE68 5390 0754 7034"},"country":"BE","owners":["\#(subjectID)"],"estimatedValue":{"amount":"48250.75","currency":"EUR"},"identifiedOn":"2026-03-20"}"#)
            let assetID = try #require(asset.json["id"] as? String)
            _ = try await twice("/v1/assets/\(assetID)/valuations", #"{"valuedOn":"2026-03-25","method":"book","value":{"amount":"48900.00","currency":"EUR"}}"#)
            _ = try await twice("/v1/assets/\(assetID)/events", #"{"action":"trace","occurredOn":"2026-03-26","reason":"bank statement obtained"}"#)
            let history = try await world.call(.get, "/v1/assets/\(assetID)/events")
            let identify = try #require((history.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await twice("/v1/assets/\(assetID)/events/\(identify)/correction", #"{"occurredOn":"2026-03-19","reason":"identified the day before"}"#)
            _ = try await twice("/v1/cases/\(caseID)/shares", #"{"office":"BE-AMO"}"#)
            let freezing = try await twice(
                "/v1/cases/\(caseID)/orders",
                #"{"kind":"freezing","issuingAuthority":"Investigating judge, Brussels","decisionReference":"IJ/2026/77","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)
            let freezingID = try #require(freezing.json["id"] as? String)
            _ = try await twice("/v1/orders/\(freezingID)/execution", #"{"executedOn":"2026-04-03","reason":"bank confirmed the freeze"}"#)
            _ = try await twice("/v1/orders/\(freezingID)/corrections", #"{"step":"decision","on":"2026-04-01","reason":"the order is dated 1 April"}"#)
            let value = try await twice(
                "/v1/cases/\(caseID)/orders",
                #"{"kind":"confiscation","confiscationType":"value","issuingAuthority":"Brussels criminal court","decisionReference":"2026/0412/C","decisionDate":"2026-04-20","coveredAmount":{"amount":"40000.00","currency":"EUR"}}"#)
            _ = try await twice("/v1/orders/\(try #require(value.json["id"] as? String))/finality", #"{"finalOn":"2026-05-02"}"#)
            _ = try await twice("/v1/orders/\(freezingID)/lifting", #"{"liftedOn":"2026-05-03","ground":"acquittal","reason":"acquitted by the criminal court"}"#)
            #expect(keys == 13)
        }
    }

    @Test(arguments: [#"W/"2""#, #""1""#, #""02""#, #""two""#, #""1", "3""#, #""""#, #"W/"?_,2", "1""#])
    func anIfMatchThatNamesNoCurrentVersionIs412(_ ifMatch: String) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            _ = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"status":"tracing"}"#, headers: ["If-Match": #""1""#])
            let before = try await world.snapshot()

            let answer = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"title":"Operation Meltwater II"}"#, headers: ["If-Match": ifMatch])

            #expect(answer.status == 412, "If-Match: \(ifMatch)")
            #expect(answer.fieldErrors == ["If-Match current-version"])
            #expect(try await world.snapshot() == before)
        }
    }

    @Test func anIfMatchListMaySkipEmptyElements() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let answer = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"title":"Operation Meltwater II"}"#, headers: ["If-Match": #""7", , "1","#])
            #expect(answer.status == 200)
        }
    }

    @Test func aFieldSentAsNullThatCannotBeErasedIsRefused() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let before = try await world.snapshot()
            let answer = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"title":null}"#, headers: ["If-Match": "*"])
            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["title type"])
            #expect(try await world.snapshot() == before)
        }
    }

    @Test(arguments: ["2", "", "*, \"2\"", #""2"x"#, "\"caf\u{E9}\""])
    func anIfMatchThatIsNoListOfEntityTagsIsRefusedAsMalformed(_ ifMatch: String) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let before = try await world.snapshot()

            let answer = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"title":"Operation Meltwater II"}"#, headers: ["If-Match": ifMatch])

            #expect(answer.status == 422, "If-Match: \(ifMatch)")
            #expect(answer.fieldErrors == ["If-Match entity-tag"])
            #expect(try await world.snapshot() == before)
        }
    }

    @Test(arguments: [#""2""#, #""1", "2""#, "*", #" "2" "#])
    func anIfMatchThatNamesTheCurrentVersionOrAnyIsAccepted(_ ifMatch: String) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            _ = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"status":"tracing"}"#, headers: ["If-Match": #""1""#])

            let answer = try await world.call(.patch, "/v1/cases/\(caseID)", json: #"{"title":"Operation Meltwater II"}"#, headers: ["If-Match": ifMatch])

            #expect(answer.status == 200, "If-Match: \(ifMatch) \(answer.text)")
            #expect(answer.headers[.eTag] == #""3""#)
        }
    }

    /// A correction read the asset, another change committed before it wrote: with
    /// `If-Match: *` it named no version, so it lost a race (409); with the version it read,
    /// that version is stale (412).
    @Test(.timeLimit(.minutes(10)), arguments: [("*", 409), (#""1""#, 412)])
    func aCorrectionThatLosesARaceIsAConflictUnlessItNamedItsVersion(_ ifMatch: String, _ status: Int) async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let assetID = try await world.addAsset(to: caseID)
            try await world.db.withSuperuserSession { other in
                _ = try await other.simpleQuery("BEGIN; SELECT 1 FROM asset WHERE id = '\(assetID)' FOR UPDATE")
                let request = Task {
                    try await world.call(.patch, "/v1/assets/\(assetID)", json: #"{"description":"Savings account at KBC"}"#, headers: ["If-Match": ifMatch])
                }
                try await world.until("the correction waits for the asset's row") {
                    try await world.db.pool.query(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", [])[0]
                        .decode(Int.self, 0) == 1
                }
                _ = try await other.simpleQuery("UPDATE asset SET version = version + 1 WHERE id = '\(assetID)'; COMMIT")
                let answer = try await request.value

                #expect(answer.status == status, "\(answer.text)")
            }
            let description = try await world.db.pool.query("SELECT description FROM asset", [])[0].decode(String.self, 0)
            #expect(description == "Current account at KBC, Brussels")
        }
    }

    /// The body with one text field replaced, for each text field it has: (path, body).
    static func eachTextField(of body: String, replacedBy text: String) throws -> [(String, String)] {
        func variants(_ value: Any, _ path: String) -> [(String, Any)] {
            switch value {
            case let object as [String: Any]:
                return object.keys.sorted().flatMap { key in
                    variants(object[key]!, path.isEmpty ? key : "\(path).\(key)").map { (field, changed) in
                        var copy = object
                        copy[key] = changed
                        return (field, copy as Any)
                    }
                }
            case let array as [Any]:
                return array.indices.flatMap { index in
                    variants(array[index], "\(path)[\(index)]").map { (field, changed) in
                        var copy = array
                        copy[index] = changed
                        return (field, copy as Any)
                    }
                }
            case let string as String:
                return [(path, string + text)]
            default:
                return []
            }
        }
        return try variants(try JSONSerialization.jsonObject(with: Data(body.utf8)), "").map { field, changed in
            (field, String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self))
        }
    }

    @Test(arguments: ["\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}"])
    func aControlCharacterInAnyTextFieldIsRefusedByName(_ control: String) async throws {
        try await APIWorld.with { world in
            let routes = [(method: HTTPRequest.Method.post, uri: "/v1/cases", body: APIWorld.meltwater)]
                + (try await world.writeRoutes(onCase: try await world.openCase()))
            let before = try await world.snapshot()
            var checked = 0
            for route in routes {
                for (field, body) in try Self.eachTextField(of: route.body, replacedBy: control) {
                    let answer = try await world.call(route.method, route.uri, json: body, headers: route.method == .patch ? ["If-Match": "*"] : [:])
                    #expect(answer.status == 422, "\(route.method) \(route.uri) \(field)")
                    #expect(answer.fieldErrors.contains("\(field) text"), "\(route.method) \(route.uri) \(field): \(answer.fieldErrors)")
                    checked += 1
                }
            }
            #expect(checked > 60)
            #expect(try await world.snapshot() == before)
        }
    }

    @Test func lengthsAreCountedAsTheDatabaseCountsThem() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            // 300 letters, each an "e" and a combining acute accent: 600 code points.
            let decomposed = String(repeating: "e\u{301}", count: 300)
            let before = try await world.snapshot()

            let answer = try await world.call(
                .post, "/v1/cases/\(caseID)/subjects", json: #"{"kind":"natural_person","name":"\#(decomposed)","role":"suspect"}"#)

            #expect(answer.status == 422)
            #expect(answer.fieldErrors == ["name text"])
            #expect((answer.json["errors"] as? [[String: Any]])?.first?["message"] as? String == "the name must have 1 to 300 characters, not 600")
            #expect(try await world.snapshot() == before)
        }
    }

    @Test func anUnknownFieldIsReportedOnEveryWriteRouteAndNothingIsWritten() async throws {
        try await APIWorld.with { world in
            let routes = [(method: HTTPRequest.Method.post, uri: "/v1/cases", body: APIWorld.meltwater)]
                + (try await world.writeRoutes(onCase: try await world.openCase()))
            let before = try await world.snapshot()

            for route in routes {
                let body = String(route.body.dropLast()) + #","priority":"high"}"#
                let answer = try await world.call(route.method, route.uri, json: body, headers: route.method == .patch ? ["If-Match": "*"] : [:])
                #expect(answer.status == 422, "\(route.method) \(route.uri): \(answer.status) \(answer.text)")
                #expect(answer.fieldErrors.first == "priority unknown-field", "\(route.method) \(route.uri): \(answer.fieldErrors)")
            }

            #expect(try await world.snapshot() == before)
        }
    }

    @Test(arguments: [
        ("/v1/cases", ["status", "offence", "assetCategory", "country", "openedFrom", "openedTo", "q", "cursor"]),
        ("/v1/assets", ["case", "category", "country", "state", "identifiedFrom", "identifiedTo", "q", "valueMissing", "cursor"]),
        ("/v1/audit-entries", ["entity", "entityId", "actor", "kind", "operation", "from", "to", "cursor"]),
    ])
    func aControlCharacterInAnyQueryParameterIsRefusedByName(_ path: String, _ parameters: [String]) async throws {
        try await APIWorld.with { world in
            let before = try await world.snapshot()
            for parameter in parameters {
                let answer = try await world.call(.get, "\(path)?\(parameter)=x%00y", as: path == "/v1/audit-entries" ? "auditor" : "officer")
                #expect(answer.status == 422, "\(path) \(parameter): \(answer.text)")
                #expect(answer.fieldErrors.first?.hasPrefix("\(parameter) ") == true, "\(path) \(parameter): \(answer.fieldErrors)")
            }
            #expect(try await world.snapshot() == before)
        }
    }

    @Test func aTitleOrANameIsOneLineWhileADescriptionOrAReasonMayRunOverLines() async throws {
        try await APIWorld.with { world in
            let twoLineTitle = try await world.call(
                .post, "/v1/cases", json: #"{"title":"Operation\nMeltwater","offences":["fraud"],"openedOn":"2026-03-14"}"#)
            #expect(twoLineTitle.fieldErrors == ["title text"])
            let caseID = try await world.openCase()
            let subject = try await world.call(
                .post, "/v1/cases/\(caseID)/subjects", json: #"{"kind":"natural_person","name":"Jan\u2028Vermeulen","role":"suspect"}"#)
            #expect(subject.fieldErrors == ["name text"])

            let asset = try await world.call(
                .post, "/v1/cases/\(caseID)/assets",
                json: #"{"category":"cash","description":"Banknotes in a safe\r\nfound in the cellar","country":"BE","identifiedOn":"2026-03-20"}"#)

            #expect(asset.status == 201)
            #expect(asset.json["description"] as? String == "Banknotes in a safe\nfound in the cellar")
        }
    }
}
