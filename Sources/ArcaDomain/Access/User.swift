import Foundation

/// A person who signs in to ARCA: one role, one office.
public struct User: Hashable, Sendable, Encodable {
    public let id: UUID
    public let name: UserName
    public let role: Role
    public let office: OfficeCode
    /// The office's time zone, in which the user's "today" is counted.
    public let timeZone: TimeZone
    /// Whether the office asks the purpose of every consultation.
    public let purposeRequired: Bool
    /// The operating-system account that may act as this user at the command line.
    public let osAccount: OSAccountName?

    public init(
        id: UUID, name: UserName, role: Role, office: OfficeCode, timeZone: TimeZone = Office.defaultTimeZone, purposeRequired: Bool = false,
        osAccount: OSAccountName? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.office = office
        self.timeZone = timeZone
        self.purposeRequired = purposeRequired
        self.osAccount = osAccount
    }

    /// The same user, acted as at the command line by `account`, or by no account.
    public func mapped(to account: OSAccountName?) -> User {
        User(id: id, name: name, role: role, office: office, timeZone: timeZone, purposeRequired: purposeRequired, osAccount: account)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, office, osAccount
    }

    /// How long the label of one of the user's API tokens may be ("laptop", "batch import").
    public static let tokenLabelLength = 1...200
}
