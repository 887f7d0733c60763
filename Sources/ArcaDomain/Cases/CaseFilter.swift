import Foundation

/// Which cases a list shows: those an office may see, narrowed by the filters a user set,
/// newest opened first, from a position in that order.
public struct CaseFilter: Sendable, Equatable, Codable {
    /// The office whose view this is: its own cases and those shared with it.
    public var office: OfficeCode
    public var status: CaseStatus?
    public var offence: OffenceCategory?
    /// Cases holding at least one asset of this category.
    public var assetCategory: AssetCategory?
    /// Cases holding at least one asset located in this country.
    public var country: CountryCode?
    public var openedFrom: Day?
    public var openedTo: Day?
    /// Part of the reference, the title, or a subject's name.
    public var text: String?
    /// Only the office's own cases whose personal data is due for review (or, false, the
    /// others): not erased, with a review day today or past by the office's calendar.
    public var reviewDue: Bool?
    /// Continue after this case in the list's order.
    public var after: ListPosition?
    public var limit: Int

    public init(office: OfficeCode, limit: Int) {
        self.office = office
        self.limit = limit
    }

    public static let textLength = 1...200
}

/// A record's place in a list ordered by a day, then id, both descending (cases by the
/// day opened, assets by the day identified). New records never shift it, so paging
/// stays exact while others record.
public struct ListPosition: Sendable, Equatable, Codable {
    public let day: Day
    public let id: UUID

    public init(day: Day, id: UUID) {
        self.day = day
        self.id = id
    }
}

/// Which assets a list shows: those in cases an office may see, narrowed by the filters a
/// user set, newest identified first.
public struct AssetFilter: Sendable, Equatable, Codable {
    public var office: OfficeCode
    public var caseID: UUID?
    public var category: AssetCategory?
    public var country: CountryCode?
    public var state: AssetState?
    public var identifiedFrom: Day?
    public var identifiedTo: Day?
    /// Part of the description or of an identifier (IBAN, VIN, registry reference, wallet, registration).
    public var text: String?
    /// Only assets frozen or confiscated without a valuation to give that value.
    public var valueMissing: Bool?
    public var after: ListPosition?
    public var limit: Int

    public init(office: OfficeCode, limit: Int) {
        self.office = office
        self.limit = limit
    }
}
