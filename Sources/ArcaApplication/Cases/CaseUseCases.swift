import ArcaDomain
import ArcaPersistence
import Foundation

extension Caller {
    /// The office whose records the caller works on; the command-line administrator has none.
    func office(for permission: Permission) throws(UseCaseError) -> OfficeCode {
        try require(permission)
        guard let office else { throw .forbidden("only a user of an office may \(permission.phrase)") }
        return office
    }
}

extension Permission {
    var phrase: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Reading the parts of a case request that creation and update share.
extension Validation {
    mutating func title(_ field: String, _ text: String) -> String? {
        check(field, "text") { () throws(RecordTextError) in try RecordText.valid(text, length: CaseRules.titleLength, what: "the title") }
    }

    mutating func offences(_ field: String, _ codes: [String]) -> [OffenceCategory]? {
        guard CaseRules.offenceCount.contains(codes.count) else {
            add(field, "count", "a case has \(CaseRules.offenceCount.lowerBound) to \(CaseRules.offenceCount.upperBound) offences")
            return nil
        }
        var offences: [OffenceCategory] = []
        for (index, code) in codes.enumerated() {
            guard let offence = check("\(field)[\(index)]", "offence-category", { () throws(VocabularyError) in
                try OffenceCategory(rawValue: code).orRefuse(code, as: "an offence category (see GET /v1/vocabularies)")
            }) else { continue }
            if !offences.contains(offence) { offences.append(offence) }
        }
        return offences
    }

    mutating func criminalFileReference(_ field: String, _ text: String) -> String? {
        check(field, "text") { () throws(RecordTextError) in
            try RecordText.valid(text, length: CaseRules.criminalFileReferenceLength, what: "the criminal-file reference")
        }
    }
}

/// Opens a case in the caller's office, numbered in the office's series for the year it
/// is opened.
public struct CreateCase: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewCase, by caller: Caller) async throws -> Case {
        let officeCode = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let title = validation.required("title", input.title).flatMap { validation.title("title", $0) }
        let offences = validation.required("offences", input.offences).flatMap { validation.offences("offences", $0) }
        let openedOn = validation.pastDay("openedOn", input.openedOn, today: caller.today(now))
        let origin = validation.optional("origin", input.origin, "case-origin") { (code) throws(VocabularyError) in
            try CaseOrigin(rawValue: code).orRefuse(code, as: "a case origin (\(CaseOrigin.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let criminalFile = input.criminalFileReference.flatMap { validation.criminalFileReference("criminalFileReference", $0) }
        try validation.finish()
        guard let title, let offences, let openedOn else { return try unreachable() }

        return try await database.transaction { store in
            guard let office = try await store.offices.find(officeCode) else { throw UseCaseError.forbidden("office \(officeCode) is not registered") }
            let reference = try await store.cases.nextReference(office: office, year: openedOn.year)
            let file = Case(
                id: UUID(), reference: reference, office: officeCode, title: title, offences: offences, openedOn: openedOn,
                status: .opened, origin: origin ?? .domesticReferral, criminalFileReference: criminalFile, version: 1,
                createdAt: now, updatedAt: now)
            try await store.cases.add(file)
            try await store.audit.change("CreateCase", by: caller, entity: "case", id: file.id.lowercased, after: file)
            return file
        }
    }
}

/// Shows a case with its subjects, assets and orders, and logs the consultation of each
/// case, subject, asset and order shown (Dir 2016/680 Art 25).
public struct ReadCase: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> CaseFile {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            let record = try await store.cases.find(id, visibleTo: office).found("case \(id.lowercased)").permit(.read, by: office, "case \(id.lowercased)")
            let file = CaseFile(
                record: record, subjects: try await store.subjects.inCase(id), assets: try await store.assets.inCase(id),
                orders: try await store.orders.inCase(id), sharedWith: try await store.cases.grants(caseID: id))
            try await store.audit.appendConsultations(
                by: caller.auditActor, operation: "ReadCase",
                records: [("case", id.lowercased)] + file.subjects.map { ("subject", $0.id.lowercased) }
                    + file.assets.map { ("asset", $0.id.lowercased) } + file.orders.map { ("order", $0.id.lowercased) })
            return file
        }
    }
}

