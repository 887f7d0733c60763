@testable import ArcaApplication
import ArcaDomain
import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: certificates and recoveries")
struct CertificateRoutesTests {
    /// A Dutch court's value confiscation of EUR 25,000, recorded here to receive its certificate.
    static let rotterdamValueConfiscation =
        #"{"kind":"confiscation","confiscationType":"value","issuingState":"NL","issuingAuthority":"Rechtbank Rotterdam","decisionReference":"ROT-2026-0815","decisionDate":"2026-11-20","coveredAmount":{"amount":"25000.00","currency":"EUR"}}"#

    /// A final value confiscation of EUR 120,000 in a new case; returns its id.
    private func valueConfiscation(_ world: APIWorld) async throws -> String {
        let caseID = try await world.openCase()
        let orderID = try await world.createOrder(
            in: caseID,
            #"{"kind":"confiscation","confiscationType":"value","issuingAuthority":"Brussels criminal court","decisionReference":"2026/0412/C","decisionDate":"2026-04-20","coveredAmount":{"amount":"120000.00","currency":"EUR"}}"#)
        let final = try await world.call(.post, "/v1/orders/\(orderID)/finality", json: #"{"finalOn":"2026-06-01","reason":"no appeal lodged"}"#)
        #expect(final.status == 200, "\(final.text)")
        return orderID
    }

    /// A Dutch confiscation certificate delivered to the inbox over HTTP by the Dutch partner
    /// deployment, registered first with its own key; returns the certificate's id here.
    private func dutchCertificate(_ world: APIWorld) async throws -> String {
        let (identity, _) = try await world.useCases.initialiseExchange(office: "BE-ARO", by: .commandLine())
        let keys = newSigningKeyPair()
        _ = try await world.useCases.registerPartner(
            NewPartner(state: "NL", office: "NL-ARO", inboxURL: "https://arca.fiod.example.nl/v1/exchange/inbox", publicKey: keys.publicKey.base64EncodedString()),
            by: .commandLine())
        let order: CanonicalJSON = .object([
            "kind": .string("confiscation"), "urgent": .bool(false), "issuingAuthority": .string("Rechtbank Rotterdam"),
            "decisionReference": .string("ROT-2026-0815"), "decisionDate": .string("2026-11-20"),
            "coveredAmount": .object(["amount": .string("25000.00"), "currency": .string("EUR")]), "personsConcerned": .array([]),
            "objectsConcerned": .array([]),
        ])
        var envelope = Envelope(
            messageID: UUID(), sender: Counterpart(state: try CountryCode("NL"), office: "NL-ARO"), recipient: identity.address, type: .certificate,
            createdAt: ISO8601DateFormatter().date(from: "2026-11-29T09:59:00Z")!,
            payload: .object([
                "certificateId": .string(UUID().uuidString.lowercased()), "kind": .string("confiscation"), "order": order,
                "sentAt": .string("2026-11-29T09:58:00Z"),
            ]))
        try envelope.sign(with: keys.privateKey)
        let delivered = try await world.call(.post, "/v1/exchange/inbox", as: nil, bytes: envelope.json.bytes)
        #expect(delivered.status == 200, "\(delivered.text)")
        let id = try #require(delivered.json["certificateId"] as? String)
        return id
    }

    static let links: [(role: String, status: Int)] = [("officer", 403), ("liaison", 200), ("analyst", 403), ("auditor", 403), ("admin", 403)]

    @Test(arguments: links.indices)
    func onlyLiaisonOfficersLinkAPartnersCertificateToTheOrderRecordedForIt(_ row: Int) async throws {
        let expected = Self.links[row]
        try await APIWorld.with { world in
            // given a Dutch certificate delivered to the inbox, a case opened for it and the Dutch order recorded there
            let certificateID = try await dutchCertificate(world)
            let unlinked = try await world.call(.get, "/v1/certificates/\(certificateID)", as: "liaison")
            #expect(unlinked.json["caseId"] == nil && unlinked.json["orderId"] == nil && unlinked.json["channel"] as? String == "arca")
            let opened = try await world.call(
                .post, "/v1/cases",
                json: #"{"title":"Pieter de Vries: Dutch confiscation","offences":["money_laundering"],"openedOn":"2026-11-29","fromCertificate":"\#(certificateID)"}"#)
            #expect(opened.status == 201 && opened.json["origin"] as? String == "incoming_certificate", "\(opened.text)")
            let caseID = try #require(opened.json["id"] as? String)
            let orderID = try await world.createOrder(in: caseID, Self.rotterdamValueConfiscation)
            // when the role links it
            let linked = try await world.attempt(.post, "/v1/certificates/\(certificateID)/link", as: expected.role, json: #"{"orderId":"\#(orderID)"}"#)
            // then only a liaison officer may, and the certificate then carries the order of its case
            #expect(linked.status == expected.status, "link as \(expected.role): \(linked.text)")
            if expected.status == 200 {
                #expect(linked.json["orderId"] as? String == orderID && linked.json["caseId"] as? String == caseID)
            }
        }
    }

    @Test func aLinkToAnOrderOfAnotherIssuingStateOrWithoutOneIsAProblemNamingTheFieldAndChangesNothing() async throws {
        try await APIWorld.with { world in
            let certificateID = try await dutchCertificate(world)
            let belgian = try await valueConfiscation(world)
            let wrongState = try await world.attempt(.post, "/v1/certificates/\(certificateID)/link", as: "liaison", json: #"{"orderId":"\#(belgian)"}"#)
            #expect(wrongState.status == 422 && wrongState.isProblem && wrongState.fieldErrors == ["orderId issuing-state"], "\(wrongState.text)")
            let missing = try await world.attempt(.post, "/v1/certificates/\(certificateID)/link", as: "liaison", json: "{}")
            #expect(missing.status == 422 && missing.fieldErrors == ["orderId required"], "\(missing.text)")
            let recognise = try await world.attempt(.post, "/v1/certificates/\(certificateID)/events", as: "liaison", json: #"{"action":"recognise"}"#)
            #expect(recognise.status == 409 && recognise.isProblem, "\(recognise.text)")
            let read = try await world.call(.get, "/v1/certificates/\(certificateID)", as: "liaison")
            #expect(read.json["orderId"] == nil && read.json["state"] as? String == "received" && read.json["version"] as? Int == 1)
        }
    }

    static let matrix: [(role: String, issue: Int, read: Int, move: Int)] = [
        ("officer", 201, 200, 403), ("liaison", 201, 200, 201), ("analyst", 403, 200, 403), ("auditor", 403, 403, 403), ("admin", 403, 403, 403),
    ]

    @Test(arguments: matrix.indices)
    func liaisonOfficersSendCertificatesOfficersDraftThemAndCaseReadersReadThem(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let role = expected.role
            let orderID = try await valueConfiscation(world)
            let body = #"{"orderId":"\#(orderID)","counterpartState":"NL","counterpartOffice":"ARO Netherlands (FIOD)"}"#
            let existing = try await world.call(.post, "/v1/certificates", as: "liaison", json: body)
            let id = try #require(existing.json["id"] as? String)
            let issue = try await world.attempt(.post, "/v1/certificates", as: role, json: body)
            let read = try await world.attempt(.get, "/v1/certificates/\(id)", as: role)
            let move = try await world.attempt(.post, "/v1/certificates/\(id)/events", as: role, json: #"{"action":"send"}"#)
            #expect(issue.status == expected.issue, "issue as \(role)")
            #expect(read.status == expected.read, "read as \(role)")
            #expect(move.status == expected.move, "move as \(role)")
        }
    }

    @Test func theLedgerShowsWhatEachStateRecoveredAndRefusesMoreThanTheOrder() async throws {
        try await APIWorld.with { world in
            let orderID = try await valueConfiscation(world)
            var certificates: [String] = []
            for (state, office) in [("NL", "ARO Netherlands (FIOD)"), ("DE", "ARO Germany (BKA)")] {
                let issued = try await world.call(
                    .post, "/v1/certificates", as: "liaison", json: #"{"orderId":"\#(orderID)","counterpartState":"\#(state)","counterpartOffice":"\#(office)"}"#)
                let id = try #require(issued.json["id"] as? String)
                let sent = try await world.call(.post, "/v1/certificates/\(id)/events", as: "liaison", json: #"{"action":"send","externalReference":"MR-BE-\#(state)-0042"}"#)
                #expect(sent.status == 201 && sent.json["state"] as? String == "sent")
                certificates.append(id)
            }
            let first = try await world.call(
                .post, "/v1/certificates/\(certificates[0])/recoveries", as: "liaison",
                json: #"{"amount":{"amount":"70000.00","currency":"EUR"},"recoveredOn":"2026-11-02","reason":"paid into the court's account"}"#)
            #expect(first.status == 201)
            let second = try await world.call(
                .post, "/v1/certificates/\(certificates[1])/recoveries", as: "liaison", json: #"{"amount":{"amount":"40000.00","currency":"EUR"},"recoveredOn":"2026-11-03"}"#)
            let ledger = try #require(second.json["ledger"] as? [String: Any])
            #expect((ledger["outstanding"] as? [String: Any])?["amount"] as? String == "10000.00")
            #expect((ledger["byState"] as? [[String: Any]])?.map { $0["state"] as? String } == ["NL", "DE"])
            let beyond = try await world.attempt(
                .post, "/v1/certificates/\(certificates[1])/recoveries", as: "liaison", json: #"{"amount":{"amount":"10000.01","currency":"EUR"},"recoveredOn":"2026-11-03"}"#)
            #expect(beyond.status == 422 && beyond.isProblem)
            #expect(beyond.fieldErrors == ["amount within-order"])
            let unknown = try await world.attempt(.get, "/v1/certificates/\(certificates[0])", as: "amo")
            #expect(unknown.status == 404)
        }
    }

    @Test func aCertificateOfNeitherDirectionIsRefused() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let orderID = try await world.createOrder(in: caseID, Self.rotterdamValueConfiscation)
            let answer = try await world.attempt(
                .post, "/v1/certificates", as: "liaison",
                json: #"{"direction":"sideways","orderId":"\#(orderID)","counterpartState":"DE","counterpartOffice":"BKA Wiesbaden"}"#)
            #expect(answer.status == 422)
            #expect(answer.fieldErrors.contains("direction certificate-direction"))
            #expect(try await world.count("certificate") == 0)
        }
    }

    @Test func aLiaisonOfficerRegistersACertificateReceivedAndDisposingOfItsMoneySharesItUnderArticle30() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let orderID = try await world.createOrder(in: caseID, Self.rotterdamValueConfiscation)
            let body = #"{"direction":"incoming","orderId":"\#(orderID)","counterpartOffice":"ARO Netherlands (FIOD)","externalReference":"MR-NL-BE-0815","receivedAt":"2026-11-29T09:00:00Z"}"#
            let byOfficer = try await world.attempt(.post, "/v1/certificates", as: "officer", json: body)
            #expect(byOfficer.status == 403)
            // when a liaison officer registers it
            let received = try await world.call(.post, "/v1/certificates", as: "liaison", json: body)
            #expect(received.status == 201, "\(received.text)")
            let id = try #require(received.json["id"] as? String)
            let deadline = try #require(received.json["deadline"] as? [String: Any])
            // then it is due for recognition in 45 days, at 10:00 in Brussels
            #expect(deadline["rule"] as? String == "confiscation" && deadline["dueAt"] as? String == "2027-01-13T09:00:00Z")
            #expect(received.json["counterpartState"] as? String == "NL" && received.json["direction"] as? String == "incoming")
            // and, executed and disposed of, EUR 25,000 with EUR 3,000 of victims' claims is shared half and half above the threshold
            _ = try await world.call(.post, "/v1/certificates/\(id)/events", as: "liaison", json: #"{"action":"recognise"}"#)
            _ = try await world.call(.post, "/v1/orders/\(orderID)/finality", json: #"{"finalOn":"2026-11-25"}"#)
            let executed = try await world.call(.post, "/v1/orders/\(orderID)/execution", json: #"{"executedOn":"2026-11-29","amount":{"amount":"25000.00","currency":"EUR"}}"#)
            #expect(executed.status == 201 || executed.status == 200, "\(executed.text)")
            _ = try await world.call(.post, "/v1/certificates/\(id)/events", as: "liaison", json: #"{"action":"execute"}"#)
            let disposed = try await world.call(
                .post, "/v1/certificates/\(id)/events", as: "liaison",
                json: #"{"action":"dispose","realised":{"amount":"25000.00","currency":"EUR"},"victimsClaims":{"amount":"3000.00","currency":"EUR"}}"#)
            let sharing = try #require(disposed.json["sharing"] as? [String: Any], "\(disposed.text)")
            #expect((sharing["toIssuingState"] as? [String: Any])?["amount"] as? String == "11000.00")
            #expect(sharing["basis"] as? String == "above_threshold" && sharing["source"] as? String == "Reg 2018/1805 Art 30")
        }
    }
}
