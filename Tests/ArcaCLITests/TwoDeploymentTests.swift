import ArcaTestSupport
import Foundation
import FoundationNetworking
import LibPQ
import Testing

/// Two ARCA deployments, each a real `arca serve` with its own database: Belgium's (the test
/// world's) and the Netherlands', partners of each other.
struct Partnership {
    let be: [String: String]
    let nl: [String: String]
    let bePort: Int
    let nlPort: Int
    let beDatabase: FreshDatabase
    let nlDatabase: FreshDatabase
    static let nlLiaison = "j.bakker"
    static let nlOfficer = "m.jansen"

    static func with(_ body: (Partnership) async throws -> Void) async throws {
        try await withOfficer { be, beDatabase in
            try await TestDatabase.withFresh { nlDatabase in
                let nl = ["DATABASE_URL": nlDatabase.url]
                for command in [
                    ["office", "add", "NL-ARO", "--state", "NL", "--name", "Dutch ARO (FIOD)"],
                    ["user", "add", nlLiaison, "--role", "liaison", "--office", "NL-ARO", "--os-account", TestWorld.osAccount],
                    ["user", "add", nlOfficer, "--role", "officer", "--office", "NL-ARO", "--os-account", TestWorld.osAccount],
                ] {
                    let result = try ArcaProcess.run(command, environment: nl)
                    #expect(result.status == 0, "\(result.stderr)")
                }
                let partnership = Partnership(
                    be: be, nl: nl.merging(["ARCA_USER": nlLiaison]) { _, new in new }, bePort: TestDatabase.freePort(),
                    nlPort: TestDatabase.freePort(), beDatabase: beDatabase, nlDatabase: nlDatabase)
                let beKey = try partnership.initialise(be, office: "BE-ARO")
                let nlKey = try partnership.initialise(nl, office: "NL-ARO")
                try partnership.register(on: be, state: "NL", office: "NL-ARO", port: partnership.nlPort, key: nlKey)
                try partnership.register(on: nl, state: "BE", office: "BE-ARO", port: partnership.bePort, key: beKey)
                try await body(partnership)
            }
        }
    }

