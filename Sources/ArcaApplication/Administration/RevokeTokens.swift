import ArcaDomain
import ArcaPersistence
import Foundation

public struct RevokeTokens: Sendable {
    let database: Database
    /// Forgotten as soon as the change commits, without waiting for the database's announcement.
    let tokenCache: TokenCache?

    public init(database: Database, tokenCache: TokenCache? = nil) {
        self.database = database
        self.tokenCache = tokenCache
    }

    /// Revokes one token of the user, or all of them when `tokenID` is nil; returns how many.
    public func callAsFunction(userName: String, tokenID: UUID?, by caller: Caller) async throws -> Int {
        try caller.require(.administerUsers)
        let name = try UserName.named(userName, in: "user")
        let revoked = try await database.transaction { store in
            guard let user = try await store.users.find(name: name) else { throw UseCaseError.notFound("user \(name)") }
            let revoked = try await store.tokens.revoke(userID: user.id, tokenID: tokenID)
            try await store.audit.change("RevokeTokens", by: caller, entity: "user", id: user.id.uuidString.lowercased(), after: ["revoked": String(revoked), "token": tokenID?.uuidString.lowercased() ?? "all"])
            return revoked
        }
        tokenCache?.forgetAll()
        return revoked
    }
}
