import Foundation

/// One line of the audit trail: who changed or consulted which record, when, and how
/// (Dir 2016/680 Art 25: collection, alteration, consultation, disclosure, erasure).
public struct AuditEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case change
        case consultation
    }

    /// Who acted: a user, or the administrator at the command line (no user id).
    public struct Actor: Sendable, Equatable {
        public let userID: UUID?
        public let name: String
        public let office: OfficeCode?
        /// Why they consulted, where they said.
        public let purpose: ConsultationPurpose?
        /// The operating-system account that acted, at the command line.
        public let osAccount: OSAccountName?

        public init(userID: UUID?, name: String, office: OfficeCode?, purpose: ConsultationPurpose? = nil, osAccount: OSAccountName? = nil) {
            self.userID = userID
            self.name = name
            self.office = office
            self.purpose = purpose
            self.osAccount = osAccount
        }

        /// What the entry keeps of the circumstances, as a JSON object (`context`, sealed with
        /// the rest): the purpose's code and free text, the operating-system account.
        public var context: String? {
            var object: [String: String] = [:]
            if let purpose {
                object["purpose"] = purpose.code.rawValue
                object["purposeNote"] = purpose.note
            }
            object["osAccount"] = osAccount?.value
            if object.isEmpty { return nil }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    public let actor: Actor
    public let kind: Kind
    /// The use case, e.g. `AddUser`, `ReadCase`.
    public let operation: String
    /// The kind of record, e.g. `user`, `case`.
    public let entity: String
    public let entityID: String
    /// JSON of the record before and after a change; nil where there was none.
    public let before: String?
    public let after: String?
    public let reason: String?
    /// The circumstances kept beside the record's values, as JSON (`Actor.context`).
    public let context: String?
    public let recordedAt: Date?
    /// The entry's place in the trail, once written: later entries have higher numbers.
    public let sequence: Int?

    /// The kinds of record that hold no personal data. An administrator administers accounts
    /// and reads the snapshots of these only; the values of every other kind (a subject's
    /// name, an asset's account, a case's title) are shown to auditors alone.
    public static let administrativeEntities: Set<String> = [
        "api_token", "audit_chain", "audit_entry", "deployment", "exchange_identity", "exchange_partner", "office", "reference_rate",
        "setting", "statistics", "user",
    ]

    /// Whether the values before and after were withheld from the reader.
    public private(set) var withheld = false

    /// The entry as a reader with `role` in `office` (none at the command line) may read it.
    /// The record's values and the reason given are withheld from all but auditors, unless
    /// the record holds no personal data; and from an auditor too when the entry is another
    /// office's (a reading or list of a record shared with it), whose list filter may name a
    /// person and whose list may show that office's own records.
    public func readable(by role: Role, in office: OfficeCode?) -> AuditEntry {
        let otherOffice = office != nil && actor.office != office
        let personal = role != .auditor && !Self.administrativeEntities.contains(entity)
        guard otherOffice || personal, before != nil || after != nil || reason != nil else { return self }
        var entry = AuditEntry(
            actor: actor, kind: kind, operation: operation, entity: entity, entityID: entityID, recordedAt: recordedAt,
            sequence: sequence, context: context)
        entry.withheld = true
        return entry
    }

    /// The `entityID` of a list's consultation entry, whose `after` holds the filter and the
    /// ids of the records shown.
    public static let searchID = "search"

    /// How long what names an entry may be, as the trail's columns allow.
    public static let operationLength = 1...100
    public static let entityLength = 1...100
    public static let entityIDLength = 1...200
    public static let actorLength = 1...200

    public init(
        actor: Actor, kind: Kind, operation: String, entity: String, entityID: String,
        before: String? = nil, after: String? = nil, reason: String? = nil, recordedAt: Date? = nil, sequence: Int? = nil,
        context: String? = nil
    ) {
        self.actor = actor
        self.kind = kind
        self.operation = operation
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.reason = reason
        self.context = context ?? actor.context
        self.recordedAt = recordedAt
        self.sequence = sequence
    }
}

/// Which audit entries a reader asks for, newest first.
public struct AuditFilter: Sendable, Equatable, Codable {
    /// Entries of the users of this office; nil for the whole trail.
    public var office: OfficeCode?
    public var entity: String?
    public var entityID: String?
    public var actor: String?
    public var kind: AuditEntry.Kind?
    public var operation: String?
    public var from: Date?
    public var to: Date?
    /// Continue with entries older than this sequence number.
    public var before: Int?
    public var limit: Int

    public init(office: OfficeCode?, limit: Int) {
        self.office = office
        self.limit = limit
    }
}
