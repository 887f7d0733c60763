import ArcaDomain
import ArcaPersistence
import Foundation

/// Stops a user at once, for someone who left the office or is suspended: their tokens are
/// revoked, none can be issued to them and no operating-system account acts as them, until an
/// administrator enables them again. Every server forgets their tokens as the change commits
/// (migration 0013's announcement). Audited with its reason.
public struct DisableUser: Sendable {
    let database: Database
    /// Forgotten as soon as the change commits, without waiting for the database's announcement.
    let tokenCache: TokenCache?
    let clock: @Sendable () -> Date

    public init(database: Database, tokenCache: TokenCache? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.tokenCache = tokenCache
        self.clock = clock
    }

    /// The user as disabled, and how many of their tokens were revoked.
    public func callAsFunction(userName: String, reason: String?, by caller: Caller) async throws -> (user: User, revokedTokens: Int) {
        try caller.require(.administerUsers)
        let name = try UserName.named(userName, in: "user")
        var validation = Validation()
        let reason = validation.required("reason", reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let reason else { return try unreachable() }
        let outcome = try await database.transaction { store in
            guard let user = try await store.users.find(name: name, forUpdate: true) else { throw UseCaseError.notFound("user \(name)") }
            let disabled: User
            do throws(UserStandingError) {
                disabled = try user.disabled(at: clock(), reason: reason)
            } catch {
                throw UseCaseError.conflict(error.description)
            }
            try await store.users.setDisabled(user.id, disabled.disabled)
            let revoked = try await store.tokens.revoke(userID: user.id, tokenID: nil)
            try await store.audit.change(
                "DisableUser", by: caller, entity: "user", id: user.id.uuidString.lowercased(), before: user, after: disabled, reason: reason)
            return (user: disabled, revokedTokens: revoked)
        }
        tokenCache?.forgetAll()
        return outcome
    }
}