    private func initialise(_ env: [String: String], office: String) throws -> String {
        let result = try ArcaProcess.run(["exchange", "init", "--office", office, "--json"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(json(result.stdout)["publicKey"] as? String)
    }

    private func register(on env: [String: String], state: String, office: String, port: Int, key: String) throws {
        let result = try ArcaProcess.run(
            [
                "exchange", "partner", "add", "--state", state, "--office", office, "--inbox-url", "http://127.0.0.1:\(port)/v1/exchange/inbox",
                "--public-key", key,
            ], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
    }

    func serveBE() async throws -> ServedArca {
        let server = try ServedArca(port: bePort, environment: be)
        try await server.ready()
        return server
    }

    func serveNL() async throws -> ServedArca {
        let server = try ServedArca(port: nlPort, environment: nl)
        try await server.ready()
        return server
    }

    /// A Belgian liaison officer's urgent request to the Dutch office, drafted and sent; its id.
    func sendUrgentRequest(about what: String) throws -> String {
        let created = try ArcaProcess.run(
            ["case", "create", "--title", "Operation Meltwater", "--offence", "money_laundering", "--opened-on", "2026-03-14", "--json"], environment: be)
        let caseID = try #require(json(created.stdout)["id"] as? String)
        let liaison = TestWorld.userName("liaison")
        let drafted = try ArcaProcess.run(
            [
                "requests", "add", "--direction", "outgoing", "--case", caseID, "--counterpart-state", "NL", "--counterpart-office", "NL-ARO",
                "--channel", "arca", "--urgent", "--urgency-reason", "funds about to leave for a third country", "--directly-accessible",
                "--information-sought", what, "--as", liaison, "--json",
            ], environment: be)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let requestID = try #require(json(drafted.stdout)["id"] as? String)
        let sent = try ArcaProcess.run(["requests", "move", requestID, "send", "--as", liaison], environment: be)
        #expect(sent.status == 0, "\(sent.stderr)")
        return requestID
    }

    /// A Belgian confiscation of EUR 120,000 in value, sent to the Dutch office directly as a
    /// confiscation certificate; the certificate's id.
    func sendConfiscationCertificate() throws -> String {
        let created = try ArcaProcess.run(
            ["case", "create", "--title", "Operation Meltwater", "--offence", "money_laundering", "--opened-on", "2026-03-14", "--json"], environment: be)
        let caseID = try #require(json(created.stdout)["id"] as? String)
        let ordered = try ArcaProcess.run(
            [
                "order", "create", "--case", caseID, "--kind", "confiscation", "--type", "value", "--authority", "Brussels criminal court",
                "--decision-reference", "2026/0412/C", "--decision-date", "2026-06-10", "--amount", "120000.00", "--json",
            ], environment: be)
        #expect(ordered.status == 0, "\(ordered.stderr)")
        let orderID = try #require(json(ordered.stdout)["id"] as? String)
        let liaison = TestWorld.userName("liaison")
        let drafted = try ArcaProcess.run(
            [
                "certificates", "issue", "--order", orderID, "--counterpart-state", "NL", "--counterpart-office", "NL-ARO", "--channel", "arca",
                "--as", liaison, "--json",
            ], environment: be)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let certificateID = try #require(json(drafted.stdout)["id"] as? String)
        let sent = try ArcaProcess.run(["certificates", "move", certificateID, "send", "--as", liaison], environment: be)
        #expect(sent.status == 0, "\(sent.stderr)")
        return certificateID
    }

    /// The Dutch office's incoming requests, as its liaison officer lists them.
    func incomingAtNL() throws -> [[String: Any]] {
        let listed = try ArcaProcess.run(["requests", "list", "--direction", "incoming", "--json"], environment: nl)
        return json(listed.stdout)["items"] as? [[String: Any]] ?? []
    }

    func count(_ database: FreshDatabase, _ sql: String) async throws -> Int {
        try await database.pool.query(sql).first?.decode(Int.self, 0) ?? -1
    }
}

@Suite("two deployments exchange requests and certificates directly")
struct TwoDeploymentTests {
    @Test func anUrgentRequestFromBelgiumArrivesInTheNetherlandsWithItsEightHourClockAndTheReplyComesBack() async throws {
        try await Partnership.with { deployments in
            let beServer = try await deployments.serveBE()
            let nlServer = try await deployments.serveNL()
            defer {
                beServer.kill()
                nlServer.kill()
            }
            // given an urgent request for directly accessible information, sent by Belgium
            let requestID = try deployments.sendUrgentRequest(about: "balances of NL91 ABNA 0417 1643 00")
            // then the Dutch office has it as incoming, with an 8-hour deadline from its receipt
            try await eventually("the request reaches the Netherlands") { try deployments.incomingAtNL().count == 1 }
            let incoming = try #require(try deployments.incomingAtNL().first)
            let deadline = try #require(incoming["deadline"] as? [String: Any])
            #expect(deadline["period"] as? String == "PT8H")
            let receivedAt = try #require((incoming["receivedAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect((deadline["dueAt"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) } == receivedAt.addingTimeInterval(8 * 3600))
            #expect(deadline["rule"] as? String == "information_urgent_direct")
            #expect(incoming["externalReference"] as? String == requestID)
            #expect(incoming["counterpartState"] as? String == "BE" && incoming["counterpartOffice"] as? String == "BE-ARO")
            #expect(incoming["informationSought"] as? String == "balances of NL91 ABNA 0417 1643 00")
            let incomingID = try #require(incoming["id"] as? String)

            // when the Dutch liaison officer triages and answers it
            for move in [["triage"], ["answer_in_full", "--reason", "two accounts; balances EUR 48,250.75 and EUR 1,310.00 on 4 December"]] {
                let moved = try ArcaProcess.run(["requests", "move", incomingID] + move, environment: deployments.nl)
                #expect(moved.status == 0, "\(moved.stderr)")
            }
            // then the Belgian request shows answered, with the reply
            try await eventually("the reply reaches Belgium") {
                let shown = try ArcaProcess.run(["requests", "show", requestID, "--json"], environment: deployments.be)
                return json(shown.stdout)["state"] as? String == "answered_in_full"
            }
            let shown = try ArcaProcess.run(["requests", "show", requestID], environment: deployments.be)
            #expect(shown.stdout.contains("answer_in_full  sent -> answered_in_full  partner:NL/NL-ARO  two accounts"), "\(shown.stdout)")
            let deliveries = try ArcaProcess.run(["exchange", "deliveries", "--request", requestID, "--json"], environment: deployments.be)
            #expect((json(deliveries.stdout)["items"] as? [[String: Any]])?.map { $0["status"] as? String } == ["delivered"])
        }
    }

    @Test func aConfiscationCertificateFromBelgiumIsRecordedInTheNetherlandsAndItsRecognitionComesBack() async throws {
        try await Partnership.with { deployments in
            let beServer = try await deployments.serveBE()
            let nlServer = try await deployments.serveNL()
            defer {
                beServer.kill()
                nlServer.kill()
            }
            // given a confiscation certificate Belgium sends directly
            let certificateID = try deployments.sendConfiscationCertificate()
            // then the Dutch office has it as incoming, on no case yet, with its 45-day clock and the Belgian order described
            func incoming() throws -> [[String: Any]] {
                let listed = try ArcaProcess.run(["certificates", "list", "--direction", "incoming", "--json"], environment: deployments.nl)
                return json(listed.stdout)["items"] as? [[String: Any]] ?? []
            }
            try await eventually("the certificate reaches the Netherlands") { try incoming().count == 1 }
            let certificate = try #require(try incoming().first)
            let incomingID = try #require(certificate["id"] as? String)
            #expect(certificate["caseId"] == nil && certificate["externalReference"] as? String == certificateID)
            #expect((certificate["deadline"] as? [String: Any])?["period"] as? String == "P45D")
            #expect((certificate["orderDescribed"] as? [String: Any])?["decisionReference"] as? String == "2026/0412/C")

            // when a Dutch officer opens a case for it and records the Belgian order, and the liaison officer links and recognises it
            let officer = ["--as", Partnership.nlOfficer]
            let opened = try ArcaProcess.run(
                ["case", "create", "--title", "Meltwater (BE)", "--offence", "money_laundering", "--opened-on", "2026-11-29", "--from-certificate", incomingID, "--json"]
                    + officer, environment: deployments.nl)
            #expect(opened.status == 0 && json(opened.stdout)["origin"] as? String == "incoming_certificate", "\(opened.stderr)")
            let caseID = try #require(json(opened.stdout)["id"] as? String)
            let ordered = try ArcaProcess.run(
                [
                    "order", "create", "--case", caseID, "--kind", "confiscation", "--type", "value", "--issuing-state", "BE", "--authority",
                    "Brussels criminal court", "--decision-reference", "2026/0412/C", "--decision-date", "2026-06-10", "--amount", "120000.00", "--json",
                ] + officer, environment: deployments.nl)
            #expect(ordered.status == 0, "\(ordered.stderr)")
            let orderID = try #require(json(ordered.stdout)["id"] as? String)
            let linked = try ArcaProcess.run(["certificates", "link", incomingID, "--order", orderID], environment: deployments.nl)
            #expect(linked.status == 0, "\(linked.stderr)")
            let recognised = try ArcaProcess.run(["certificates", "move", incomingID, "recognise", "--reason", "no ground for refusal"], environment: deployments.nl)
            #expect(recognised.status == 0, "\(recognised.stderr)")
            // then the Belgian certificate shows it recognised by the Dutch office
            try await eventually("the recognition reaches Belgium") {
                let shown = try ArcaProcess.run(["certificates", "show", certificateID, "--json"], environment: deployments.be)
                return json(shown.stdout)["state"] as? String == "recognised"
            }
            let shown = try ArcaProcess.run(["certificates", "show", certificateID], environment: deployments.be)
            #expect(shown.stdout.contains("recognise  sent -> recognised  partner:NL/NL-ARO  no ground for refusal"), "\(shown.stdout)")
        }
    }

    @Test func aMessageSentWhileThePartnerIsDownArrivesOnceItIsBackAndOnlyOnce() async throws {
        try await Partnership.with { deployments in
            let beServer = try await deployments.serveBE()
            defer { beServer.kill() }
            // given the Dutch deployment is down when Belgium sends
            let requestID = try deployments.sendUrgentRequest(about: "owner of the vessel Zeemeeuw")
            try await eventually("a delivery was tried and failed") {
                let deliveries = try ArcaProcess.run(["exchange", "deliveries", "--json"], environment: deployments.be)
                let item = (json(deliveries.stdout)["items"] as? [[String: Any]])?.first
                return item?["status"] as? String == "pending" && (item?["attempts"] as? Int ?? 0) >= 1
            }
            // when it starts again
            let nlServer = try await deployments.serveNL()
            defer { nlServer.kill() }
            // then the message arrives, once
            try await eventually("the request reaches the Netherlands") { try deployments.incomingAtNL().count == 1 }
            try await eventually("Belgium records the acknowledgement") {
                try await deployments.count(deployments.beDatabase, "SELECT count(*) FROM exchange_outbox WHERE delivered_at IS NOT NULL") == 1
            }
            #expect(try deployments.incomingAtNL().first?["externalReference"] as? String == requestID)
            #expect(try await deployments.count(deployments.nlDatabase, "SELECT count(*) FROM exchange_inbox") == 1)
        }
    }

    @Test func aForgedSignatureAnUnknownSenderAndAReplayedMessageChangeNothing() async throws {
        try await Partnership.with { deployments in
            let nlServer = try await deployments.serveNL()
            defer { nlServer.kill() }
            // given a message Belgium signed, taken from its outbox, delivered once by hand
            _ = try deployments.sendUrgentRequest(about: "vehicles registered to Zeemeeuw BV")
            let envelope = try #require(
                try await deployments.beDatabase.pool.query("SELECT envelope FROM exchange_outbox").first?.decode(String.self, 0))
            // formatted otherwise on its way (indented, members in another order): the signature still holds
            let reformatted = String(
                decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(envelope.utf8)), options: [.prettyPrinted]),
                as: UTF8.self)
            #expect(reformatted != envelope)
            let first = try await post(reformatted, to: nlServer)
            #expect(first.status == 200, "\(first.body)")
            // when it is delivered again, it gets the same acknowledgement and nothing new is recorded
            let replay = try await post(envelope, to: nlServer)
            #expect(replay.status == 200 && replay.body == first.body)
            // when its content is changed, the signature no longer holds
            var forged = try #require(try JSONSerialization.jsonObject(with: Data(envelope.utf8)) as? [String: Any])
            var payload = try #require(forged["payload"] as? [String: Any])
            var form = try #require(payload["form"] as? [String: Any])
            form["informationSought"] = "everything on every account"
            payload["form"] = form
            forged["payload"] = payload
            forged["messageId"] = UUID().uuidString.lowercased()
            let badSignature = try await post(try text(forged), to: nlServer)
            #expect(badSignature.status == 401 && badSignature.body.contains(#""field":"signature""#), "\(badSignature.body)")
            // and a sender who is no partner is refused too
            forged["sender"] = ["state": "DE", "office": "DE-BKA"]
            let unknown = try await post(try text(forged), to: nlServer)
            #expect(unknown.status == 401 && unknown.body.contains(#""field":"sender""#), "\(unknown.body)")
            #expect(try deployments.incomingAtNL().count == 1)
            #expect(try await deployments.count(deployments.nlDatabase, "SELECT count(*) FROM exchange_inbox") == 1)
        }
    }

