import ArcaDomain
import Foundation
import LibPQ

public struct CaseRepository: Sendable {
    let db: Transaction

    static let columns = """
        c.id, c.reference, c.office_code, c.title, c.offences, c.opened_on::text, c.status, c.origin,
        c.criminal_file_reference, c.version, c.created_at, c.updated_at,
        (SELECT r.review_on::text FROM case_retention r WHERE r.case_id = c.id), (SELECT r.erased_at FROM case_retention r WHERE r.case_id = c.id)
        """

    /// Counts the office's cases of `year` and returns the next reference. The counter row
    /// is locked until the transaction ends, so two cases never get the same number.
    public func nextReference(office: Office, year: Int) async throws -> CaseReference {
        let rows = try await db.query(
            """
            INSERT INTO case_reference_counter (office_code, year, last_number) VALUES ($1, $2, 1)
            ON CONFLICT (office_code, year) DO UPDATE SET last_number = case_reference_counter.last_number + 1
            RETURNING last_number
            """, [office.code.value, year])
        return CaseReference(prefix: office.referencePrefix, year: year, number: try rows.first.orThrow("last_number").decode(Int.self, 0))
    }

    public func add(_ file: Case) async throws {
        try await translatingConstraints {
            try await db.execute(
                """
                INSERT INTO case_file (id, reference, office_code, title, offences, opened_on, status, origin,
                    criminal_file_reference, version, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12)
                """,
                [
                    file.id, file.reference.description, file.office.value, file.title, file.offences.map(\.rawValue),
                    file.openedOn.description, file.status.rawValue, file.origin.rawValue, file.criminalFileReference,
                    file.version, file.createdAt, file.updatedAt,
                ])
        }
    }

    /// The case, if `office` may see it: its own, or shared with it.
    /// `forShare` holds it as it is (not closed, say) until the transaction ends.
    public func find(_ id: UUID, visibleTo office: OfficeCode, forShare: Bool = false) async throws -> Owned<Case>? {
        try await db.query(
            """
            SELECT \(Self.columns) FROM case_file c WHERE c.id = $1 AND \(OfficeAccessSQL.caseVisible(to: "$2"))
            \(forShare ? "FOR SHARE" : "")
            """, [id, office.value]
        ).first.map { row in
            let file = try Self.decodeCase(row)
            return Owned(record: file, owner: file.office, caseStatus: file.status)
        }
    }

    /// Stores `changed` if the stored case is still at version `changed.version - 1`;
    /// returns false when another change came first.
    public func update(_ changed: Case) async throws -> Bool {
        try await db.execute(
            """
            UPDATE case_file SET title = $3, offences = $4, status = $5, criminal_file_reference = $6,
                version = $2, updated_at = $7
            WHERE id = $1 AND version = $2 - 1
            """,
            [
                changed.id, changed.version, changed.title, changed.offences.map(\.rawValue), changed.status.rawValue,
                changed.criminalFileReference, changed.updatedAt,
            ]) == 1
    }

    /// One page of the cases `filter` selects, plus one more when there are more.
    public func list(_ filter: CaseFilter) async throws -> [Case] {
        let sql = Self.listQuery(filter)
        return try await db.query(sql.text, sql.parameters).map(Self.decodeCase)
    }

    /// The statement `list` sends, which a test explains to show it reads by index.
    static func listQuery(_ filter: CaseFilter) -> SQLBuilder {
        var sql = SQLBuilder("SELECT \(Self.columns) FROM case_file c WHERE \(OfficeAccessSQL.caseVisible(to: "$1"))", filter.office.value)
        if let status = filter.status { sql.and("c.status = ?", status.rawValue) }
        if let offence = filter.offence { sql.and("c.offences @> ARRAY[?]::text[]", offence.rawValue) }
        if let from = filter.openedFrom { sql.and("c.opened_on >= ?::date", from.description) }
        if let to = filter.openedTo { sql.and("c.opened_on <= ?::date", to.description) }
        if let text = filter.text {
            // Reference, title and subjects' names in one text (migration 0014): a rare text
            // is read from its trigram index, a common one by walking the newest cases.
            sql.and("c.search_text ILIKE ?", "%" + SQLBuilder.escapeLike(text) + "%")
        }
        if let category = filter.assetCategory {
            sql.and("EXISTS (SELECT 1 FROM asset a WHERE a.case_id = c.id AND a.category = ?)", category.rawValue)
        }
        if let country = filter.country {
            sql.and("EXISTS (SELECT 1 FROM asset a WHERE a.case_id = c.id AND a.country = ?)", country.value)
        }
        if let reviewDue = filter.reviewDue {
            // The office's own cases only (it alone reviews them), due by its calendar.
            let due = """
                (c.office_code = ?1 AND EXISTS (SELECT 1 FROM case_retention r WHERE r.case_id = c.id AND r.erased_at IS NULL
                    AND r.review_on <= (now() AT TIME ZONE (SELECT o.time_zone FROM office o WHERE o.code = ?1))::date))
                """
            sql.and(reviewDue ? due : "NOT " + due, filter.office.value)
        }
        if let after = filter.after {
            sql.and("(c.opened_on, c.id) < (?::date, ?2)", after.day.description, after.id)
        }
        sql.append(" ORDER BY c.opened_on DESC, c.id DESC LIMIT ?", filter.limit + 1)
        return sql
    }

