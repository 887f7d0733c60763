import ArcaDomain
import ArcaPersistence
import Foundation

/// Lets a disabled user use ARCA again; the tokens they held stay revoked, so they start with
/// a new one (`IssueToken`). Audited.
public struct EnableUser: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(userName: String, by caller: Caller) async throws -> User {
        try caller.require(.administerUsers)
        let name = try UserName.named(userName, in: "user")
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name, forUpdate: true) else { throw UseCaseError.notFound("user \(name)") }
            let enabled: User
            do throws(UserStandingError) {
                enabled = try user.enabled()
            } catch {
                throw UseCaseError.conflict(error.description)
            }
            try await store.users.setDisabled(user.id, nil)
            try await store.audit.change("EnableUser", by: caller, entity: "user", id: user.id.uuidString.lowercased(), before: user, after: enabled)
            return enabled
        }
    }
}
