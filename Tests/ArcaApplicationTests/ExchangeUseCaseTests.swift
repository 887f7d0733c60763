@testable import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Synchronization
import Testing

/// The Dutch ARO as the Belgian test world's partner, with the private key the test signs its
/// messages with.
struct DutchPartner {
    static let address = Counterpart(state: try! CountryCode("NL"), office: "NL-ARO")
    let belgium: Counterpart
    let privateKey: Data

    static func register(in world: TestWorld) async throws -> DutchPartner {
        let (identity, _) = try await world.useCases.initialiseExchange(office: "BE-ARO", by: world.admin)
        let keys = newSigningKeyPair()
        _ = try await world.useCases.registerPartner(
            NewPartner(state: "NL", office: "NL-ARO", inboxURL: "https://arca.fiod.example.nl/v1/exchange/inbox", publicKey: keys.publicKey.base64EncodedString()),
            by: world.admin)
        return DutchPartner(belgium: identity.address, privateKey: keys.privateKey)
    }

    /// A message from the Dutch office, signed with its key unless told otherwise.
    func message(
        _ type: MessageType, _ payload: [String: CanonicalJSON], at createdAt: Date, to recipient: Counterpart? = nil, id: UUID = UUID(),
        signedWith key: Data? = nil
    ) throws -> [UInt8] {
        var envelope = Envelope(
            messageID: id, sender: Self.address, recipient: recipient ?? belgium, type: type, createdAt: createdAt, payload: .object(payload))
        try envelope.sign(with: key ?? privateKey)
        return envelope.json.bytes
    }

    /// An urgent request for directly accessible information about a Rotterdam account holder.
    static func urgentRequest(_ requestID: UUID = UUID()) -> [String: CanonicalJSON] {
        [
            "requestId": .string(requestID.lowercased), "kind": .string("information_request"),
            "urgencyReason": .string("cash couriers leaving Schiphol tonight"), "directlyAccessible": .bool(true),
            "form": .object([
                "offence": .string("money laundering"), "informationSought": .string("Belgian accounts held by Pieter de Vries"),
            ]),
            "personsConcerned": .array([.object(["name": .string("Pieter de Vries"), "kind": .string("natural_person"), "birthDate": .string("1979-05-14")])]),
            "objectsConcerned": .array([]), "sentAt": .string("2026-11-29T09:59:00Z"),
        ]
    }
}

/// A courier that takes every envelope at once and counts how often it saw each.
final class CountingCourier: Courier {
    private let seen = Mutex<[String: Int]>([:])
    let outcome: DeliveryOutcome

    init(_ outcome: DeliveryOutcome = .acknowledged(#"{"status":"accepted"}"#)) {
        self.outcome = outcome
    }

    func deliver(_ envelope: String, to inboxURL: String) async -> DeliveryOutcome {
        let id = (CanonicalJSON(parsing: Array(envelope.utf8))?["messageId"]?.text) ?? "?"
        seen.withLock { $0[id, default: 0] += 1 }
        return outcome
    }

    var deliveries: [String: Int] { seen.withLock { $0 } }
}

extension TestWorld {
    /// An outgoing urgent request to the Dutch office over the direct channel, drafted and sent.
    func sendToNetherlands(_ about: String = "owner of the vessel Zeemeeuw") async throws -> RequestFile {
        let file = try await openCase()
        let draft = try await useCases.registerRequest(
            NewRequest(
                direction: "outgoing", kind: "information_request", caseID: file.id.lowercased, counterpartState: "NL", counterpartOffice: "NL-ARO",
                channel: "arca", urgent: true, urgencyReason: "the vessel sails on Monday", directlyAccessible: true,
                form: RequestForm(informationSought: about)),
            by: liaison)
        return try await move(draft, "send")
    }