/// Changes a case of the caller's office, provided the caller saw its current version.
public struct UpdateCase: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(id: UUID, changes: CaseChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Case {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let title = changes.title.flatMap { validation.title("title", $0) }
        let offences = changes.offences.flatMap { validation.offences("offences", $0) }
        let status = validation.optional("status", changes.status, "case-status") { (code) throws(VocabularyError) in
            try CaseStatus(rawValue: code).orRefuse(code, as: "a case status (\(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let criminalFile = changes.criminalFileReference.parsed { validation.criminalFileReference("criminalFileReference", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.cases.owned(id, by: office, caller: caller)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "case \(current.reference)")
            if let status, status != current.status, !CaseLifecycle.canMove(from: current.status, to: status) {
                let allowed = CaseLifecycle.allowedNext(from: current.status).map(\.rawValue).joined(separator: ", ")
                throw UseCaseError.conflict(
                    "case \(current.reference) is \(current.status.rawValue) and cannot move to \(status.rawValue); allowed: \(allowed.isEmpty ? "nothing, it is closed" : allowed)")
            }
            let changed = Case(
                id: current.id, reference: current.reference, office: current.office, title: title ?? current.title,
                offences: offences ?? current.offences, openedOn: current.openedOn, status: status ?? current.status,
                origin: current.origin, criminalFileReference: criminalFile.applied(to: current.criminalFileReference),
                version: current.version + 1, createdAt: current.createdAt, updatedAt: clock())
            guard try await store.cases.update(changed) else {
                throw UseCaseError.stale("case \(current.reference) was changed meanwhile: read it again")
            }
            try await store.audit.change("UpdateCase", by: caller, entity: "case", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}

extension CaseRepository {
    /// The case, when the caller's office owns it: not found when the office may not see
    /// it, forbidden when it is only shared with the office.
    /// `toRecord` also refuses a closed case, which takes no new assets, orders or events.
    func owned(_ id: UUID, by office: OfficeCode, caller: Caller, toRecord: Bool = false) async throws -> Case {
        let found = try await find(id, visibleTo: office, forShare: toRecord).found("case \(id.lowercased)")
        return try found.permit(toRecord ? .record : .change, by: office, "case \(found.record.reference)")
    }
}

/// Lists the cases the caller's office may see, newest opened first, one page at a time.
/// The search itself is logged (Dir 2024/1260 Art 8 asks that every search be monitored).
public struct ListCases: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(_ request: CaseListRequest, by caller: Caller) async throws -> Page<Case> {
        let office = try caller.office(for: .readCases)
        var validation = Validation()
        var filter = CaseFilter(office: office, limit: validation.pageLimit(request.limit))
        filter.status = validation.optional("status", request.status, "case-status") { (code) throws(VocabularyError) in
            try CaseStatus(rawValue: code).orRefuse(code, as: "a case status")
        }
        filter.offence = validation.optional("offence", request.offence, "offence-category") { (code) throws(VocabularyError) in
            try OffenceCategory(rawValue: code).orRefuse(code, as: "an offence category")
        }
        filter.assetCategory = validation.optional("assetCategory", request.assetCategory, "asset-category") {
            (code) throws(VocabularyError) in try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category")
        }
        filter.country = validation.optional("country", request.country, "country-code") { (code) throws(VocabularyError) in
            try CountryCode(code)
        }
        filter.openedFrom = validation.optional("openedFrom", request.openedFrom, "date") { (text) throws(DayError) in try Day(text) }
        filter.openedTo = validation.optional("openedTo", request.openedTo, "date") { (text) throws(DayError) in try Day(text) }
        filter.text = validation.optional("q", request.text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: CaseFilter.textLength, what: "the search text")
        }
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.position(text) }
        try validation.finish()

        return try await database.transaction { store in
            let rows = try await store.cases.list(filter)
            let page = Page(rows: rows, limit: filter.limit) { Cursor.text(ListPosition(day: $0.openedOn, id: $0.id)) }
            try await store.audit.recordSearch("ListCases", by: caller, entity: "case", filter: filter, shown: page.items.map(\.id.lowercased))
            return page
        }
    }
}

/// Lets another office of the deployment see a case of the caller's office.
public struct ShareCase: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, _ input: CaseShare, by caller: Caller) async throws -> [OfficeCode] {
        let office = try caller.office(for: .shareCases)
        var validation = Validation(reading: input)
        let target = validation.required("office", input.office, "office-code") { (text) throws(OfficeError) in try OfficeCode(text) }
        try validation.finish()
        guard let target else { return try unreachable() }
        return try await database.transaction { store in
            let record = try await store.cases.owned(id, by: office, caller: caller)
            guard target != office else { throw UseCaseError.invalid("office", "other-office", "case \(record.reference) already belongs to \(office)") }
            guard try await store.offices.find(target) != nil else {
                throw UseCaseError.invalid("office", "office-exists", "there is no office \(target)")
            }
            let before = try await store.cases.grants(caseID: id)
            if try await store.cases.grant(caseID: id, to: target, by: caller.name) {
                try await store.audit.change("ShareCase", by: caller, entity: "case", id: id.lowercased, before: SharedWith(before), after: SharedWith(before + [target]))
            }
            return try await store.cases.grants(caseID: id)
        }
    }
}

/// The offices a case is shared with, as the audit trail keeps it.
struct SharedWith: Encodable {
    let sharedWith: [String]

    init(_ offices: [OfficeCode]) {
        sharedWith = offices.map(\.value).sorted()
    }
}

