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
    /// Continue after this case in the list's order.
    public var after: CasePosition?
    public var limit: Int

    public init(office: OfficeCode, limit: Int) {
        self.office = office
        self.limit = limit
    }

    public static let limits = 1...200
    public static let textLength = 1...200
}

/// A case's place in the list order (opened on, then id, both descending). New cases
/// never shift it, so paging stays exact while others record cases.
public struct CasePosition: Sendable, Equatable, Codable {
    public let openedOn: Day
    public let id: UUID

    public init(openedOn: Day, id: UUID) {
        self.openedOn = openedOn
        self.id = id
    }
}