    @Test func envelopesCarriedAsFilesHaveTheSameEffectAsADeliveryAndAreTakenOnce() async throws {
        try await Partnership.with { deployments in
            let folder = try TestDatabase.temporaryHome("exchange-files")
            let toNL = folder.appendingPathComponent("be-to-nl.jsonl").path
            let toBE = folder.appendingPathComponent("nl-to-be.jsonl").path
            // given a request Belgium sent while no server runs, exported to a file
            let requestID = try deployments.sendUrgentRequest(about: "safe-deposit boxes of Zeemeeuw BV")
            let exported = try ArcaProcess.run(["exchange", "export", "--out", toNL], environment: deployments.be)
            #expect(exported.status == 0 && exported.stderr.contains("exported 1 message(s)"), "\(exported.stderr)")
            // when the Dutch office imports it twice
            let imported = try ArcaProcess.run(["exchange", "import", toNL], environment: deployments.nl)
            let again = try ArcaProcess.run(["exchange", "import", toNL], environment: deployments.nl)
            #expect(imported.status == 0 && again.status == 0 && again.stdout == imported.stdout, "\(imported.stderr)")
            // then it has the request once, with the clock a delivery gives it
            let incoming = try deployments.incomingAtNL()
            #expect(incoming.count == 1)
            #expect(incoming.first?["externalReference"] as? String == requestID)
            #expect((incoming.first?["deadline"] as? [String: Any])?["period"] as? String == "PT8H")
            // and its refusal, carried back the same way, refuses the Belgian request
            let incomingID = try #require(incoming.first?["id"] as? String)
            let refusal = try ArcaProcess.run(
                ["requests", "move", incomingID, "refuse", "--refusal-ground", "information_not_available", "--reason", "no such boxes"],
                environment: deployments.nl)
            #expect(refusal.status == 0, "\(refusal.stderr)")
            let back = try ArcaProcess.run(["exchange", "export", "--request", incomingID, "--out", toBE], environment: deployments.nl)
            #expect(back.status == 0, "\(back.stderr)")
            let taken = try ArcaProcess.run(["exchange", "import", toBE], environment: deployments.be)
            #expect(taken.status == 0, "\(taken.stderr)")
            let shown = try ArcaProcess.run(["requests", "show", requestID, "--json"], environment: deployments.be)
            #expect(json(shown.stdout)["state"] as? String == "refused")
            // and a file that was tampered with is refused, line by line
            try Data(String(decoding: FileManager.default.contents(atPath: toBE)!, as: UTF8.self).replacingOccurrences(of: "no such boxes", with: "all boxes emptied").utf8)
                .write(to: URL(fileURLWithPath: toBE))
            let tampered = try ArcaProcess.run(["exchange", "import", toBE], environment: deployments.be)
            #expect(tampered.status != 0 && tampered.stderr.contains("line 1: signature"), "\(tampered.stderr)")
        }
    }

    private func text(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    private func post(_ envelope: String, to server: ServedArca) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: server.url("/v1/exchange/inbox"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(envelope.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
