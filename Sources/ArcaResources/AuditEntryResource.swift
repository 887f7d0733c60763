import ArcaDomain
import Foundation

/// One audit entry as the API shows it; the record's values before and after are JSON.
public struct AuditEntryResource: Encodable {
    struct Actor: Encodable {
        let id: String?
        let name: String
        let office: String?
    }

    let sequence: Int?
    let recordedAt: Date?
    let actor: Actor
    let kind: AuditEntry.Kind
    let operation: String
    let entity: String
    let entityId: String
    let before: JSONValue?
    let after: JSONValue?
    let reason: String?
    /// Why the record was consulted, and the like.
    let context: JSONValue?
    /// True where the record's values were withheld: they hold personal data, which only
    /// auditors read.
    let withheld: Bool

    public init(_ entry: AuditEntry) {
        sequence = entry.sequence
        recordedAt = entry.recordedAt
        actor = Actor(id: entry.actor.userID?.lowercased, name: entry.actor.name, office: entry.actor.office?.value)
        kind = entry.kind
        operation = entry.operation
        entity = entry.entity
        entityId = entry.entityID
        before = entry.before.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        after = entry.after.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        reason = entry.reason
        withheld = entry.withheld
        context = entry.context.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }
}
