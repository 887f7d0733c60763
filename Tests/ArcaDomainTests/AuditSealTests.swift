import ArcaDomain
import Foundation
import Testing

@Suite("Domain: the audit trail's seals")
struct AuditSealTests {
    static let entry = SealedAuditEntry(
        chain: 3, link: 2, id: 41, recordedAt: 1_764_410_400_000_000, actorID: nil, actorName: "Ødegård", actorOffice: "BE-ARO",
        kind: "change", operation: "UpdateCase", entity: "case", entityID: "a|b", before: nil, after: "{\"title\": \"x\"}",
        reason: nil, context: "{\"purpose\": \"investigation\"}", valuesDigest: "d1", erased: false, previousHash: AuditChainCheck.genesis,
        hash: "")

    @Test func eachFieldIsWrittenAsItsLengthInBytesSoNoTwoEntriesShareATextAndAbsentFieldsAreATilde() {
        #expect(
            Self.entry.content
                == "arca-audit-2|64:\(AuditChainCheck.genesis)|1:3|1:2|2:41|16:1764410400000000|~|9:Ødegård|6:BE-ARO|6:change|10:UpdateCase|4:case|3:a|b|2:d1|28:{\"purpose\": \"investigation\"}"
        )
    }

    @Test func theSealCoversADigestOfTheValuesWrittenTheSameWay() {
        #expect(Self.entry.valuesContent == "arca-audit-values-1|~|14:{\"title\": \"x\"}|~")
    }

    /// A stand-in for SHA-256 that shows what was sealed.
    static func seal(_ text: String) -> String { "h(\(text))" }

    static func sealed(_ values: (before: String?, after: String?), erased: Bool = false, digestOf original: String? = nil) -> SealedAuditEntry {
        let written = SealedAuditEntry(
            chain: 0, link: 1, id: 1, recordedAt: 0, actorID: nil, actorName: "ana", actorOffice: "BE-ARO", kind: "change", operation: "AddSubject",
            entity: "subject", entityID: "s1", before: nil, after: original ?? values.after, reason: nil, context: nil, valuesDigest: "",
            erased: false, previousHash: AuditChainCheck.genesis, hash: "")
        let digest = seal(written.valuesContent)
        let unsealed = SealedAuditEntry(
            chain: 0, link: 1, id: 1, recordedAt: 0, actorID: nil, actorName: "ana", actorOffice: "BE-ARO", kind: "change", operation: "AddSubject",
            entity: "subject", entityID: "s1", before: values.before, after: values.after, reason: nil, context: nil, valuesDigest: digest,
            erased: erased, previousHash: AuditChainCheck.genesis, hash: "")
        return SealedAuditEntry(
            chain: 0, link: 1, id: 1, recordedAt: 0, actorID: nil, actorName: "ana", actorOffice: "BE-ARO", kind: "change", operation: "AddSubject",
            entity: "subject", entityID: "s1", before: values.before, after: values.after, reason: nil, context: nil, valuesDigest: digest,
            erased: erased, previousHash: AuditChainCheck.genesis, hash: seal(unsealed.content))
    }

    static func check(_ entry: SealedAuditEntry) -> AuditBreak? {
        var check = AuditChainCheck(heads: [AuditChainHead(chain: 0, length: 1, head: entry.hash)], seal: Self.seal)
        return check.next(entry) ?? check.finish()
    }

    @Test func anEntryWhoseValuesWereErasedStillHoldsByTheDigestSealedWithThem() {
        let erased = Self.sealed((before: nil, after: nil), erased: true, digestOf: "{\"name\": \"Jan Peeters\"}")
        #expect(Self.check(erased) == nil)
    }

    @Test func valuesChangedAfterTheyWereWrittenBreakTheEntry() {
        let changed = Self.sealed((before: nil, after: "{\"name\": \"Someone Else\"}"), digestOf: "{\"name\": \"Jan Peeters\"}")
        #expect(Self.check(changed)?.kind == .altered)
    }

    @Test func aChainWhoseHeadRecordsMoreLinksThanItHoldsIsBrokenAtItsEnd() {
        var check = AuditChainCheck(heads: [AuditChainHead(chain: 0, length: 1, head: "ab")], seal: { _ in "ab" })
        #expect(check.finish()?.kind == .head)
    }
}
