import Foundation

/// A country by ISO 3166-1 alpha-2 code: Member States and third countries alike (asset
/// locations, nationalities, counterparts), from the full list (`ISO3166`). `EL` is read as
/// Greece, `GR`.
public struct CountryCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(VocabularyError) {
        let code = try Self.shape(text)
        guard ISO3166.alpha2.contains(code) else {
            throw VocabularyError(code: text, expected: "an ISO 3166-1 country code (\(code) is not assigned to a country)")
        }
        self.value = code
    }

    /// A code as recorded before the full list was checked: two letters, kept as they were
    /// so that older records stay readable.
    public init(recorded text: String) throws(VocabularyError) {
        self.value = try Self.shape(text)
    }

    private static func shape(_ text: String) throws(VocabularyError) -> String {
        guard text.utf8.count == 2, text.utf8.allSatisfy(\.isASCIILetter) else {
            throw VocabularyError(code: text, expected: "an ISO 3166-1 alpha-2 country code such as BE")
        }
        let upper = text.asciiCapitals
        return upper == "EL" ? "GR" : upper
    }

    public var memberState: MemberState? { MemberState(code: value) }

    /// Every code a country may be given, sorted.
    public static var assigned: [String] { ISO3166.alpha2.sorted() }
    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CountryCode(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A natural or a legal person in a case, with their part in it (DOMAIN §2).
public struct Subject: Hashable, Sendable, Codable {
    public enum Person: Hashable, Sendable, Codable {
        case natural(birthDate: Day?, nationality: CountryCode?)
        case legal(registrationNumber: String?, seat: CountryCode?)

        public var kind: SubjectKind {
            switch self {
            case .natural: return .naturalPerson
            case .legal: return .legalPerson
            }
        }
    }

    public let id: UUID
    public let caseID: UUID
    public var name: String
    public var person: Person
    /// A suspect becomes an accused, then a convicted person: corrected as the case moves on.
    public var role: SubjectRole
    public var version: Int

    public init(id: UUID, caseID: UUID, name: String, person: Person, role: SubjectRole, version: Int = 1) {
        self.id = id
        self.caseID = caseID
        self.name = name
        self.person = person
        self.role = role
        self.version = version
    }

    public static let nameLength = 1...300
    public static let registrationNumberLength = 1...100
}

/// Whether a subject is a human being or a company (DOMAIN §2): each is identified by its
/// own details, and never by the other kind's.
public enum SubjectKind: String, CaseIterable, Sendable, Codable {
    case naturalPerson = "natural_person"
    case legalPerson = "legal_person"

    /// The details that identify a subject of this kind.
    public var details: [PersonDetail] {
        switch self {
        case .naturalPerson: return [.birthDate, .nationality]
        case .legalPerson: return [.registrationNumber, .seat]
        }
    }

    /// Refuses a detail only the other kind has.
    public func check(_ detail: PersonDetail) throws(PersonDetailError) {
        guard details.contains(detail) else { throw PersonDetailError(kind: self, detail: detail) }
    }
}

/// A detail identifying a subject, named as the record names it.
public enum PersonDetail: String, CaseIterable, Sendable {
    case birthDate, nationality, registrationNumber, seat
}

/// A detail given for a subject of the kind that does not have it.
public struct PersonDetailError: Error, Equatable, CustomStringConvertible {
    public let kind: SubjectKind
    public let detail: PersonDetail

    public var description: String {
        switch (kind, detail) {
        case (.naturalPerson, .seat): return "a natural person has a nationality, not a seat"
        case (.legalPerson, .nationality): return "a legal person has a seat, not a nationality"
        case (.naturalPerson, _): return "a natural person has no \(detail == .registrationNumber ? "registration number" : "\(detail)")"
        case (.legalPerson, _): return "a legal person has no \(detail == .birthDate ? "birth date" : "\(detail)")"
        }
    }
}
