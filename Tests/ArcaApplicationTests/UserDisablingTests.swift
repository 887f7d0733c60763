import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@testable import ArcaApplication

@Suite("Use cases: a user disabled stops at once, and is let back only with a new token")
struct UserDisablingTests {
    static let leftTheOffice = "left the office on 2026-11-30"

    @Test func aDisabledUsersTokensAreRevokedAndRefusedEvenWhenTheServerHeldThem() async throws {
        try await TestWorld.with { world in
            let laptop = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: world.admin)
            let phone = try await world.useCases.issueToken(userName: "j.peeters", label: "phone", by: world.admin)
            try await eventually("the token cache hears the database's announcements") { world.tokenCache.isTrusted }
            _ = try await world.useCases.authenticate(token: laptop.secret)
            #expect(world.tokenCache.caller(for: TokenSecret.hash(laptop.secret)) != nil)

            let outcome = try await world.useCases.disableUser(userName: "j.peeters", reason: Self.leftTheOffice, by: world.admin)

            #expect(outcome.revokedTokens == 2)
            #expect(outcome.user.disabled?.reason == Self.leftTheOffice)
            for token in [laptop, phone] {
                await refused(.unauthenticated) { try await world.useCases.authenticate(token: token.secret) }
            }
            let listed = try await world.useCases.listTokens(userName: "j.peeters", by: world.admin)
            #expect(listed.allSatisfy { $0.revokedAt != nil })
        }
    }

    @Test func aTokenLeftUnrevokedIsStillRefusedWhileItsUserIsDisabled() async throws {
        try await TestWorld.with { world in
            let laptop = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: world.admin)
            // As a disabling recorded without its revocations would leave it (a restored copy, a hand edit).
            try await world.db.pool.execute(
                "UPDATE app_user SET disabled_at = now(), disabled_reason = $1 WHERE name = 'j.peeters'", [Self.leftTheOffice])
            world.tokenCache.forgetAll()

            await refused(.unauthenticated) { try await world.useCases.authenticate(token: laptop.secret) }
        }
    }

    @Test func noTokenIsIssuedToADisabledUserAndOnceEnabledANewOneWorks() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.disableUser(userName: "j.peeters", reason: Self.leftTheOffice, by: world.admin)

            let error = await refused(.conflict) {
                try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: world.admin)
            }
            #expect(error?.description.contains("arca user enable j.peeters") == true)

            let enabled = try await world.useCases.enableUser(userName: "j.peeters", by: world.admin)
            #expect(enabled.disabled == nil)
            let fresh = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: world.admin)
            let caller = try await world.useCases.authenticate(token: fresh.secret)
            #expect(caller.name == "j.peeters")
        }
    }

    @Test func nobodyActsAsADisabledUserAtTheCommandLine() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.actAsUser("j.peeters", osAccount: TestWorld.osAccount)

            _ = try await world.useCases.disableUser(userName: "j.peeters", reason: Self.leftTheOffice, by: world.admin)

            await refused(.forbidden) { try await world.useCases.actAsUser("j.peeters", osAccount: TestWorld.osAccount) }
        }
    }

    @Test func nobodyIsDisabledTwiceNorEnabledWithoutHavingBeenDisabled() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.disableUser(userName: "j.peeters", reason: Self.leftTheOffice, by: world.admin)

            let twice = await refused(.conflict) {
                try await world.useCases.disableUser(userName: "j.peeters", reason: "again", by: world.admin)
            }
            #expect(twice?.description.contains("j.peeters is already disabled, since") == true)
            await refused(.conflict) { try await world.useCases.enableUser(userName: "m.dubois", by: world.admin) }
        }
    }

    @Test func onlyAnAdministratorDisablesAndAReasonIsRequired() async throws {
        try await TestWorld.with { world in
            await refused(.forbidden) {
                try await world.useCases.disableUser(userName: "m.dubois", reason: Self.leftTheOffice, by: world.officer)
            }
            await refused(.invalid(["reason required"])) {
                try await world.useCases.disableUser(userName: "m.dubois", reason: nil, by: world.admin)
            }
            let stillThere = try await world.useCases.issueToken(userName: "m.dubois", label: nil, by: world.admin)
            #expect(try await world.useCases.authenticate(token: stillThere.secret).name == "m.dubois")
        }
    }

    @Test func disablingAndEnablingAreAuditedWithTheReason() async throws {
        try await TestWorld.with { world in
            let officer = try #require(world.officer.userID)
            _ = try await world.useCases.disableUser(userName: "j.peeters", reason: Self.leftTheOffice, by: world.admin)
            _ = try await world.useCases.enableUser(userName: "j.peeters", by: world.admin)

            let entries = try await world.audit(entity: "user", id: officer).filter { $0.operation != "AddUser" }

            #expect(entries.map(\.operation) == ["DisableUser", "EnableUser"])
            #expect(entries.first?.reason == Self.leftTheOffice)
            #expect(entries.allSatisfy { $0.actor.name == "s.admin" })
        }
    }
}
