import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation

/// What a walk of the audit trail found: how much it checked, where each chain ends, and the
/// first break, if any.
public struct AuditVerification: Sendable {
    public let heads: [AuditChainHead]
    public let entries: Int
    /// Whether an anchor was checked as well.
    public let anchored: Bool
    public let broken: AuditBreak?
}

/// Walks every chain of the audit trail, recomputing each entry's seal from its columns, and
/// names the first entry edited, removed, inserted or moved (migration 0025); with an anchor
/// taken earlier, also that the trail up to it was not rewritten. Reads one snapshot; the walk
/// is itself logged.
public struct VerifyAuditTrail: Sendable {
    let database: Database
    /// Entries read per statement.
    static let page = 2000

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(anchor: AuditAnchor? = nil, by caller: Caller) async throws -> AuditVerification {
        try caller.require(.verifyAuditTrail)
        let consultant = try caller.consultant
        if let anchor, let broken = AuditChainCheck.check(anchor, seal: Self.seal) {
            return AuditVerification(heads: [], entries: 0, anchored: true, broken: broken)
        }
        let verification = try await database.snapshot { store in
            let heads = try await store.audit.chainHeads()
            var check = AuditChainCheck(heads: heads, anchor: anchor, seal: Self.seal)
            var chain = -1
            var link: Int64 = 0
            while true {
                let entries = try await store.audit.sealedEntries(after: chain, link: link, limit: Self.page)
                for entry in entries {
                    if let broken = check.next(entry) {
                        return AuditVerification(heads: heads, entries: check.entries, anchored: anchor != nil, broken: broken)
                    }
                }
                guard entries.count == Self.page, let last = entries.last else { break }
                (chain, link) = (last.chain, last.link)
            }
            return AuditVerification(heads: heads, entries: check.entries, anchored: anchor != nil, broken: check.finish())
        }
        try await database.logConsultation(by: consultant, operation: "VerifyAuditTrail", entity: "audit_chain", id: "all")
        return verification
    }

    /// SHA-256 in lowercase hexadecimal, the seal of an entry and the digest of an anchor.
    static func seal(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexadecimal
    }
}
