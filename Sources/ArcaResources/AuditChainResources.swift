import ArcaApplication
import ArcaDomain
import Foundation

/// An anchor of the audit trail as it is exported and read back: the format, the instant, the
/// heads of every chain and their digest.
public struct AuditAnchorResource: Codable, Equatable {
    public let format: String
    public let takenAt: Date
    public let heads: [AuditChainHead]
    public let digest: String

    public init(_ anchor: AuditAnchor) {
        format = AuditAnchor.format
        takenAt = anchor.takenAt
        heads = anchor.heads
        digest = anchor.digest
    }

    /// The anchor, once its format is known; its digest is checked by the verification.
    public func anchor() throws(AnchorFormatError) -> AuditAnchor {
        guard format == AuditAnchor.format else { throw AnchorFormatError(found: format) }
        return AuditAnchor(takenAt: takenAt, heads: heads, digest: digest)
    }
}

public struct AnchorFormatError: Error, CustomStringConvertible {
    let found: String
    public var description: String { "the anchor's format is \"\(found.prefix(40))\", not \(AuditAnchor.format)" }
}

/// What `arca audit verify` found, as JSON.
public struct AuditVerificationResource: Encodable {
    struct Break: Encodable {
        let kind: String
        let chain: Int
        let link: Int64
        let entry: Int64?
        let detail: String
    }

    let verified: Bool
    let entries: Int
    let anchored: Bool
    let heads: [AuditChainHead]
    let broken: Break?

    public init(_ verification: AuditVerification) {
        verified = verification.broken == nil
        entries = verification.entries
        anchored = verification.anchored
        heads = verification.heads
        broken = verification.broken.map { Break(kind: $0.kind.rawValue, chain: $0.chain, link: $0.link, entry: $0.entryID, detail: $0.detail) }
    }
}
