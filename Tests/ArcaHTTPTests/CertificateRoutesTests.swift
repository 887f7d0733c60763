import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: certificates and recoveries")
struct CertificateRoutesTests {
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

    @Test func aLiaisonOfficerRegistersACertificateReceivedAndDisposingOfItsMoneySharesItUnderArticle30() async throws {
        try await APIWorld.with { world in
            let caseID = try await world.openCase()
            let orderID = try await world.createOrder(
                in: caseID,
                #"{"kind":"confiscation","confiscationType":"value","issuingState":"NL","issuingAuthority":"Rechtbank Rotterdam","decisionReference":"ROT-2026-0815","decisionDate":"2026-11-20","coveredAmount":{"amount":"25000.00","currency":"EUR"}}"#)
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
