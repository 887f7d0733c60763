@testable import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

extension DutchPartner {
    /// A Dutch confiscation certificate for EUR 25,000 in value against a Rotterdam company
    /// director, sent directly by the Dutch office.
    static func confiscationCertificate(_ certificateID: UUID = UUID()) -> [String: CanonicalJSON] {
        [
            "certificateId": .string(certificateID.lowercased), "kind": .string("confiscation"), "sentAt": .string("2026-11-29T09:59:00Z"),
            "order": .object([
                "kind": .string("confiscation"), "urgent": .bool(false), "confiscationType": .string("value"),
                "issuingAuthority": .string("Rechtbank Rotterdam"), "decisionReference": .string("ROT-2026-0815"), "decisionDate": .string("2026-11-20"),
                "coveredAmount": .object(["amount": .string("25000.00"), "currency": .string("EUR")]),
                "personsConcerned": .array([.object(["name": .string("Pieter de Vries"), "kind": .string("natural_person"), "birthDate": .string("1979-05-14")])]),
                "objectsConcerned": .array([]),
            ]),
        ]
    }

    /// A move the Dutch office made on a certificate.
    static func certificateMove(_ certificateID: String, _ action: String, at occurredAt: String = "2026-11-29T10:00:00Z") -> [String: CanonicalJSON] {
        ["certificateId": .string(certificateID), "action": .string(action), "occurredAt": .string(occurredAt)]
    }
}

extension TestWorld {
    /// The Dutch certificate as received here, still unlinked.
    func receivedDutchCertificate(from dutch: DutchPartner, _ certificateID: UUID = UUID()) async throws -> Certificate {
        _ = try await useCases.receiveMessage(try dutch.message(.certificate, DutchPartner.confiscationCertificate(certificateID), at: clock.now()))
        let incoming = try await useCases.listCertificates(RequestListRequest(direction: "incoming"), by: liaison).page.items
        return try #require(incoming.first { $0.externalReference == certificateID.lowercased })
    }
}

