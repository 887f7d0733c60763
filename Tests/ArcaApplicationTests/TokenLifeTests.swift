import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: a token's life, and sign-ins that keep failing")
struct TokenLifeTests {
    @Test func aTokenIsValidForTheLifetimeTheSettingGivesItWhenIssued() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.changeSetting(key: "token.lifetime", SettingChange(value: "P30D"), by: world.admin)
            let issued = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            let days = issued.expiresAt.timeIntervalSinceNow / 86_400
            #expect(days > 29.99 && days <= 30)
        }
    }

    @Test func aLifetimeThatIsNotWholeDaysIsRefused() async throws {
        try await TestWorld.with { world in
            await #expect(throws: UseCaseError.self) {
                try await world.useCases.changeSetting(key: "token.lifetime", SettingChange(value: "PT12H"), by: world.admin)
            }
        }
    }

    @Test func anExpiredTokenIsRefused() async throws {
        try await TestWorld.with { world in
            let issued = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            _ = try await world.useCases.authenticate(token: issued.secret)
            try await world.db.asSuperuser(
                "UPDATE api_token SET issued_at = now() - interval '91 days', expires_at = now() - interval '1 day' WHERE id = '\(issued.id.lowercased)'")
            world.tokenCache.forgetAll()
            await #expect(throws: UseCaseError.unauthenticated) { try await world.useCases.authenticate(token: issued.secret) }
        }
    }

    @Test func aTokenKeepsWhenItWasLastUsedAndTheListShowsIt() async throws {
        try await TestWorld.with { world in
            let issued = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            #expect(try await world.useCases.listTokens(userName: "j.peeters", by: .commandLine()).first { $0.id == issued.id }?.lastUsedAt == nil)
            _ = try await world.useCases.authenticate(token: issued.secret)
            let listed = try #require(try await world.useCases.listTokens(userName: "j.peeters", by: .commandLine()).first { $0.id == issued.id })
            let lastUsed = try #require(listed.lastUsedAt)
            #expect(abs(lastUsed.timeIntervalSinceNow) < 60)
            #expect(listed.expiresAt == issued.expiresAt)
        }
    }

    @Test func anAddressThatKeepsFailingWaitsWhileOthersDoNot() async throws {
        try await TestWorld.with { world in
            let authenticate = Authenticate(database: world.database, attempts: SignInAttempts(allowed: 3, window: .seconds(60)))
            let guess = "arca_" + String(repeating: "0", count: 64)
            for _ in 1...3 {
                await #expect(throws: UseCaseError.unauthenticated) { try await authenticate(token: guess, client: "192.0.2.7") }
            }
            let issued = try await world.useCases.issueToken(userName: "j.peeters", label: nil, by: .commandLine())
            await #expect(throws: UseCaseError.self) { try await authenticate(token: issued.secret, client: "192.0.2.7") }
            do {
                _ = try await authenticate(token: guess, client: "192.0.2.7")
                Issue.record("a fourth guess was looked at")
            } catch UseCaseError.throttled(let seconds) {
                #expect((1...60).contains(seconds))
            }
            #expect(try await authenticate(token: issued.secret, client: "198.51.100.20").name == "j.peeters")
        }
    }
}
