import ArcaDomain
import Foundation
import LibPQ

/// One copy of a recorded case, for national-scale demonstration data: every row of the
/// template case (its subjects, assets and their owners, valuations and events, orders with
/// their assets, subjects and executions) again, under new ids, with every date moved the
/// same number of days earlier, and a reference of its own. A uniform move keeps every rule
/// about dates the template obeyed (an event never before the one it follows, nothing after
/// today), and the same states, values and links: the copy is as valid as its template.
/// A template may not be shared with another office nor hold a date correction (a grant
/// and a correction name rows a copy cannot point at): such a template is refused.
public struct CaseClone: Sendable {
    public let template: UUID
    /// XORed into every id of the template's rows, so the copy's ids agree across tables.
    public let idMask: UUID
    public let daysEarlier: Int

    public init(template: UUID, idMask: UUID, daysEarlier: Int) {
        self.template = template
        self.idMask = idMask
        self.daysEarlier = daysEarlier
    }
}

/// One row of a copy on its way to the database, by column name: what `rewrite` may change
/// (a person's name, an account number) so that copies do not all name the same ones.
public struct ClonedRow {
    let columns: [String: Int]
    public var values: [String?]
    /// The same for the same row of the same copy, whatever the template's ids: a seed for
    /// what `rewrite` draws, so that a load is the same for the same plan.
    public let seed: UInt64

    public subscript(column: String) -> String? {
        get { columns[column].flatMap { values[$0] } }
        set { if let index = columns[column] { values[index] = newValue } }
    }
}

extension Database {
    /// The tables a case's rows live in, in an order that satisfies their foreign keys, each
    /// with the expression naming the case a row belongs to.
    static let caseTables: [(table: String, caseOf: String)] = [
        ("case_file", "t.id"),
        ("subject", "t.case_id"),
        ("asset", "t.case_id"),
        ("asset_owner", "(SELECT a.case_id FROM asset a WHERE a.id = t.asset_id)"),
        ("valuation", "(SELECT a.case_id FROM asset a WHERE a.id = t.asset_id)"),
        ("legal_order", "t.case_id"),
        ("order_asset", "(SELECT o.case_id FROM legal_order o WHERE o.id = t.order_id)"),
        ("order_subject", "(SELECT o.case_id FROM legal_order o WHERE o.id = t.order_id)"),
        ("order_execution", "(SELECT o.case_id FROM legal_order o WHERE o.id = t.order_id)"),
        ("asset_event", "(SELECT a.case_id FROM asset a WHERE a.id = t.asset_id)"),
        ("asset_management", "(SELECT a.case_id FROM asset a WHERE a.id = t.asset_id)"),
        ("recovered_value", "t.case_id"),
        ("exchange_request", "t.case_id"),
        ("exchange_request_subject", "(SELECT r.case_id FROM exchange_request r WHERE r.id = t.request_id)"),
        ("exchange_request_asset", "(SELECT r.case_id FROM exchange_request r WHERE r.id = t.request_id)"),
        ("exchange_request_event", "(SELECT r.case_id FROM exchange_request r WHERE r.id = t.request_id)"),
        ("certificate", "t.case_id"),
        ("certificate_event", "(SELECT c.case_id FROM certificate c WHERE c.id = t.certificate_id)"),
        ("certificate_recovery", "(SELECT c.case_id FROM certificate c WHERE c.id = t.certificate_id)"),
        ("certificate_sharing", "(SELECT c.case_id FROM certificate c WHERE c.id = t.certificate_id)"),
    ]

    /// Writes `clones` through COPY, `batchSize` cases per transaction, and returns how many
    /// rows each table received. Each copy's reference continues its office's numbering for
    /// the year it is now opened in (and the numbering is kept for the cases recorded after).
    /// `rewrite` sees every row of the tables it names before it is written; `progress` hears
    /// how many copies are written so far.
    public func cloneCases(
        _ clones: [CaseClone], batchSize: Int = 2_000, rewriting tables: Set<String>, rewrite: @escaping @Sendable (String, inout ClonedRow) -> Void,
        progress: @Sendable (Int) -> Void
    ) async throws -> [String: Int] {
        let templates = try await transaction { store in
            try await store.templateRows(of: Array(Set(clones.map(\.template))))
        }
        var written: [String: Int] = [:]
        var done = 0
        for start in stride(from: 0, to: clones.count, by: batchSize) {
            let batch = Array(clones[start..<min(start + batchSize, clones.count)])
            let counts = try await transaction { store in
                try await store.copy(batch, of: templates, rewriting: tables, rewrite: rewrite)
            }
            written.merge(counts, uniquingKeysWith: +)
            done += batch.count
            progress(done)
        }
        return written
    }
}

