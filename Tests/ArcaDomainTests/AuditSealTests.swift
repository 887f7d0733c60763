import ArcaDomain
import Foundation
import Testing

@Suite("Domain: the audit trail's seals")
struct AuditSealTests {
    static let entry = SealedAuditEntry(
        chain: 3, link: 2, id: 41, recordedAt: 1_764_410_400_000_000, actorID: nil, actorName: "Ødegård", actorOffice: "BE-ARO",
        kind: "change", operation: "UpdateCase", entity: "case", entityID: "a|b", before: nil, after: "{\"title\": \"x\"}",
        reason: nil, context: "{\"purpose\": \"investigation\"}", previousHash: AuditChainCheck.genesis, hash: "")

    @Test func eachFieldIsWrittenAsItsLengthInBytesSoNoTwoEntriesShareATextAndAbsentFieldsAreATilde() {
        #expect(
            Self.entry.content
                == "arca-audit-1|64:\(AuditChainCheck.genesis)|1:3|1:2|2:41|16:1764410400000000|~|9:Ødegård|6:BE-ARO|6:change|10:UpdateCase|4:case|3:a|b|~|14:{\"title\": \"x\"}|~|28:{\"purpose\": \"investigation\"}"
        )
    }

    @Test func aChainWhoseHeadRecordsMoreLinksThanItHoldsIsBrokenAtItsEnd() {
        var check = AuditChainCheck(heads: [AuditChainHead(chain: 0, length: 1, head: "ab")], seal: { _ in "ab" })
        #expect(check.finish()?.kind == .head)
    }
}
