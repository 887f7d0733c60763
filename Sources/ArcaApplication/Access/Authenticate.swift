import ArcaDomain
import ArcaPersistence
import Foundation

/// Finds who presents a token: from the token cache when it holds it, else from the database
/// (which notes the token's last use). A token unknown, revoked or expired is refused, and
/// counted against the client's address: one that keeps failing waits (`SignInAttempts`).
public struct Authenticate: Sendable {
    let database: Database
    let cache: TokenCache?
    let attempts: SignInAttempts

    public init(database: Database, cache: TokenCache? = nil, attempts: SignInAttempts = SignInAttempts()) {
        self.database = database
        self.cache = cache
        self.attempts = attempts
    }

    /// `client` is the address the request came from, where there is one.
    public func callAsFunction(token: String, client: String? = nil) async throws -> Caller {
        let hash = TokenSecret.hash(token)
        // A token already checked is never a guess: only lookups in the database are throttled.
        if TokenSecret.looksValid(token), let caller = cache?.caller(for: hash) { return caller }
        try attempts.check(client)
        let ticket = cache?.ticket()
        let found = TokenSecret.looksValid(token) ? try await database.oneRoundTrip { try await $0.tokens.activeUser(hash: hash) } : nil
        guard let found else {
            attempts.failed(client)
            throw UseCaseError.unauthenticated
        }
        let caller = Caller(user: found.user)
        if let ticket { cache?.keep(caller, for: hash, ticket: ticket, expiresIn: found.remaining) }
        return caller
    }
}
