import ArcaDomain
import Foundation
import Testing

@Suite("Canonical JSON of exchange envelopes (RFC 8785)")
struct CanonicalJSONTests {
    @Test func membersAreSortedByTheirUTF16CodeUnitsAsRFC8785Requires() throws {
        // given the property names of RFC 8785 §3.2.3, in the order a sender happened to write them
        let text = #"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#
        let value = try #require(CanonicalJSON(parsing: Array(text.utf8)))
        // then they come out in the RFC's order: the emoji's surrogate pair sorts before U+FB33
        let expected = [
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face",
            "Hebrew Letter Dalet With Dagesh",
        ]
        let written = String(decoding: value.bytes, as: UTF8.self)
        let positions = expected.map { written.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func stringsAreEscapedMinimallyAndWhitespaceDisappears() throws {
        let text = "{ \"b\" : [ true , null ], \"a\" : \"tab\\t quote\\\" slash/ unit\\u001f é\" }"
        let value = try #require(CanonicalJSON(parsing: Array(text.utf8)))
        #expect(String(decoding: value.bytes, as: UTF8.self) == #"{"a":"tab\t quote\" slash/ unit\u001f é","b":[true,null]}"#)
    }

    @Test func anEnvelopeCarriesNoNumbers() {
        #expect(CanonicalJSON(parsing: Array(#"{"amount":12.5}"#.utf8)) == nil)
        #expect(CanonicalJSON(parsing: Array(#"{"amount":"12.50"}"#.utf8)) != nil)
    }

    @Test func anEnvelopeReadBackSignsTheSameBytesItWasBuiltWith() throws {
        let envelope = Envelope(
            messageID: UUID(), sender: Counterpart(state: try CountryCode("NL"), office: "NL-ARO"),
            recipient: Counterpart(state: try CountryCode("BE"), office: "BE-ARO"), type: .reply,
            createdAt: Date(timeIntervalSince1970: 1_796_000_000.75), payload: .object(["requestId": .string("x")]))
        let read = try Envelope(json: envelope.json)
        #expect(read.signedBytes == envelope.signedBytes)
        #expect(read.createdAt == Date(timeIntervalSince1970: 1_796_000_000))
    }

    @Test func anEnvelopeMissingItsPartsNamesEachOne() {
        #expect(throws: EnvelopeError.self) { try Envelope(json: .object(["type": .string("gossip")])) }
        do {
            _ = try Envelope(json: .object(["type": .string("gossip")]))
        } catch {
            #expect(error.fields.map(\.name) == ["messageId", "sender", "recipient", "type", "createdAt", "payload", "signature"])
        }
    }
}

@Suite("Delivery to partners: backoff and the messages each move sends")
struct DeliveryRulesTests {
    @Test func theWaitDoublesFromOneSecondUpToFiveMinutesAndJitterTakesOffAtMostHalf() {
        #expect(DeliveryBackoff.delay(afterAttempts: 1, jitter: 0) == 1)
        #expect(DeliveryBackoff.delay(afterAttempts: 4, jitter: 0) == 8)
        #expect(DeliveryBackoff.delay(afterAttempts: 30, jitter: 0) == 300)
        #expect(DeliveryBackoff.delay(afterAttempts: 4, jitter: 1) == 4)
    }

    @Test func onlyTheMovesThePartnerMustKnowSendAMessage() {
        #expect(MessageType.sent(by: .send, on: .outgoing, from: .draft) == .request)
        #expect(MessageType.sent(by: .withdraw, on: .outgoing, from: .sent) == .statusChange)
        #expect(MessageType.sent(by: .withdraw, on: .outgoing, from: .draft) == nil)
        #expect(MessageType.sent(by: .answerInPart, on: .incoming, from: .inProgress) == .reply)
        #expect(MessageType.sent(by: .noticeDelay, on: .incoming, from: .triaged) == .delayNotice)
        #expect(MessageType.sent(by: .refuse, on: .incoming, from: .received) == .refusal)
        #expect(MessageType.sent(by: .triage, on: .incoming, from: .received) == nil)
        #expect(MessageType.sent(by: .remind, on: .outgoing, from: .sent) == nil)
    }
}
