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

    /// An entry as written: (entity, operation, values written), then what its values are now.
    struct Written {
        var entity = "subject"
        var operation = "AddSubject"
        var entityID = "s1"
        var written: String? = "{\"name\": \"Jan Peeters\"}"
        var now: String?? = .none
        var erased = false
    }

    /// The entries sealed one after the other on chain 0, as the trigger seals them.
    static func chain(_ entries: [Written]) -> [SealedAuditEntry] {
        var previous = AuditChainCheck.genesis
        return entries.enumerated().map { index, spec in
            func entry(after: String?, digest: String, hash: String) -> SealedAuditEntry {
                SealedAuditEntry(
                    chain: 0, link: Int64(index + 1), id: Int64(index + 1), recordedAt: 0, actorID: nil, actorName: "ana", actorOffice: "BE-ARO",
                    kind: "change", operation: spec.operation, entity: spec.entity, entityID: spec.entityID, before: nil, after: after, reason: nil,
                    context: nil, valuesDigest: digest, erased: spec.erased, previousHash: previous, hash: hash)
            }
            let digest = seal(entry(after: spec.written, digest: "", hash: "").valuesContent)
            let stored = spec.now ?? spec.written
            let sealed = entry(after: stored, digest: digest, hash: seal(entry(after: stored, digest: digest, hash: "").content))
            previous = sealed.hash
            return sealed
        }
    }

    static func check(_ entries: [SealedAuditEntry]) -> AuditBreak? {
        var check = AuditChainCheck(heads: [AuditChainHead(chain: 0, length: Int64(entries.count), head: entries.last!.hash)], seal: Self.seal)
        for entry in entries {
            if let broken = check.next(entry) { return broken }
        }
        return check.finish()
    }

    static let erasure = Written(entity: "case", operation: AuditChainCheck.erasureOperation, entityID: "c1", written: "{\"subjects\": [\"s1\"]}")

    @Test func anEntryWhoseValuesWereErasedHoldsByItsDigestWhenAnErasureNamesItsSubject() {
        #expect(Self.check(Self.chain([Written(now: .some(nil), erased: true), Self.erasure])) == nil)
    }

    @Test func anErasedEntryNoErasureNamesIsFound() {
        let broken = Self.check(Self.chain([Written(now: .some(nil), erased: true)]))
        #expect(broken?.kind == .altered)
        #expect(broken?.link == 1)
    }

    @Test func anEntryMarkedErasedThatStillHoldsValuesIsFound() {
        #expect(Self.check(Self.chain([Written(erased: true), Self.erasure]))?.kind == .altered)
    }

    @Test func anEntryOfAnotherRecordThanASubjectMarkedErasedIsFound() {
        let caseEntry = Written(entity: "case", operation: "UpdateCase", entityID: "s1", now: .some(nil), erased: true)
        #expect(Self.check(Self.chain([caseEntry, Self.erasure]))?.kind == .altered)
    }

    @Test func valuesChangedAfterTheyWereWrittenBreakTheEntry() {
        #expect(Self.check(Self.chain([Written(now: .some("{\"name\": \"Someone Else\"}"))]))?.kind == .altered)
    }
}