    func outbox() async throws -> [OutboxMessage] {
        try await database.transaction { try await $0.outbox.list(limit: 200) }
    }
}

@Suite("Use cases: the direct exchange with a partner deployment")
struct ExchangeUseCaseTests {
    @Test func aRequestFromAPartnerIsRecordedWithItsEightHourClockAndARedeliveryGetsTheSameAcknowledgement() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let message = try dutch.message(.request, DutchPartner.urgentRequest(), at: world.clock.now())
            // when the message is received twice
            let first = try await world.useCases.receiveMessage(message)
            let again = try await world.useCases.receiveMessage(message)
            // then it is one incoming request, with no case yet, the persons concerned, and 8 hours from now
            #expect(again == first)
            let requests = try await world.useCases.listRequests(RequestListRequest(direction: "incoming"), by: world.liaison).page.items
            let request = try #require(requests.first)
            #expect(requests.count == 1)
            #expect(request.caseID == nil && request.channel == .arca && request.counterpart == DutchPartner.address)
            #expect(request.personsConcerned.map(\.name) == ["Pieter de Vries"])
            #expect(request.clock?.rule == .urgentDirectlyAccessible)
            #expect(request.clock?.deadline == world.clock.now().addingTimeInterval(8 * 3600))
            #expect(try await world.count("SELECT count(*) FROM exchange_inbox") == 1)
            // and triage links it to a case of the office
            let file = try await world.openCase()
            let triaged = try await world.useCases.moveRequest(
                requestID: request.id, RequestMoveInput(action: "triage", caseID: file.id.lowercased), by: world.liaison)
            #expect(triaged.request.caseID == file.id)
        }
    }

    @Test func anOfficerOpensACaseForAPartnersRequestWhichTakesItsOriginAndIsLinkedToIt() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            _ = try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(), at: world.clock.now()))
            let request = try #require(try await world.useCases.listRequests(RequestListRequest(direction: "incoming"), by: world.liaison).page.items.first)
            // when an officer opens a case for it
            let opened = try await world.useCases.createCase(
                NewCase(title: "Pieter de Vries: Belgian accounts", offences: ["money_laundering"], openedOn: "2026-11-29", fromRequest: request.id.lowercased),
                by: world.officer)
            // then the case comes from an incoming request, and the request belongs to the case
            #expect(opened.origin == .incomingRequest)
            let linked = try await world.useCases.readRequest(id: request.id, by: world.officer)
            #expect(linked.request.caseID == opened.id && linked.request.version == request.version + 1)
            // and no second case can be opened for it, nor one claiming another origin
            await refused(.invalid(["fromRequest unlinked-incoming"])) {
                try await world.useCases.createCase(
                    NewCase(title: "Again", offences: ["fraud"], openedOn: "2026-11-29", fromRequest: request.id.lowercased), by: world.officer)
            }
            #expect(try await world.count("SELECT count(*) FROM case_file") == 1)
        }
    }

    @Test func aMessageForAnotherOfficeStaleOrDatedAheadIsRefusedNamingTheFieldAndNothingIsRecorded() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let now = world.clock.now()
            let elsewhere = Counterpart(state: try CountryCode("BE"), office: "BE-AMO")
            await refused(.invalid(["recipient this-deployment"])) {
                try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(), at: now, to: elsewhere))
            }
            await refused(.invalid(["createdAt not-stale"])) {
                try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(), at: now.addingTimeInterval(-31 * 86400)))
            }
            await refused(.invalid(["createdAt not-in-future"])) {
                try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(), at: now.addingTimeInterval(600)))
            }
            await refused(.untrusted("signature partner-signature")) {
                try await world.useCases.receiveMessage(
                    try dutch.message(.request, DutchPartner.urgentRequest(), at: now, signedWith: newSigningKeyPair().privateKey))
            }
            await refused(.invalid(["payload request-message"])) {
                try await world.useCases.receiveMessage(try dutch.message(.request, ["requestId": .string("not a request")], at: now))
            }
            #expect(try await world.count("SELECT count(*) FROM exchange_inbox") == 0)
            #expect(try await world.count("SELECT count(*) FROM exchange_request") == 0)
        }
    }

    @Test func aMessageIdIsTakenOnceAndAPartnerMovesOnlyTheRequestsItExchanges() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let keys = newSigningKeyPair()
            _ = try await world.useCases.registerPartner(
                NewPartner(state: "DE", office: "DE-BKA", inboxURL: "https://arca.bka.example.de/v1/exchange/inbox", publicKey: keys.publicKey.base64EncodedString()),
                by: world.admin)
            let theirs = UUID()
            let id = UUID()
            _ = try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(theirs), at: world.clock.now(), id: id))
            // when the same message id comes again with other content, it is refused
            var other = DutchPartner.urgentRequest(theirs)
            other["urgencyReason"] = .string("something else")
            await refused(.conflict) { try await world.useCases.receiveMessage(try dutch.message(.request, other, at: world.clock.now(), id: id)) }
            // and another partner cannot withdraw the Dutch request
            var german = Envelope(
                messageID: UUID(), sender: Counterpart(state: try CountryCode("DE"), office: "DE-BKA"), recipient: dutch.belgium, type: .statusChange,
                createdAt: world.clock.now(),
                payload: .object(["requestId": .string(theirs.lowercased), "action": .string("withdraw"), "occurredAt": .string("2026-11-29T10:00:00Z")]))
            try german.sign(with: keys.privateKey)
            await refused(.notFound) { try await world.useCases.receiveMessage(german.json.bytes) }
            #expect(try await world.count("SELECT count(*) FROM exchange_request WHERE state = 'received'") == 1)
        }
    }

    @Test func aPartnersInboxIsReachedOverHttpsOrOnThisMachineOnly() async throws {
        try await TestWorld.with { world in
            let key = newSigningKeyPair().publicKey.base64EncodedString()
            await refused(.invalid(["inboxUrl url"])) {
                try await world.useCases.registerPartner(
                    NewPartner(state: "NL", office: "NL-ARO", inboxURL: "http://arca.fiod.example.nl/v1/exchange/inbox", publicKey: key), by: world.admin)
            }
            let local = try await world.useCases.registerPartner(
                NewPartner(state: "NL", office: "NL-ARO", inboxURL: "http://127.0.0.1:8092/v1/exchange/inbox", publicKey: key), by: world.admin)
            #expect(local.address.office == "NL-ARO")
        }
    }

    @Test func aPartnersDelayNoticeIsTakenEvenWhenTheDayItExpectedHasPassedOnTheWay() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let sent = try await world.sendToNetherlands()
            // when a delay notice written days ago, expecting an answer yesterday, arrives today
            let notice = try dutch.message(
                .delayNotice,
                ["requestId": .string(sent.request.id.lowercased), "action": .string("notice_delay"), "occurredAt": .string("2026-11-29T09:30:00Z"),
                 "reason": .string("the bank answers slowly"), "expectedOn": .string("2026-11-28")],
                at: world.clock.now())
            _ = try await world.useCases.receiveMessage(notice)
            // then it is on the request's history as the partner's
            let file = try await world.useCases.readRequest(id: sent.request.id, by: world.liaison)
            #expect(file.events.last?.action == "notice_delay" && file.events.last?.expectedOn?.description == "2026-11-28")
            #expect(file.events.last?.actor == "partner:NL/NL-ARO")
        }
    }

    @Test func aWithdrawalFromThePartnerWithdrawsTheRequestItSent() async throws {
        try await TestWorld.with { world in
            let dutch = try await DutchPartner.register(in: world)
            let theirs = UUID()
            _ = try await world.useCases.receiveMessage(try dutch.message(.request, DutchPartner.urgentRequest(theirs), at: world.clock.now()))
            // when the Dutch office withdraws it
            let withdrawal = try dutch.message(
                .statusChange,
                ["requestId": .string(theirs.lowercased), "action": .string("withdraw"), "occurredAt": .string("2026-11-29T10:00:00Z"),
                 "reason": .string("the suspect was arrested")],
                at: world.clock.now())
            _ = try await world.useCases.receiveMessage(withdrawal)
            // then the incoming request is withdrawn, by the partner, with its reason
            let request = try #require(try await world.useCases.listRequests(RequestListRequest(direction: "incoming"), by: world.liaison).page.items.first)
            let file = try await world.useCases.readRequest(id: request.id, by: world.liaison)
            #expect(file.request.state == .withdrawn)
            #expect(file.events.last?.actor == "partner:NL/NL-ARO" && file.events.last?.reason == "the suspect was arrested")
            // and a status change cannot carry an answer
            let answer = try dutch.message(
                .statusChange, ["requestId": .string(theirs.lowercased), "action": .string("answer_in_full"), "occurredAt": .string("2026-11-29T10:00:00Z")],
                at: world.clock.now())
            await refused(.invalid(["payload.action status_change-action"])) { try await world.useCases.receiveMessage(answer) }
        }
    }

    @Test func theAnswerToARequestSentDirectlyArrivesFromThePartnerAndIsNotRecordedHere() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            let sent = try await world.sendToNetherlands()
            // then the answer, a delay or a refusal is not this office's to record
            #expect(!sent.request.allowedActions.contains(.answerInFull) && !sent.request.allowedActions.contains(.refuse))
            #expect(sent.request.allowedActions.contains(.withdraw))
            await refused(.conflict) {
                try await world.move(sent, "answer_in_full", RequestMoveInput(action: nil, reason: "typed in from a phone call"))
            }
            let read = try await world.useCases.readRequest(id: sent.request.id, by: world.liaison)
            #expect(read.request.state == .sent)
        }
    }

    @Test func sendingARequestDirectlyWritesItsSignedMessageInTheSameTransaction() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            let sent = try await world.sendToNetherlands()
            let message = try #require(try await world.outbox().first)
            #expect(message.type == .request && message.requestID == sent.request.id && message.status == .pending)
            #expect(sent.request.externalReference == sent.request.id.lowercased)
            let envelope = try Envelope(json: try #require(CanonicalJSON(parsing: Array(message.envelope.utf8))))
            let identity = try #require(try await world.useCases.listPartners(by: world.admin).identity)
            #expect(envelope.isSigned(by: identity.publicKey))
            #expect(envelope.payload["requestId"]?.text == sent.request.id.lowercased)
            #expect(envelope.payload["form"]?["informationSought"]?.text == "owner of the vessel Zeemeeuw")
        }
    }

    @Test func withoutARegisteredPartnerARequestCannotBeSentDirectlyAndStaysADraft() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.initialiseExchange(office: "BE-ARO", by: world.admin)
            await refused(.conflict) { try await world.sendToNetherlands() }
            #expect(try await world.count("SELECT count(*) FROM exchange_request WHERE state = 'draft'") == 1)
            #expect(try await world.count("SELECT count(*) FROM exchange_outbox") == 0)
        }
    }

    @Test func twoWorkersAtOnceDeliverEveryMessageExactlyOnce() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            for index in 1...12 { _ = try await world.sendToNetherlands("accounts of company \(index)") }
            let courier = CountingCourier()
            let workers = (1...2).map { _ in DeliverMessages(database: world.database, courier: courier, clock: world.clock.now) }
            // when two workers deliver at the same time, twice each
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers + workers { group.addTask { _ = try await worker() } }
                try await group.waitForAll()
            }
            // then each message went out once and is recorded as delivered
            #expect(courier.deliveries.count == 12 && courier.deliveries.values.allSatisfy { $0 == 1 })
            #expect(try await world.outbox().allSatisfy { $0.status == .delivered && $0.attempts == 1 })
        }
    }

    @Test func aFailedDeliveryWaitsItsBackoffAndTheLaterMessagesAboutTheSameRequestWaitForIt() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            // given a request sent and then withdrawn, and another request sent
            let withdrawn = try await world.move(try await world.sendToNetherlands("first"), "withdraw", RequestMoveInput(action: nil, reason: "arrested"))
            let other = try await world.sendToNetherlands("other")
            // when the partner is unreachable
            let round = try await DeliverMessages(database: world.database, courier: CountingCourier(.failed("connection refused")), clock: world.clock.now)()
            // then each request's first message waits between half a second and a second, and the
            // withdrawal, written after the request it withdraws, is not even tried
            let now = world.clock.now()
            var messages = try await world.outbox()
            let sent = try #require(messages.first { $0.requestID == withdrawn.request.id && $0.type == .request })
            let otherSent = try #require(messages.first { $0.requestID == other.request.id })
            #expect(round.failed == 2 && round.delivered == 0)
            #expect(sent.attempts == 1 && sent.lastError == "connection refused" && otherSent.attempts == 1)
            #expect(sent.nextAttemptAt >= now.addingTimeInterval(0.5) && sent.nextAttemptAt <= now.addingTimeInterval(1))
            #expect(messages.first { $0.type == .statusChange }?.attempts == 0)
            #expect(round.nextDue == min(sent.nextAttemptAt, otherSent.nextAttemptAt))
            // and nothing is due before then
            let courier = CountingCourier()
            let early = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            #expect(early.delivered == 0)
            // and once the partner is back, the request goes first and its withdrawal after it
            world.clock.advance(hours: 1)
            let back = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            messages = try await world.outbox()
            #expect(back.delivered == 2 && messages.first { $0.type == .statusChange }?.status == .pending)
            let last = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            #expect(last.delivered == 1 && courier.deliveries.count == 3)
        }
    }

    @Test func aRefusedMessageGoesAgainWhenAnAdministratorSaysSoButADeliveredOneNever() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            _ = try await world.sendToNetherlands()
            _ = try await DeliverMessages(database: world.database, courier: CountingCourier(.refused("HTTP 422: recipient")), clock: world.clock.now)()
            let refusedMessage = try #require(try await world.outbox().first)
            await refused(.forbidden) { try await world.useCases.retryDelivery(messageID: refusedMessage.messageID.lowercased, by: world.liaison) }
            // when the administrator sends it again
            let retried = try await world.useCases.retryDelivery(messageID: refusedMessage.messageID.lowercased, by: world.admin)
            #expect(retried.status == .pending)
            // then the next round delivers it, and it is not sent a third time
            let round = try await DeliverMessages(database: world.database, courier: CountingCourier(), clock: world.clock.now)()
            #expect(round.delivered == 1)
            await refused(.conflict) { try await world.useCases.retryDelivery(messageID: refusedMessage.messageID.lowercased, by: world.admin) }
            let trail = try await world.database.transaction { try await $0.audit.entries(entity: "exchange_message", id: refusedMessage.messageID.lowercased) }
            #expect(trail.map(\.operation) == ["RetryDelivery"])
        }
    }

    @Test func theMessagesToARemovedPartnerStayUndelivered() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            _ = try await world.sendToNetherlands()
            try await world.useCases.removePartner(state: "NL", office: "NL-ARO", by: world.admin)
            let courier = CountingCourier()
            let round = try await DeliverMessages(database: world.database, courier: courier, clock: world.clock.now)()
            #expect(courier.deliveries.isEmpty && round.nextDue == nil)
            #expect(try await world.outbox().map(\.status) == [.pending])
        }
    }

    @Test func aMessageThePartnerRefusesForGoodIsNotTriedAgain() async throws {
        try await TestWorld.with { world in
            _ = try await DutchPartner.register(in: world)
            _ = try await world.sendToNetherlands()
            let refusing = CountingCourier(.refused("HTTP 422: recipient this-deployment"))
            let round = try await DeliverMessages(database: world.database, courier: refusing, clock: world.clock.now)()
            world.clock.advance(hours: 1)
            let later = try await DeliverMessages(database: world.database, courier: refusing, clock: world.clock.now)()
            #expect(round.refused == 1 && later.refused == 0 && later.nextDue == nil)
            #expect(try await world.outbox().map(\.status) == [.refused])
        }
    }
}