/// Adds a natural or legal person to a case of the caller's office.
public struct AddSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(caseID: UUID, _ input: NewSubject, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let name = validation.required("name", input.name, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: Subject.nameLength, what: "the name")
        }
        let role = validation.required("role", input.role, "subject-role") { (code) throws(VocabularyError) in
            try SubjectRole(rawValue: code).orRefuse(code, as: "a subject role (\(SubjectRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let person = validation.person(input)
        try validation.finish()
        guard let name, let role, let person else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, caller: caller)
            let subject = Subject(id: UUID(), caseID: caseID, name: name, person: person, role: role)
            try await store.subjects.add(subject)
            try await store.audit.change("AddSubject", by: caller, entity: "subject", id: subject.id.lowercased, after: subject)
            return subject
        }
    }
}

/// Shows a subject, and logs the consultation (Dir 2016/680 Art 25).
public struct ReadSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            let subject = try await store.subjects.find(id, visibleTo: office).found("subject \(id.lowercased)").permit(.read, by: office, "subject \(id.lowercased)")
            try await store.audit.appendConsultations(by: caller.auditActor, operation: "ReadSubject", records: [("subject", id.lowercased)])
            return subject
        }
    }
}

/// Corrects a subject of a case of the caller's office (Dir 2016/680 Art 16): name, role,
/// birth date and nationality, or registration number and seat, provided the caller saw its
/// current version. The correction is audited with the record before and after.
public struct UpdateSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, changes: SubjectChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let name = validation.optional("name", changes.name, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: Subject.nameLength, what: "the name")
        }
        let role = validation.optional("role", changes.role, "subject-role") { (code) throws(VocabularyError) in
            try SubjectRole(rawValue: code).orRefuse(code, as: "a subject role (\(SubjectRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let birthDate = changes.birthDate.parsed { text in validation.check("birthDate", "date") { () throws(DayError) in try Day(text) } }
        let nationality = changes.nationality.parsed { validation.country("nationality", $0) }
        let registration = changes.registrationNumber.parsed { text in
            validation.check("registrationNumber", "text") { () throws(RecordTextError) in
                try RecordText.valid(text, length: Subject.registrationNumberLength, what: "the registration number")
            }
        }
        let seat = changes.seat.parsed { validation.country("seat", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.subjects.owned(id, by: office)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "subject \(id.lowercased)")
            var changed = current
            changed.name = name ?? current.name
            changed.role = role ?? current.role
            var check = Validation()
            check.given(
                [.birthDate: changes.birthDate != .keep, .nationality: changes.nationality != .keep,
                 .registrationNumber: changes.registrationNumber != .keep, .seat: changes.seat != .keep], for: current.person.kind)
            try check.finish()
            switch current.person {
            case .natural(let born, let country):
                changed.person = .natural(birthDate: birthDate.applied(to: born), nationality: nationality.applied(to: country))
            case .legal(let number, let country):
                changed.person = .legal(registrationNumber: registration.applied(to: number), seat: seat.applied(to: country))
            }
            changed.version += 1
            guard try await store.subjects.update(changed) else {
                throw UseCaseError.stale("subject \(id.lowercased) was changed meanwhile: read it again")
            }
            try await store.audit.change("UpdateSubject", by: caller, entity: "subject", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}

extension SubjectRepository {
    /// The subject, when the caller's office owns its case: not found when the office may not
    /// see it, forbidden when the case is only shared with the office.
    func owned(_ id: UUID, by office: OfficeCode) async throws -> Subject {
        let what = "subject \(id.lowercased)"
        return try await find(id, visibleTo: office).found(what).permit(.change, by: office, what)
    }
}

extension Validation {
    /// A natural person has a birth date and a nationality; a legal person a registration
    /// number and a seat (`SubjectKind`). Each may be unknown, but not mixed with the other kind's.
    mutating func person(_ input: NewSubject) -> Subject.Person? {
        guard let kind = required("kind", input.kind, "subject-kind", { (code) throws(VocabularyError) in
            try SubjectKind(rawValue: code).orRefuse(code, as: "a kind of subject (natural_person, legal_person)")
        }) else { return nil }
        given([.birthDate: input.birthDate != nil, .nationality: input.nationality != nil,
               .registrationNumber: input.registrationNumber != nil, .seat: input.seat != nil], for: kind)
        switch kind {
        case .naturalPerson:
            let birthDate = optional("birthDate", input.birthDate, "date") { (text) throws(DayError) in try Day(text) }
            let nationality = optional("nationality", input.nationality, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
            return .natural(birthDate: birthDate, nationality: nationality)
        case .legalPerson:
            let registration = optional("registrationNumber", input.registrationNumber, "text") { (text) throws(RecordTextError) in
                try RecordText.valid(text, length: Subject.registrationNumberLength, what: "the registration number")
            }
            let seat = optional("seat", input.seat, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
            return .legal(registrationNumber: registration, seat: seat)
        }
    }

    /// Refuses each detail given that a subject of `kind` does not have.
    mutating func given(_ details: [PersonDetail: Bool], for kind: SubjectKind) {
        for detail in PersonDetail.allCases where details[detail] == true {
            do throws(PersonDetailError) {
                try kind.check(detail)
            } catch {
                add(detail.rawValue, kind.rawValue.replacingOccurrences(of: "_", with: "-"), error.description)
            }
        }
    }
}