    public func grant(caseID: UUID, to office: OfficeCode, by name: String) async throws -> Bool {
        try await translatingConstraints {
            try await db.execute(
                "INSERT INTO case_grant (case_id, office_code, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                [caseID, office.value, name]) == 1
        }
    }

    public func grants(caseID: UUID) async throws -> [OfficeCode] {
        try await db.query("SELECT office_code FROM case_grant WHERE case_id = $1 ORDER BY office_code", [caseID])
            .map { try OfficeCode($0.decode(String.self, 0)) }
    }

    static func decodeCase(_ row: Row) throws -> Case {
        try Case(
            id: row.decode(UUID.self, 0),
            reference: CaseReference(row.decode(String.self, 1)).orThrow("reference"),
            office: OfficeCode(row.decode(String.self, 2)), title: row.decode(String.self, 3),
            offences: row.decode([String].self, 4).map { try OffenceCategory(rawValue: $0).orThrow("offences") },
            openedOn: Day(row.decode(String.self, 5)),
            status: CaseStatus(rawValue: row.decode(String.self, 6)).orThrow("status"),
            origin: CaseOrigin(rawValue: row.decode(String.self, 7)).orThrow("origin"),
            criminalFileReference: row.decode(String?.self, 8), version: row.decode(Int.self, 9),
            createdAt: row.decode(Date.self, 10), updatedAt: row.decode(Date.self, 11),
            retention: row.decode(String?.self, 12).map { CaseRetention(reviewOn: try Day($0), erasedAt: try row.decode(Date?.self, 13)) })
    }
}

public struct SubjectRepository: Sendable {
    let db: Transaction

    public func add(_ subject: Subject) async throws {
        let (birthDate, nationality, registration, seat) = Self.columns(of: subject.person)
        let kind: String
        switch subject.person {
        case .natural: kind = "natural_person"
        case .legal: kind = "legal_person"
        }
        try await translatingConstraints {
            try await db.execute(
                """
                INSERT INTO subject (id, case_id, kind, name, birth_date, nationality, registration_number, seat_country, role)
                VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9)
                """,
                [subject.id, subject.caseID, kind, subject.name, birthDate, nationality, registration, seat, subject.role.rawValue])
        }
    }

    static let columns = "s.id, s.case_id, s.kind, s.name, s.birth_date::text, s.nationality, s.registration_number, s.seat_country, s.role, s.version"

    public func inCase(_ caseID: UUID) async throws -> [Subject] {
        try await db.query("SELECT \(Self.columns) FROM subject s WHERE s.case_id = $1 ORDER BY s.created_at, s.id", [caseID]).map(Self.decode)
    }

    /// The subject, if `office` may see its case.
    public func find(_ id: UUID, visibleTo office: OfficeCode) async throws -> Owned<Subject>? {
        try await db.query(Self.visibleOne, [office.value, id]).first.map(Self.decodeOwned)
    }

    /// The subject `$2`, with its case's office and status, if the office `$1` may see its case.
    static let visibleOne = """
        SELECT \(columns), c.office_code, c.status FROM subject s JOIN case_file c ON c.id = s.case_id
        WHERE s.id = $2 AND \(OfficeAccessSQL.caseVisible(to: "$1"))
        """

    static func decodeOwned(_ row: Row) throws -> Owned<Subject> {
        Owned(
            record: try decode(row), owner: try OfficeCode(row.decode(String.self, 10)),
            caseStatus: try CaseStatus(rawValue: row.decode(String.self, 11)).orThrow("status"))
    }


    /// Stores the corrected subject if it is still at version `subject.version - 1` and was
    /// not erased.
    public func update(_ subject: Subject) async throws -> Bool {
        let (birthDate, nationality, registration, seat) = Self.columns(of: subject.person)
        return try await db.execute(
            """
            UPDATE subject SET name = $3, birth_date = $4::date, nationality = $5, registration_number = $6, seat_country = $7,
                role = $8, version = $2
            WHERE id = $1 AND version = $2 - 1 AND erased_at IS NULL
            """, [subject.id, subject.version, subject.name, birthDate, nationality, registration, seat, subject.role.rawValue]) == 1
    }

    /// Whether the subject's personal data was erased with its case's.
    public func isErased(_ id: UUID) async throws -> Bool {
        try await db.query("SELECT erased_at IS NOT NULL FROM subject WHERE id = $1", [id]).first?.decode(Bool.self, 0) ?? false
    }

    static func columns(of person: Subject.Person) -> (birthDate: String?, nationality: String?, registration: String?, seat: String?) {
        switch person {
        case .natural(let born, let country): return (born?.description, country?.value, nil, nil)
        case .legal(let number, let country): return (nil, nil, number, country?.value)
        }
    }

    static func decode(_ row: Row) throws -> Subject {
        let person: Subject.Person
        if try row.decode(String.self, 2) == "natural_person" {
            person = .natural(
                birthDate: try row.decode(String?.self, 4).map { try Day($0) },
                nationality: try row.decode(String?.self, 5).map { try CountryCode(recorded: $0) })
        } else {
            person = .legal(
                registrationNumber: try row.decode(String?.self, 6),
                seat: try row.decode(String?.self, 7).map { try CountryCode(recorded: $0) })
        }
        return try Subject(
            id: row.decode(UUID.self, 0), caseID: row.decode(UUID.self, 1), name: row.decode(String.self, 3),
            person: person, role: SubjectRole(rawValue: row.decode(String.self, 8)).orThrow("role"), version: row.decode(Int.self, 9))
    }
}