@Suite("Use cases: certificates exchanged directly with a partner deployment")
struct CertificateExchangeTests {
    @Test func aPartnersCertificateArrivesUnlinkedWithItsFortyFiveDayClockAndTheOrderAsDescribed() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let message = try dutch.message(.certificate, DutchPartner.confiscationCertificate(), at: world.clock.now())
            // when the certificate is delivered twice
            let first = try await world.useCases.receiveMessage(message)
            let again = try await world.useCases.receiveMessage(message)
            // then it is one incoming confiscation certificate, on no case or order yet, due in 45 days
            #expect(again == first && first.contains("certificateId"))
            let certificates = try await world.useCases.listCertificates(RequestListRequest(direction: "incoming"), by: world.liaison).page.items
            let certificate = try #require(certificates.first)
            #expect(certificates.count == 1)
            #expect(certificate.caseID == nil && certificate.orderID == nil && certificate.channel == .arca && certificate.kind == .confiscation)
            #expect(certificate.counterpart == DutchPartner.address && certificate.state == .received)
            #expect(certificate.clock?.rule == .confiscation)
            #expect(certificate.clock?.deadline == world.clock.now().addingTimeInterval(45 * 86400))
            #expect(certificate.orderDescribed?.decisionReference == "ROT-2026-0815")
            #expect(certificate.orderDescribed?.coveredAmount?.description == "25000.00 EUR")
            #expect(certificate.orderDescribed?.personsConcerned.map(\.name) == ["Pieter de Vries"])
        }
    }

    @Test func anUnlinkedCertificateIsNotRecognisedUntilItsOrderIsRecordedInACaseOpenedForItAndLinked() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let certificate = try await world.receivedDutchCertificate(from: dutch)
            // when the liaison officer tries to recognise it before any order is recorded, it is refused
            await refused(.conflict) {
                try await world.useCases.moveCertificate(certificateID: certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            }
            // and when an officer opens a case for it, records the Dutch order there and the liaison officer links it
            let opened = try await world.useCases.createCase(
                NewCase(title: "Pieter de Vries: Dutch confiscation", offences: ["money_laundering"], openedOn: "2026-11-29", fromCertificate: certificate.id.lowercased),
                by: world.officer)
            let order = try await world.dutchOrder("confiscation", on: opened)
            let linked = try await world.useCases.linkCertificate(certificateID: certificate.id, CertificateLink(orderID: order.id.lowercased), by: world.liaison)
            // then the case's origin is the certificate, the certificate carries the order, and it can be recognised
            #expect(opened.origin == .incomingCertificate)
            #expect(linked.certificate.caseID == opened.id && linked.certificate.orderID == order.id)
            let recognised = try await world.useCases.moveCertificate(certificateID: certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            #expect(recognised.certificate.state == .recognised && recognised.certificate.decidedLate == false)
        }
    }

    @Test func aCertificateIsLinkedOnlyToAStandingOrderOfItsIssuingStateAndKindInItsCase() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let certificate = try await world.receivedDutchCertificate(from: dutch)
            let file = try await world.openCase()
            // given a Belgian confiscation and a Dutch freeze recorded in a case
            let belgian = try await world.valueConfiscation(on: file)
            let freeze = try await world.dutchOrder("freezing", on: file)
            // then neither can be linked, each refused naming its rule, and nothing changes
            await refused(.invalid(["orderId issuing-state"])) {
                try await world.useCases.linkCertificate(certificateID: certificate.id, CertificateLink(orderID: belgian.id.lowercased), by: world.liaison)
            }
            await refused(.invalid(["orderId certificate-kind"])) {
                try await world.useCases.linkCertificate(certificateID: certificate.id, CertificateLink(orderID: freeze.id.lowercased), by: world.liaison)
            }
            // and once a case is opened for it, an order of another case is refused too
            let ownCase = try await world.useCases.createCase(
                NewCase(title: "Pieter de Vries", offences: ["money_laundering"], openedOn: "2026-11-29", fromCertificate: certificate.id.lowercased),
                by: world.officer)
            let elsewhere = try await world.dutchOrder("confiscation", on: file)
            await refused(.invalid(["orderId certificate-case"])) {
                try await world.useCases.linkCertificate(certificateID: certificate.id, CertificateLink(orderID: elsewhere.id.lowercased), by: world.liaison)
            }
            // and so is a Dutch confiscation of its own case that was lifted
            let lifted = try await world.lift(try await world.dutchOrder("confiscation", on: ownCase), on: "2026-11-25")
            await refused(.invalid(["orderId standing-order"])) {
                try await world.useCases.linkCertificate(certificateID: certificate.id, CertificateLink(orderID: lifted.id.lowercased), by: world.liaison)
            }
            #expect(try await world.count("SELECT count(*) FROM certificate WHERE order_id IS NULL") == 1)
        }
    }

    @Test func theExecutingOfficesDecisionsOnACertificateItReceivedDirectlyGoBackToTheIssuingState() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let theirs = UUID()
            let certificate = try await world.receivedDutchCertificate(from: dutch, theirs)
            // when it is refused here on an Art 19 ground
            _ = try await world.useCases.moveCertificate(
                certificateID: certificate.id,
                CertificateMoveInput(action: "refuse", reason: "the certificate names no offence", refusalGround: "incomplete_certificate"), by: world.liaison)
            // then the refusal waits in the outbox for the Dutch office, naming their certificate
            let message = try #require(try await world.outbox().first)
            #expect(message.type == .certificateStatus && message.certificateID == certificate.id && message.requestID == nil)
            let payload = try #require(CanonicalJSON(parsing: Array(message.envelope.utf8))?["payload"])
            #expect(payload["certificateId"]?.text == theirs.lowercased)
            #expect(payload["action"]?.text == "refuse" && payload["refusalGround"]?.text == "incomplete_certificate")
        }
    }

    @Test func anOutgoingCertificateSentDirectlyCarriesItsOrderAndFollowsTheDecisionsThatArriveFromThePartner() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", channel: "arca"), by: world.liaison)
            // when it is sent
            let sent = try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "send"), by: world.liaison)
            // then its signed message carries the order, and only the Dutch office records its decisions
            let message = try #require(try await world.outbox().first)
            #expect(sent.certificate.state == .sent && message.type == .certificate && message.certificateID == draft.certificate.id)
            let payload = try #require(CanonicalJSON(parsing: Array(message.envelope.utf8))?["payload"])
            #expect(payload["order"]?["decisionReference"]?.text == "2026/0412/C")
            #expect(payload["order"]?["coveredAmount"]?["amount"]?.text == "120000.00")
            await refused(.conflict) {
                try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            }
            // and when the Dutch recognition arrives, the certificate is recognised, dated when they decided
            world.clock.advance(hours: 2)
            let decided = "2026-11-29T11:00:00Z"
            _ = try await world.useCases.receiveMessage(
                try dutch.message(.certificateStatus, DutchPartner.certificateMove(draft.certificate.id.lowercased, "recognise", at: decided), at: world.clock.now()))
            let read = try await world.useCases.readCertificate(id: draft.certificate.id, by: world.liaison)
            #expect(read.certificate.state == .recognised)
            #expect(read.events.last?.occurredAt == ISO8601DateFormatter().date(from: decided) && read.events.last?.actor == "partner:NL/NL-ARO")
        }
    }

    @Test func aCaseIsOpenedForOneUndecidedCertificateWithTheOriginItGives() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let certificate = try await world.receivedDutchCertificate(from: dutch)
            let refusedOne = try await world.receivedDutchCertificate(from: dutch)
            _ = try await world.useCases.moveCertificate(
                certificateID: refusedOne.id, CertificateMoveInput(action: "refuse", refusalGround: "ne_bis_in_idem"), by: world.liaison)
            func open(_ id: UUID, origin: String? = nil, fromRequest: String? = nil) async throws -> Case {
                try await world.useCases.createCase(
                    NewCase(
                        title: "Pieter de Vries", offences: ["money_laundering"], openedOn: "2026-11-29", origin: origin, fromRequest: fromRequest,
                        fromCertificate: id.lowercased),
                    by: world.officer)
            }
            // then a case is not opened for a request and a certificate at once, nor with another origin, nor for a refused certificate
            await refused(.invalid(["fromCertificate one-origin"])) { try await open(certificate.id, fromRequest: UUID().uuidString) }
            await refused(.invalid(["origin from-certificate"])) { try await open(certificate.id, origin: "domestic_referral") }
            await refused(.invalid(["fromCertificate unlinked-incoming"])) { try await open(refusedOne.id) }
            // and once one is opened for it, no second one is
            _ = try await open(certificate.id)
            await refused(.invalid(["fromCertificate unlinked-incoming"])) { try await open(certificate.id) }
            #expect(try await world.count("SELECT count(*) FROM case_file WHERE origin = 'incoming_certificate'") == 1)
        }
    }

    @Test func aCertificateGoesOnItsKindsChannelOrDirectlyWhereThePartnerKnowsItByItsId() async throws {
        try await TestWorld.with { world in
            let order = try await world.valueConfiscation(on: try await world.openCase())
            await refused(.invalid(["channel certificate-channel"])) {
                try await world.useCases.issueCertificate(
                    NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", channel: "mr_freezing_certificate"),
                    by: world.liaison)
            }
            await refused(.invalid(["externalReference not-applicable"])) {
                try await world.useCases.issueCertificate(
                    NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", externalReference: "MR-1", channel: "arca"),
                    by: world.liaison)
            }
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", channel: "arca"), by: world.liaison)
            await refused(.invalid(["externalReference not-applicable"])) {
                try await world.useCases.moveCertificate(
                    certificateID: draft.certificate.id, CertificateMoveInput(action: "send", externalReference: "MR-1"), by: world.liaison)
            }
            #expect(try await world.count("SELECT count(*) FROM certificate") == 1)
        }
    }

    @Test func aCertificatesWithdrawalWaitsForTheCertificateItselfToBeDelivered() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", channel: "arca"), by: world.liaison)
            _ = try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "send"), by: world.liaison)
            _ = try await world.useCases.moveCertificate(
                certificateID: draft.certificate.id, CertificateMoveInput(action: "withdraw", reason: "the order was quashed"), by: world.liaison)
            // when the partner is unreachable, only the certificate is tried
            let round = try await DeliverMessages(database: world.database, courier: CountingCourier(.failed("connection refused")), clock: world.clock.now)()
            #expect(round.failed == 1)
            #expect(try await world.outbox().first { $0.type == .certificateStatus }?.attempts == 0)
            // and once it is back, the certificate goes first and its withdrawal after it
            world.clock.advance(hours: 1)
            let courier = CountingCourier()
            let back = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            let withdrawal = try await world.outbox().first { $0.type == .certificateStatus }
            #expect(back.delivered == 1 && withdrawal?.status == .pending)
            let last = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            #expect(last.delivered == 1 && courier.deliveries.count == 2)
        }
    }

    @Test func aPartnersMoveThatCanNeverApplyIsRefusedForGoodNotRetried() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO", channel: "arca"), by: world.liaison)
            _ = try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "send"), by: world.liaison)
            // when the Dutch office sends a move that is not its own, or one the certificate's state does not allow
            for action in ["close", "send", "execute"] {
                await refused(.invalid(["payload.action partner-move"])) {
                    try await world.useCases.receiveMessage(
                        try dutch.message(.certificateStatus, DutchPartner.certificateMove(draft.certificate.id.lowercased, action), at: world.clock.now()))
                }
            }
            // then the certificate is still sent, and allows no decision of the partner's to be recorded here
            let read = try await world.useCases.readCertificate(id: draft.certificate.id, by: world.liaison)
            #expect(read.certificate.state == .sent && read.certificate.allowedActions == [.withdraw])
        }
    }

    @Test func aPartnerWithdrawsOnlyTheCertificatesItSentAndDecidesOnlyThoseItReceived() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let theirs = UUID()
            let certificate = try await world.receivedDutchCertificate(from: dutch, theirs)
            // when the Dutch office claims to recognise its own certificate, nothing is found to move
            await refused(.notFound) {
                try await world.useCases.receiveMessage(
                    try dutch.message(.certificateStatus, DutchPartner.certificateMove(theirs.lowercased, "recognise"), at: world.clock.now()))
            }
            // and it cannot withdraw a certificate Belgium sent it, nor decide on one Belgium sent to Germany
            let order = try await world.valueConfiscation(on: try await world.openCase())
            var sentTo: [String: UUID] = [:]
            for (state, office) in [("NL", "NL-ARO"), ("DE", "DE-BKA")] {
                let draft = try await world.useCases.issueCertificate(
                    NewCertificate(orderID: order.id.lowercased, counterpartState: state, counterpartOffice: office, channel: state == "NL" ? "arca" : nil),
                    by: world.liaison)
                _ = try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "send"), by: world.liaison)
                sentTo[state] = draft.certificate.id
            }
            await refused(.notFound) {
                try await world.useCases.receiveMessage(
                    try dutch.message(.certificateStatus, DutchPartner.certificateMove(sentTo["NL"]!.lowercased, "withdraw"), at: world.clock.now()))
            }
            await refused(.notFound) {
                try await world.useCases.receiveMessage(
                    try dutch.message(.certificateStatus, DutchPartner.certificateMove(sentTo["DE"]!.lowercased, "recognise"), at: world.clock.now()))
            }
            // and when it withdraws its own, the certificate is withdrawn here
            _ = try await world.useCases.receiveMessage(
                try dutch.message(.certificateStatus, DutchPartner.certificateMove(theirs.lowercased, "withdraw"), at: world.clock.now()))
            let read = try await world.useCases.readCertificate(id: certificate.id, by: world.liaison)
            #expect(read.certificate.state == .withdrawn)
            #expect(try await world.count("SELECT count(*) FROM exchange_inbox WHERE certificate_id = $1", [certificate.id]) == 2)
        }
    }
}
