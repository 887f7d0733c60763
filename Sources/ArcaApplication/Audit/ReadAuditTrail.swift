import ArcaDomain
import ArcaPersistence
import Foundation

/// The filters of an audit-trail search, as typed.
public struct AuditListRequest: Sendable, Equatable {
    public var entity: String?
    public var entityID: String?
    public var actor: String?
    public var kind: String?
    public var operation: String?
    /// RFC 3339 instants: entries recorded at or after `from`, and before `to`.
    public var from: String?
    public var to: String?
    public var limit: Int?
    public var cursor: String?

    public init(
        entity: String? = nil, entityID: String? = nil, actor: String? = nil, kind: String? = nil, operation: String? = nil,
        from: String? = nil, to: String? = nil, limit: Int? = nil, cursor: String? = nil
    ) {
        self.entity = entity
        self.entityID = entityID
        self.actor = actor
        self.kind = kind
        self.operation = operation
        self.from = from
        self.to = to
        self.limit = limit
        self.cursor = cursor
    }
}

/// Shows who consulted or changed what (DOMAIN §7): an auditor or administrator sees the
/// entries of their own office's users and the readings of their office's shared records by
/// other offices' users; the administrator at the command line sees the whole trail. Only
/// auditors see the values of records holding personal data. Reading the trail is itself
/// recorded, with every entry shown.
public struct ReadAuditTrail: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(_ request: AuditListRequest, by caller: Caller) async throws -> Page<AuditEntry> {
        try caller.require(.readAuditTrail)
        var validation = Validation()
        var filter = AuditFilter(office: caller.userID == nil ? nil : caller.office, limit: validation.pageLimit(request.limit))
        filter.entity = validation.optional("entity", request.entity, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: AuditEntry.entityLength, what: "the entity")
        }
        filter.entityID = validation.optional("entityId", request.entityID, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: AuditEntry.entityIDLength, what: "the entity id")
        }
        filter.actor = validation.optional("actor", request.actor, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: AuditEntry.actorLength, what: "the actor")
        }
        filter.kind = validation.optional("kind", request.kind, "audit-kind") { (code) throws(VocabularyError) in
            try AuditEntry.Kind(rawValue: code).orRefuse(code, as: "change or consultation")
        }
        filter.operation = validation.optional("operation", request.operation, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: AuditEntry.operationLength, what: "the operation")
        }
        filter.from = validation.optional("from", request.from, "timestamp") { (text) throws(TimestampError) in try Timestamp.parse(text) }
        filter.to = validation.optional("to", request.to, "timestamp") { (text) throws(TimestampError) in try Timestamp.parse(text) }
        filter.before = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in
            guard let sequence = Int(text), sequence > 0 else { throw CursorError() }
            return sequence
        }
        try validation.finish()

        let consultant = try caller.consultant

        return try await database.transaction { store in
            let rows = try await store.audit.search(filter).map { $0.readable(by: caller.role, in: caller.office) }
            let page = Page(rows: rows, limit: filter.limit) { $0.sequence.map(String.init) }
            try await store.audit.recordSearch("ReadAuditTrail", by: consultant, entity: "audit_entry", filter: filter, shown: page.items.compactMap { $0.sequence.map(String.init) })
            return page
        }
    }
}

/// Instants as the API writes them: RFC 3339 (`2026-11-29T10:15:00Z`, fractions and offsets allowed).
enum Timestamp {
    static func parse(_ text: String) throws(TimestampError) -> Date {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else { throw TimestampError(text: text) }
        return date
    }
}

struct TimestampError: Error, CustomStringConvertible {
    let text: String

    var description: String { "\"\(text.prefix(40))\" is not an RFC 3339 timestamp such as 2026-11-29T10:15:00Z" }
}
