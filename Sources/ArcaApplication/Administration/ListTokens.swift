import ArcaDomain
import ArcaPersistence
import Foundation

/// A user's API tokens, for an administrator: when each was issued, until when it is valid,
/// when it was last used and whether it was revoked (never the token itself, which is not kept).
public struct ListTokens: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(userName: String, by caller: Caller) async throws -> [TokenRepository.Issued] {
        try caller.require(.administerUsers)
        let name = try UserName.named(userName, in: "user")
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name) else { throw UseCaseError.notFound("user \(name)") }
            return try await store.tokens.list(userID: user.id)
        }
    }
}
