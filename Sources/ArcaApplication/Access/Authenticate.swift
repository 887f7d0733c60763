import ArcaDomain
import ArcaPersistence
import Foundation

/// Finds who presents a token.
public struct Authenticate: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(token: String) async throws -> Caller {
        guard TokenSecret.looksValid(token) else { throw UseCaseError.unauthenticated }
        let hash = TokenSecret.hash(token)
        let user = try await database.oneRoundTrip { try await $0.tokens.activeUser(hash: hash) }
        guard let user else { throw UseCaseError.unauthenticated }
        return Caller(user: user)
    }
}
