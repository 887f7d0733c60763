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

        public init(userID: UUID?, name: String, office: OfficeCode?) {
            self.userID = userID
            self.name = name
            self.office = office
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
    public let recordedAt: Date?

    public init(
        actor: Actor, kind: Kind, operation: String, entity: String, entityID: String,
        before: String? = nil, after: String? = nil, reason: String? = nil, recordedAt: Date? = nil
    ) {
        self.actor = actor
        self.kind = kind
        self.operation = operation
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.reason = reason
        self.recordedAt = recordedAt
    }
}
