import ArcaDomain
import Foundation

/// What a user sends to open a case. Fields are as typed by the user; the use case checks
/// them all and reports every broken rule at once.
public struct NewCase: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var title: String?
    public var offences: [String]?
    public var openedOn: String?
    public var origin: String?
    public var criminalFileReference: String?
    /// An incoming request with no case yet, which this case is opened for: the case's origin
    /// follows from it, and the request is linked to the case.
    public var fromRequest: String?
    /// An incoming certificate with no case yet, which this case is opened for.
    public var fromCertificate: String?

    public init(
        title: String?, offences: [String]?, openedOn: String?, origin: String? = nil,
        criminalFileReference: String? = nil, fromRequest: String? = nil, fromCertificate: String? = nil
    ) {
        self.title = title
        self.offences = offences
        self.openedOn = openedOn
        self.origin = origin
        self.criminalFileReference = criminalFileReference
        self.fromRequest = fromRequest
        self.fromCertificate = fromCertificate
    }
}

/// The office a case is to be shared with.
public struct CaseShare: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var office: String?

    public init(office: String?) {
        self.office = office
    }
}

/// The fields of a case a user changes; those left nil stay as they are.
public struct CaseChanges: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var title: String?
    public var offences: [String]?
    public var status: String?
    /// Cleared when sent as null.
    public var criminalFileReference: FieldChange<String>

    public init(title: String? = nil, offences: [String]? = nil, status: String? = nil, criminalFileReference: FieldChange<String> = .keep) {
        self.title = title
        self.offences = offences
        self.status = status
        self.criminalFileReference = criminalFileReference
    }
}

/// The filters of a case list, as typed.
public struct CaseListRequest: Sendable, Equatable {
    public var status: String?
    public var offence: String?
    public var assetCategory: String?
    public var country: String?
    public var openedFrom: String?
    public var openedTo: String?
    public var text: String?
    /// `true` or `false`.
    public var reviewDue: String?
    public var limit: Int?
    public var cursor: String?

    public init(
        status: String? = nil, offence: String? = nil, assetCategory: String? = nil, country: String? = nil,
        openedFrom: String? = nil, openedTo: String? = nil, text: String? = nil, reviewDue: String? = nil, limit: Int? = nil,
        cursor: String? = nil
    ) {
        self.status = status
        self.offence = offence
        self.assetCategory = assetCategory
        self.country = country
        self.openedFrom = openedFrom
        self.openedTo = openedTo
        self.text = text
        self.reviewDue = reviewDue
        self.limit = limit
        self.cursor = cursor
    }
}

/// A person to add to a case.
public struct NewSubject: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    /// `natural_person` or `legal_person`.
    public var kind: String?
    public var name: String?
    public var role: String?
    public var birthDate: String?
    public var nationality: String?
    public var registrationNumber: String?
    public var seat: String?

    public init(
        kind: String?, name: String?, role: String?, birthDate: String? = nil, nationality: String? = nil,
        registrationNumber: String? = nil, seat: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.role = role
        self.birthDate = birthDate
        self.nationality = nationality
        self.registrationNumber = registrationNumber
        self.seat = seat
    }
}

/// One page of a list, and where the next one starts (nil on the last page).
/// What a user corrects in a subject's record; fields left out stay, fields sent as null are
/// cleared. Birth date and nationality belong to natural persons, registration number and
/// seat to legal persons.
public struct SubjectChanges: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var name: String?
    public var role: String?
    public var birthDate: FieldChange<String>
    public var nationality: FieldChange<String>
    public var registrationNumber: FieldChange<String>
    public var seat: FieldChange<String>

    public init(
        name: String? = nil, role: String? = nil, birthDate: FieldChange<String> = .keep, nationality: FieldChange<String> = .keep,
        registrationNumber: FieldChange<String> = .keep, seat: FieldChange<String> = .keep
    ) {
        self.name = name
        self.role = role
        self.birthDate = birthDate
        self.nationality = nationality
        self.registrationNumber = registrationNumber
        self.seat = seat
    }
}

public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let next: String?

    /// The page of `rows`, which a repository reads one past `limit` to tell whether more follow.
    init(rows: [Item], limit: Int, cursor: (Item) -> String?) {
        items = Array(rows.prefix(limit))
        next = rows.count > limit ? items.last.flatMap(cursor) : nil
    }
}

/// A case as a reader sees it: the record, its people, its property and the orders on it,
/// and who else may see it.
public struct CaseFile: Sendable {
    public let record: Case
    public let subjects: [Subject]
    public let assets: [Asset]
    public let orders: [LegalOrder]
    public let sharedWith: [OfficeCode]
}

/// Money actually received in a case, where it came from and where it went.
public struct NewRecoveredValue: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var amount: MoneyInput?
    public var receivedOn: String?
    public var source: String?
    public var sourceState: String?
    public var destination: String?
    public var destinationState: String?
    /// The victim compensated: a subject id of the case.
    public var recipient: String?
    /// The asset of the case it came from, if one.
    public var asset: String?
    public var reason: String?

    public init(
        amount: MoneyInput?, receivedOn: String?, source: String?, sourceState: String? = nil, destination: String?,
        destinationState: String? = nil, recipient: String? = nil, asset: String? = nil, reason: String?
    ) {
        self.amount = amount
        self.receivedOn = receivedOn
        self.source = source
        self.sourceState = sourceState
        self.destination = destination
        self.destinationState = destinationState
        self.recipient = recipient
        self.asset = asset
        self.reason = reason
    }
}
