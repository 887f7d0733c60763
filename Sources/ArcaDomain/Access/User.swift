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
    /// Since when, and why, the user may not use ARCA at all; nil while enabled.
    public private(set) var disabled: Disabling?

    /// When and why an administrator disabled a user (someone who left the office, or is
    /// suspended).
    public struct Disabling: Hashable, Sendable, Encodable {
        public let at: Date
        public let reason: String

        public init(at: Date, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    public init(
        id: UUID, name: UserName, role: Role, office: OfficeCode, timeZone: TimeZone = Office.defaultTimeZone, purposeRequired: Bool = false,
        osAccount: OSAccountName? = nil, disabled: Disabling? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.office = office
        self.timeZone = timeZone
        self.purposeRequired = purposeRequired
        self.osAccount = osAccount
        self.disabled = disabled
    }

    /// The same user, acted as at the command line by `account`, or by no account.
    public func mapped(to account: OSAccountName?) -> User {
        User(
            id: id, name: name, role: role, office: office, timeZone: timeZone, purposeRequired: purposeRequired, osAccount: account,
            disabled: disabled)
    }

    /// The user disabled: from then on their tokens are refused, none is issued to them and no
    /// account acts as them.
    public func disabled(at: Date, reason: String) throws(UserStandingError) -> User {
        if let disabled { throw .alreadyDisabled(name, since: disabled.at) }
        var user = self
        user.disabled = Disabling(at: at, reason: reason)
        return user
    }

    /// The user enabled again; the tokens they held stay revoked.
    public func enabled() throws(UserStandingError) -> User {
        guard disabled != nil else { throw .notDisabled(name) }
        var user = self
        user.disabled = nil
        return user
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, office, osAccount, disabled
    }

    /// How long the label of one of the user's API tokens may be ("laptop", "batch import").
    public static let tokenLabelLength = 1...200
}

/// A user disabled or enabled when that makes no sense.
public enum UserStandingError: Error, Equatable, CustomStringConvertible {
    case alreadyDisabled(UserName, since: Date)
    case notDisabled(UserName)

    public var description: String {
        switch self {
        case .alreadyDisabled(let name, let since):
            return "\(name) is already disabled, since \(since.formatted(.iso8601))"
        case .notDisabled(let name):
            return "\(name) is not disabled"
        }
    }
}
