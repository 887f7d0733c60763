import Foundation

/// A person who signs in to ARCA: one role, one office.
public struct User: Hashable, Sendable, Codable {
    public let id: UUID
    public let name: UserName
    public let role: Role
    public let office: OfficeCode

    public init(id: UUID, name: UserName, role: Role, office: OfficeCode) {
        self.id = id
        self.name = name
        self.role = role
        self.office = office
    }
}
