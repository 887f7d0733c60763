import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

@testable import ArcaApplication

@Suite("Use cases: the token check kept in memory")
struct TokenCacheTests {
    /// The officer's token, checked once so that the cache holds it.
    private func warmToken(_ world: TestWorld) async throws -> String {
        try await eventually("the cache hears the database") { world.tokenCache.isTrusted }
        let token = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
        _ = try await world.useCases.authenticate(token: token.secret)
        return token.secret
    }

    @Test(.timeLimit(.minutes(10)))
    func aTokenCheckedOnceIsAnsweredAgainWithoutTheDatabase() async throws {
        try await TestWorld.with { world in
            // given a token checked once
            let token = try await warmToken(world)
            // when the database can no longer be reached through the pool
            await world.db.pool.close()
            // then the same token is still answered, and an unknown one needs the database
            let caller = try await world.useCases.authenticate(token: token)
            #expect(caller.name == "j.peeters")
            await #expect(throws: DatabaseUnavailable.self) {
                try await world.useCases.authenticate(token: "arca_" + String(repeating: "7", count: 64))
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aTokenRevokedThroughTheUseCaseIsRefusedAtTheNextCheck() async throws {
        try await TestWorld.with { world in
            let token = try await warmToken(world)
            // when the administrator revokes it in this process
            _ = try await world.useCases.revokeTokens(userName: "j.peeters", tokenID: nil, by: .commandLine())
            // then the very next check refuses it
            await #expect(throws: UseCaseError.unauthenticated) { try await world.useCases.authenticate(token: token) }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aTokenRevokedByAnotherProcessIsForgottenWhenTheDatabaseAnnouncesIt() async throws {
        try await TestWorld.with { world in
            let token = try await warmToken(world)
            let before = world.tokenCache.generation
            // when another process revokes it, straight in the database
            try await world.db.pool.execute("UPDATE api_token SET revoked_at = now() WHERE revoked_at IS NULL")
            // then the announcement empties the cache, and the next check refuses the token
            try await eventually("the revocation is announced") { world.tokenCache.generation > before }
            await #expect(throws: UseCaseError.unauthenticated) { try await world.useCases.authenticate(token: token) }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func anOfficeMovedToAnotherTimeZoneIsSeenAtTheNextCheck() async throws {
        try await TestWorld.with { world in
            let token = try await warmToken(world)
            // when the office moves to another time zone
            _ = try await world.useCases.changeOfficeTimeZone(office: "BE-ARO", timeZone: "Europe/Lisbon", by: .commandLine())
            // then the caller carries the new zone
            #expect(try await world.useCases.authenticate(token: token).timeZone.identifier == "Europe/Lisbon")
        }
    }

    @Test func aLookupThatBeganBeforeAnAnnouncementIsNotKept() throws {
        // given a cache that hears the database, and a lookup under way
        let cache = TokenCache()
        cache.hear(.watching)
        let ticket = try #require(cache.ticket())
        // when a change is announced before the lookup's answer is kept
        cache.hear(.changed)
        cache.keep(Caller.commandLine(), for: "hash", ticket: ticket, expiresIn: 3600)
        // then nothing is kept
        #expect(cache.caller(for: "hash") == nil)
    }

    @Test func whileAnnouncementsAreNotHeardNothingIsKept() throws {
        let cache = TokenCache()
        cache.hear(.watching)
        let ticket = try #require(cache.ticket())
        cache.keep(Caller.commandLine(), for: "hash", ticket: ticket, expiresIn: 3600)
        // when the connection that hears the announcements is lost
        cache.hear(.unwatched)
        // then what was kept is gone, and no lookup may keep anything until it is back
        #expect(cache.caller(for: "hash") == nil)
        #expect(cache.ticket() == nil)
        #expect(!cache.isTrusted)
    }

    @Test func aTokenAboutToExpireIsTrustedOnlyUntilItExpires() async throws {
        let cache = TokenCache(lifetime: .seconds(60))
        cache.hear(.watching)
        cache.keep(Caller.commandLine(), for: "hash", ticket: try #require(cache.ticket()), expiresIn: 0.001)
        try await Task.sleep(for: .milliseconds(20))
        #expect(cache.caller(for: "hash") == nil)
    }

    @Test func aTokenIsTrustedOnlyForTheCachesLifetime() async throws {
        let cache = TokenCache(lifetime: .milliseconds(1))
        cache.hear(.watching)
        cache.keep(Caller.commandLine(), for: "hash", ticket: try #require(cache.ticket()), expiresIn: 3600)
        try await Task.sleep(for: .milliseconds(20))
        #expect(cache.caller(for: "hash") == nil)
    }
}