/// How many records of each kind the database holds.
public struct RecordCounts: Sendable, Equatable {
    public let cases: Int
    public let subjects: Int
    public let assets: Int
    public let valuations: Int
    public let events: Int
    public let orders: Int
    public let requests: Int
    public let certificates: Int
    public let recoveredValues: Int
}

extension Store {
    /// Every case's id, in reference order.
    public func caseIDs() async throws -> [UUID] {
        try await transaction.query("SELECT id FROM case_file ORDER BY reference").map { try $0.decode(UUID.self, 0) }
    }

    public func recordCounts() async throws -> RecordCounts {
        let row = try await transaction.query(
            """
            SELECT (SELECT count(*) FROM case_file), (SELECT count(*) FROM subject), (SELECT count(*) FROM asset),
                (SELECT count(*) FROM valuation), (SELECT count(*) FROM asset_event), (SELECT count(*) FROM legal_order),
                (SELECT count(*) FROM exchange_request), (SELECT count(*) FROM certificate), (SELECT count(*) FROM recovered_value)
            """)[0]
        return try RecordCounts(
            cases: row.decode(Int.self, 0), subjects: row.decode(Int.self, 1), assets: row.decode(Int.self, 2),
            valuations: row.decode(Int.self, 3), events: row.decode(Int.self, 4), orders: row.decode(Int.self, 5),
            requests: row.decode(Int.self, 6), certificates: row.decode(Int.self, 7), recoveredValues: row.decode(Int.self, 8))
    }
}

/// The rows of the template cases, by table, each with the case it belongs to.
struct TemplateRows: Sendable {
    struct Table: Sendable {
        let name: String
        let columns: [String]
        let types: [String]
        let rows: [(caseID: UUID, values: [String?])]
    }

    let tables: [Table]
}

extension Store {
    func templateRows(of cases: [UUID]) async throws -> TemplateRows {
        let uncopiable = try await transaction.query(
            """
            SELECT EXISTS (SELECT 1 FROM case_grant WHERE case_id = ANY($1::uuid[]))
                OR EXISTS (SELECT 1 FROM asset_event e JOIN asset a ON a.id = e.asset_id WHERE a.case_id = ANY($1::uuid[]) AND e.corrects_event_id IS NOT NULL)
                OR EXISTS (SELECT 1 FROM order_correction k JOIN legal_order o ON o.id = k.order_id WHERE o.case_id = ANY($1::uuid[]))
                OR EXISTS (SELECT 1 FROM exchange_request r WHERE r.case_id = ANY($1::uuid[]) AND r.channel = 'arca')
                OR EXISTS (SELECT 1 FROM certificate c WHERE c.case_id = ANY($1::uuid[]) AND c.channel = 'arca')
            """, [cases.map(\.lowercased)])[0].decode(Bool.self, 0)
        if uncopiable {
            throw PostgresError(
                kind: .protocolViolation,
                message: "a template case is shared, holds a date correction or a message exchanged directly, which its copies cannot carry")
        }
        var tables: [TemplateRows.Table] = []
        for (table, caseOf) in Database.caseTables {
            // Identity columns (an event's number) are left to the database, in copy order.
            let described = try await transaction.query(
                """
                SELECT column_name::text, data_type::text, (SELECT a.attname::text FROM pg_attribute a
                    WHERE a.attrelid = $1::text::regclass AND a.attidentity <> '' LIMIT 1)
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name::text = $1::text AND is_identity = 'NO' AND is_generated = 'NEVER'
                ORDER BY ordinal_position
                """, [table])
            let columns = try described.map { try $0.decode(String.self, 0) }
            let types = try described.map { try $0.decode(String.self, 1) }
            let identity = try described.first?.decode(String?.self, 2)
            let list = columns.map { "t.\"\($0)\"::text" }.joined(separator: ", ")
            let order = identity.map { "t.\"\($0)\"" } ?? (columns.contains("created_at") ? "t.created_at" : "1")
            let rows = try await transaction.query(
                "SELECT (\(caseOf))::text, \(list) FROM \(table) t WHERE (\(caseOf)) = ANY($1::uuid[]) ORDER BY \(order)",
                [cases.map(\.lowercased)])
            tables.append(
                TemplateRows.Table(
                    name: table, columns: columns, types: types,
                    rows: try rows.map { row in
                        (try UUID(uuidString: row.decode(String.self, 0)).orThrow("case"), try (1...columns.count).map { try row.decode(String?.self, $0) })
                    }))
        }
        return TemplateRows(tables: tables)
    }

