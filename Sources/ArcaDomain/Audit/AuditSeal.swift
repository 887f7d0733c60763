import Foundation

/// An audit entry as sealed on its chain (migrations 0025, 0030): its place, the seal of the
/// entry before it, its own seal, and the content the seal covers, as the trail's columns hold
/// it. The seal covers a digest of the values (before, after, reason) rather than the values, so
/// that values erased with a case's personal data leave the entry provable.
public struct SealedAuditEntry: Sendable, Equatable {
    public let chain: Int
    public let link: Int64
    public let id: Int64
    /// When it was recorded, in microseconds since 1970 (UTC).
    public let recordedAt: Int64
    public let actorID: String?
    public let actorName: String
    public let actorOffice: String?
    public let kind: String
    public let operation: String
    public let entity: String
    public let entityID: String
    /// jsonb as PostgreSQL writes it.
    public let before: String?
    public let after: String?
    public let reason: String?
    /// jsonb as PostgreSQL writes it: why a record was consulted, and the like.
    public let context: String?
    /// The SHA-256 of `valuesContent` as the values were written.
    public let valuesDigest: String
    /// Whether the values were erased (and are absent) since.
    public let erased: Bool
    /// The seal the entry had before migration 0030 sealed the trail anew, which anchors taken
    /// before it recorded.
    public let formerHash: String?
    public let previousHash: String
    public let hash: String

    public init(
        chain: Int, link: Int64, id: Int64, recordedAt: Int64, actorID: String?, actorName: String, actorOffice: String?, kind: String,
        operation: String, entity: String, entityID: String, before: String?, after: String?, reason: String?, context: String?,
        valuesDigest: String, erased: Bool, formerHash: String? = nil, previousHash: String, hash: String
    ) {
        self.chain = chain
        self.link = link
        self.id = id
        self.recordedAt = recordedAt
        self.actorID = actorID
        self.actorName = actorName
        self.actorOffice = actorOffice
        self.kind = kind
        self.operation = operation
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.reason = reason
        self.context = context
        self.valuesDigest = valuesDigest
        self.erased = erased
        self.formerHash = formerHash
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The text the seal is the SHA-256 of, as `audit_entry_content` writes it: fields joined
    /// by `|`, each as its length in bytes, `:` and its text, or `~` when absent; so no two
    /// entries' fields run together into the same text.
    public var content: String {
        Self.joined(
            "arca-audit-2",
            [
                previousHash, String(chain), String(link), String(id), String(recordedAt), actorID, actorName, actorOffice, kind, operation,
                entity, entityID, valuesDigest, context,
            ])
    }

    /// The text `valuesDigest` is the SHA-256 of, as `audit_entry_values_digest` writes it.
    public var valuesContent: String {
        Self.joined("arca-audit-values-1", [before, after, reason])
    }

    private static func joined(_ format: String, _ fields: [String?]) -> String {
        ([format] + fields.map { $0.map { "\($0.utf8.count):\($0)" } ?? "~" }).joined(separator: "|")
    }
}

/// Where one chain of the trail ends: how many entries it holds and the seal of its last.
public struct AuditChainHead: Sendable, Equatable, Codable {
    public let chain: Int
    public let length: Int64
    public let head: String

    public init(chain: Int, length: Int64, head: String) {
        self.chain = chain
        self.length = length
        self.head = head
    }
}

/// The heads of every chain at one instant, and one digest of them all: kept outside ARCA
/// (printed, mailed, filed), it later proves that the trail up to that instant was not
/// rewritten, even by someone who sealed a rewritten trail anew.
public struct AuditAnchor: Sendable, Equatable {
    public static let format = "arca-audit-anchor-1"

    public let takenAt: Date
    public let heads: [AuditChainHead]
    public let digest: String

    public init(takenAt: Date, heads: [AuditChainHead], digest: String) {
        self.takenAt = takenAt
        self.heads = heads
        self.digest = digest
    }

    /// The text the digest is the SHA-256 of: one `chain:length:head` line per chain, in order.
    public static func content(of heads: [AuditChainHead]) -> String {
        heads.sorted { $0.chain < $1.chain }.map { "\($0.chain):\($0.length):\($0.head)\n" }.joined()
    }
}

/// The first place where the trail does not hold.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The entry's content is not what was sealed: changed, or moved to another place.
        case altered
        /// The entry does not follow the one before it: an entry between was removed or replaced.
        case unlinked
        /// A place in the chain is empty or taken twice: entries removed or inserted.
        case missing
        /// The chain ends elsewhere than its head says: entries removed from its end, or added
        /// without moving the head.
        case head
        /// The trail no longer holds what an anchor recorded: rewritten since.
        case anchor
        /// The anchor itself was changed: its digest does not cover its heads.
        case anchorDigest = "anchor-digest"
    }

    public let kind: Kind
    public let chain: Int
    public let link: Int64
    /// The entry found at that place, if any.
    public let entryID: Int64?
    public let detail: String

    public var description: String {
        let entry = entryID.map { " (entry \($0))" } ?? ""
        return "chain \(chain), link \(link)\(entry): \(detail)"
    }
}

/// Walks the trail chain by chain, link by link, and names the first break. `seal` is the
/// SHA-256 of a text in lowercase hexadecimal.
public struct AuditChainCheck {
    public static let genesis = String(repeating: "0", count: 64)

    let heads: [Int: AuditChainHead]
    let anchored: [Int: AuditChainHead]
    let seal: (String) -> String
    private var chain: Int?
    private var lastLink: Int64 = 0
    private var lastHash = AuditChainCheck.genesis
    private var walked = Set<Int>()
    public private(set) var entries = 0
    /// Subjects an erasure in the trail names, and the first entry erased about each subject
    /// not (yet) named: every erased entry must be accounted for by the end.
    private var erasureNamed = Set<String>()
    private var erasedUnnamed: [String: AuditBreak] = [:]

