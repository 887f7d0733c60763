import ArcaDomain
import ArcaPersistence
import Foundation

/// Finds who presents a token: from the token cache when it holds it, else from the database.
public struct Authenticate: Sendable {
    let database: Database
    let cache: TokenCache?

    public init(database: Database, cache: TokenCache? = nil) {
        self.database = database
        self.cache = cache
    }

    public func callAsFunction(token: String) async throws -> Caller {
        guard TokenSecret.looksValid(token) else { throw UseCaseError.unauthenticated }
        let hash = TokenSecret.hash(token)
        if let caller = cache?.caller(for: hash) { return caller }
        let ticket = cache?.ticket()
        let user = try await database.oneRoundTrip { try await $0.tokens.activeUser(hash: hash) }
        guard let user else { throw UseCaseError.unauthenticated }
        let caller = Caller(user: user)
        if let ticket { cache?.keep(caller, for: hash, ticket: ticket) }
        return caller
    }
}