    /// Copies each clone's rows, table by table, one COPY per table.
    func copy(_ clones: [CaseClone], of templates: TemplateRows, rewriting: Set<String>, rewrite: @escaping @Sendable (String, inout ClonedRow) -> Void)
        async throws -> [String: Int]
    {
        var numbering = try await ReferenceNumbering.current(in: transaction)
        var counts: [String: Int] = [:]
        for (tableNumber, table) in templates.tables.enumerated() {
            let byCase = Dictionary(grouping: table.rows, by: \.caseID)
            let positions = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
            let kinds = table.types.map(ColumnKind.init)
            let isCase = table.name == "case_file"
            let reference = positions["reference"], office = positions["office_code"], opened = positions["opened_on"]
            // Numbers are given in clone order, so the same clones get the same references.
            var rows: [[String?]] = []
            for clone in clones {
                let (high, low) = clone.idMask.words
                for (ordinal, template) in (byCase[clone.template] ?? []).enumerated() {
                    var row = ClonedRow(
                        columns: positions, values: template.values, seed: high ^ low ^ (UInt64(tableNumber) << 40) ^ UInt64(ordinal))
                    for (index, kind) in kinds.enumerated() {
                        guard let value = row.values[index] else { continue }
                        row.values[index] = try kind.moved(value, mask: clone.idMask, daysEarlier: clone.daysEarlier)
                    }
                    if isCase, let reference, let office, let opened, let old = row.values[reference].flatMap(CaseReference.init),
                        let code = row.values[office], let day = row.values[opened]
                    {
                        row.values[reference] = numbering.next(prefix: old.prefix, office: code, year: try Day(day).year)
                    }
                    if rewriting.contains(table.name) { rewrite(table.name, &row) }
                    rows.append(row.values)
                }
            }
            let columnList = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let sent = rows
            counts[table.name] = try await transaction.copyIn("COPY \(table.name) (\(columnList)) FROM STDIN") { writer in
                for row in sent { try writer.append(row) }
            }
        }
        try await numbering.save(in: transaction)
        return counts
    }
}

/// What a copy changes in a column, by its type.
enum ColumnKind {
    case id
    case day
    case instant
    case other

    init(type: String) {
        switch type {
        case "uuid": self = .id
        case "date": self = .day
        case "timestamp with time zone": self = .instant
        default: self = .other
        }
    }

    func moved(_ value: String, mask: UUID, daysEarlier: Int) throws -> String {
        switch self {
        case .id:
            guard let id = UUID(uuidString: value) else { throw PostgresError(kind: .decoding, message: "not a uuid: \(value)") }
            return Self.masked(id, mask).lowercased
        case .day:
            return try Day(value).adding(days: -daysEarlier).description
        case .instant:
            // `2026-11-29 10:00:00.123+00`: the day moves, the time of day stays.
            return try Day(String(value.prefix(10))).adding(days: -daysEarlier).description + value.dropFirst(10)
        case .other:
            return value
        }
    }

    static func masked(_ id: UUID, _ mask: UUID) -> UUID {
        let a = id.uuid, b = mask.uuid
        return UUID(
            uuid: (
                a.0 ^ b.0, a.1 ^ b.1, a.2 ^ b.2, a.3 ^ b.3, a.4 ^ b.4, a.5 ^ b.5, a.6 ^ b.6, a.7 ^ b.7, a.8 ^ b.8, a.9 ^ b.9, a.10 ^ b.10,
                a.11 ^ b.11, a.12 ^ b.12, a.13 ^ b.13, a.14 ^ b.14, a.15 ^ b.15
            ))
    }
}

extension UUID {
    /// The id's 128 bits as two words.
    var words: (UInt64, UInt64) {
        withUnsafeBytes(of: uuid) { ($0.load(fromByteOffset: 0, as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }
}

/// The last case number given per office and year (`case_reference_counter`), continued by
/// the copies and written back, so that cases recorded afterwards are numbered after them.
struct ReferenceNumbering {
    private var last: [String: Int]

    static func current(in transaction: Transaction) async throws -> ReferenceNumbering {
        let rows = try await transaction.query("SELECT office_code, year, last_number FROM case_reference_counter")
        var last: [String: Int] = [:]
        for row in rows { last["\(try row.decode(String.self, 0)) \(try row.decode(Int.self, 1))"] = try row.decode(Int.self, 2) }
        return ReferenceNumbering(last: last)
    }

    mutating func next(prefix: String, office: String, year: Int) -> String {
        let key = "\(office) \(year)"
        let number = (last[key] ?? 0) + 1
        last[key] = number
        return CaseReference(prefix: prefix, year: year, number: number).description
    }

    func save(in transaction: Transaction) async throws {
        for (key, number) in last {
            let parts = key.split(separator: " ")
            try await transaction.execute(
                """
                INSERT INTO case_reference_counter (office_code, year, last_number) VALUES ($1, $2, $3)
                ON CONFLICT (office_code, year) DO UPDATE SET last_number = greatest(case_reference_counter.last_number, EXCLUDED.last_number)
                """, [String(parts[0]), Int(parts[1])!, number])
        }
    }
}