    /// The operation of the entry that records an erasure and names the subjects it reached.
    public static let erasureOperation = "EraseCasePersonalData"

    public init(heads: [AuditChainHead], anchor: AuditAnchor? = nil, seal: @escaping (String) -> String) {
        self.heads = Dictionary(heads.map { ($0.chain, $0) }, uniquingKeysWith: { first, _ in first })
        self.anchored = Dictionary((anchor?.heads ?? []).map { ($0.chain, $0) }, uniquingKeysWith: { first, _ in first })
        self.seal = seal
    }

    /// The anchor's own digest, checked before the trail is read.
    public static func check(_ anchor: AuditAnchor, seal: (String) -> String) -> AuditBreak? {
        guard seal(AuditAnchor.content(of: anchor.heads)) != anchor.digest else { return nil }
        return AuditBreak(kind: .anchorDigest, chain: 0, link: 0, entryID: nil, detail: "the anchor's digest does not match its heads: the anchor was changed")
    }

    /// The next entry, in order of chain and link.
    public mutating func next(_ entry: SealedAuditEntry) -> AuditBreak? {
        if entry.chain != chain {
            if let ended = endChain() { return ended }
            chain = entry.chain
            walked.insert(entry.chain)
            lastLink = 0
            lastHash = Self.genesis
        }
        entries += 1
        if entry.link != lastLink + 1 {
            let detail =
                entry.link <= lastLink
                ? "link \(entry.link) appears twice: an entry was inserted"
                : "links \(lastLink + 1)…\(entry.link - 1) are missing: entries were removed"
            return AuditBreak(kind: .missing, chain: entry.chain, link: lastLink + 1, entryID: entry.id, detail: detail)
        }
        if entry.erased {
            // Only a subject's values are erased, and then they are gone.
            guard entry.entity == "subject", entry.before == nil, entry.after == nil, entry.reason == nil else {
                return AuditBreak(
                    kind: .altered, chain: entry.chain, link: entry.link, entryID: entry.id,
                    detail: "it is marked erased, which only a subject's entries may be, and then with no values")
            }
            if !erasureNamed.contains(entry.entityID), erasedUnnamed[entry.entityID] == nil {
                erasedUnnamed[entry.entityID] = AuditBreak(
                    kind: .altered, chain: entry.chain, link: entry.link, entryID: entry.id,
                    detail: "its values were erased, but no erasure in the trail names subject \(entry.entityID)")
            }
        } else if seal(entry.valuesContent) != entry.valuesDigest {
            return AuditBreak(
                kind: .altered, chain: entry.chain, link: entry.link, entryID: entry.id,
                detail: "its values do not match the digest sealed with them: they were changed after they were written")
        }
        if seal(entry.content) != entry.hash {
            return AuditBreak(
                kind: .altered, chain: entry.chain, link: entry.link, entryID: entry.id,
                detail: "its content does not match its seal: it was changed or moved after it was written")
        }
        if entry.previousHash != lastHash {
            return AuditBreak(
                kind: .unlinked, chain: entry.chain, link: entry.link, entryID: entry.id,
                detail: "it was sealed after another entry than the one now before it: an entry was removed or replaced")
        }
        if entry.operation == Self.erasureOperation, entry.entity == "case" {
            for subject in Self.subjects(namedIn: entry.after) {
                erasureNamed.insert(subject)
                erasedUnnamed[subject] = nil
            }
        }
        if let anchor = anchored[entry.chain], anchor.length == entry.link, anchor.head != entry.hash, anchor.head != entry.formerHash {
            return AuditBreak(
                kind: .anchor, chain: entry.chain, link: entry.link, entryID: entry.id,
                detail: "the anchor recorded another seal here (\(anchor.head.prefix(12))…): the trail was rewritten since")
        }
        lastLink = entry.link
        lastHash = entry.hash
        return nil
    }

    /// After the last entry: every chain ends where its head and the anchor say, and every
    /// erased entry is about a subject an erasure names.
    public mutating func finish() -> AuditBreak? {
        if let ended = endChain() { return ended }
        for chain in Set(heads.keys).union(anchored.keys).subtracting(walked).sorted() {
            self.chain = chain
            lastLink = 0
            lastHash = Self.genesis
            if let ended = endChain() { return ended }
        }
        return erasedUnnamed.values.min { ($0.chain, $0.link) < ($1.chain, $1.link) }
    }

    /// The subjects an erasure's values (`{"subjects": [...], ...}`) name.
    static func subjects(namedIn values: String?) -> [String] {
        guard let values, let object = try? JSONSerialization.jsonObject(with: Data(values.utf8)) as? [String: Any] else { return [] }
        return object["subjects"] as? [String] ?? []
    }

    private mutating func endChain() -> AuditBreak? {
        guard let chain else { return nil }
        self.chain = nil
        if let anchor = anchored[chain], anchor.length > lastLink {
            return AuditBreak(
                kind: .anchor, chain: chain, link: anchor.length, entryID: nil,
                detail: "the anchor recorded \(anchor.length) links, the trail holds \(lastLink): entries were removed since")
        }
        let head = heads[chain] ?? AuditChainHead(chain: chain, length: 0, head: Self.genesis)
        guard head.length != lastLink || head.head != lastHash else { return nil }
        return AuditBreak(
            kind: .head, chain: chain, link: lastLink + 1, entryID: nil,
            detail: "the chain's head records \(head.length) links, the trail holds \(lastLink) ending otherwise: entries were removed from its end or added beside the head")
    }
}
