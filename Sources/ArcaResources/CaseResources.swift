import ArcaApplication
import ArcaDomain
import Foundation

/// A case as the API shows it. Ids are written in lower case, as in URLs.
public struct CaseResource: Encodable {
    let id: String
    let reference: String
    let office: String
    let title: String
    let offences: [OffenceCategory]
    let openedOn: Day
    let status: CaseStatus
    let origin: CaseOrigin
    let criminalFileReference: String?
    let version: Int
    let createdAt: Date
    let updatedAt: Date
    /// The day its personal data is next reviewed (kept or erased).
    let reviewOn: Day?
    /// When its subjects' personal data was erased.
    let erasedAt: Date?

    public init(_ record: Case) {
        id = record.id.lowercased
        reference = record.reference.description
        office = record.office.value
        title = record.title
        offences = record.offences
        openedOn = record.openedOn
        status = record.status
        origin = record.origin
        criminalFileReference = record.criminalFileReference
        version = record.version
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        reviewOn = record.retention?.reviewOn
        erasedAt = record.retention?.erasedAt
    }
}

/// A case whose personal data was erased: `POST /v1/cases/{id}/erasure`.
public struct CaseErasureResource: Encodable {
    let record: CaseResource
    let subjectsErased: Int
    let trailEntriesErased: Int
    let rememberedAnswersForgotten: Int

    public init(_ erasure: CaseErasure) {
        record = CaseResource(erasure.record)
        subjectsErased = erasure.subjectsErased
        trailEntriesErased = erasure.trailEntriesErased
        rememberedAnswersForgotten = erasure.rememberedAnswersForgotten
    }

    enum CodingKeys: String, CodingKey {
        case `case`, subjectsErased, trailEntriesErased, rememberedAnswersForgotten
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record, forKey: .case)
        try container.encode(subjectsErased, forKey: .subjectsErased)
        try container.encode(trailEntriesErased, forKey: .trailEntriesErased)
        try container.encode(rememberedAnswersForgotten, forKey: .rememberedAnswersForgotten)
    }
}

/// A case with what it holds: `GET /v1/cases/{id}`.
public struct CaseFileResource: Encodable {
    let record: CaseResource
    let subjects: [SubjectResource]
    let assets: [AssetResource]
    let orders: [OrderResource]
    let sharedWith: [String]

    public init(_ file: CaseFile) {
        record = CaseResource(file.record)
        subjects = file.subjects.map(SubjectResource.init)
        assets = file.assets.map(AssetResource.init)
        orders = file.orders.map(OrderResource.init)
        sharedWith = file.sharedWith.map(\.value)
    }

    enum CodingKeys: String, CodingKey {
        case subjects, assets, orders, sharedWith
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subjects, forKey: .subjects)
        try container.encode(assets, forKey: .assets)
        try container.encode(orders, forKey: .orders)
        try container.encode(sharedWith, forKey: .sharedWith)
    }
}

public struct SubjectResource: Encodable {
    let id: String
    let caseId: String
    let kind: String
    let name: String
    let role: SubjectRole
    let birthDate: Day?
    let nationality: String?
    let registrationNumber: String?
    let seat: String?
    let version: Int

    public init(_ subject: Subject) {
        id = subject.id.lowercased
        caseId = subject.caseID.lowercased
        name = subject.name
        role = subject.role
        version = subject.version
        switch subject.person {
        case .natural(let born, let country):
            kind = "natural_person"
            birthDate = born
            nationality = country?.value
            registrationNumber = nil
            seat = nil
        case .legal(let number, let country):
            kind = "legal_person"
            birthDate = nil
            nationality = nil
            registrationNumber = number
            seat = country?.value
        }
    }
}

/// A list page: `{"items": [...], "next": "<cursor>" | null}`.
public struct PageResource<Item: Encodable>: Encodable {
    let items: [Item]
    let next: String?

    public init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }

    enum CodingKeys: String, CodingKey {
        case items, next
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // `next` is always present, null on the last page.
        try container.encode(next, forKey: .next)
    }
}

extension CaseResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { writeMembers(to: &$0, parts: nil) }
    }

    /// The case's members in sorted order, with a case file's parts where it has them (they
    /// fall between the case's own members).
    func writeMembers(to json: inout JSONWriter, parts file: CaseFileResource?) {
        json.member("assets", file?.assets)
        json.member("createdAt", createdAt)
        json.member("criminalFileReference", criminalFileReference)
        json.member("erasedAt", erasedAt)
        json.member("id", id)
        json.member("offences", offences)
        json.member("office", office)
        json.member("openedOn", openedOn)
        json.member("orders", file?.orders)
        json.member("origin", origin)
        json.member("reference", reference)
        json.member("reviewOn", reviewOn)
        json.member("sharedWith", file?.sharedWith)
        json.member("status", status)
        json.member("subjects", file?.subjects)
        json.member("title", title)
        json.member("updatedAt", updatedAt)
        json.member("version", version)
    }
}

extension CaseFileResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { record.writeMembers(to: &$0, parts: self) }
    }
}

extension SubjectResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("birthDate", birthDate)
            $0.member("caseId", caseId)
            $0.member("id", id)
            $0.member("kind", kind)
            $0.member("name", name)
            $0.member("nationality", nationality)
            $0.member("registrationNumber", registrationNumber)
            $0.member("role", role)
            $0.member("seat", seat)
            $0.member("version", version)
        }
    }
}

extension PageResource: JSONWritable where Item: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("items", items)
            $0.member("next", orNull: next)
        }
    }
}
