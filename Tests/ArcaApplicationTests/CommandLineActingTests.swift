import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: the command line acts as a user, provably")
struct CommandLineActingTests {
    static let here = Caller.operatingSystemAccount

    @Test func theAccountMappedToAUserActsAsThemAndTheEntryNamesBoth() async throws {
        try await TestWorld.with { world in
            let officer = try await world.useCases.actAsUser("j.peeters", osAccount: Self.here)
            let file = try await world.useCases.createCase(
                NewCase(title: "Operation Meltwater", offences: ["fraud"], openedOn: "2026-03-14"), by: officer)
            let entry = try #require(try await world.useCases.readAuditTrail(
                AuditListRequest(entity: "case", entityID: file.id.lowercased, kind: "change"), by: world.auditor).items.first)
            #expect(entry.actor.name == "j.peeters")
            let context = try #require(entry.context.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] })
            #expect(context["osAccount"] == Self.here)
        }
    }

    @Test func anAccountNotMappedToTheUserIsRefusedAndToldHowToBeAllowed() async throws {
        try await TestWorld.with { world in
            do {
                _ = try await world.useCases.actAsUser("j.peeters", osAccount: "mallory")
                Issue.record("mallory acted as j.peeters")
            } catch UseCaseError.forbidden(let why) {
                #expect(why.contains("arca user map-os-account j.peeters mallory"))
            }
        }
    }

    @Test func theUsersOwnTokenLetsAnotherAccountActAsThemButAnotherUsersDoesNot() async throws {
        try await TestWorld.with { world in
            let own = try await world.useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            let acting = try await world.useCases.actAsUser("j.peeters", osAccount: "mallory", token: own.secret)
            #expect(acting.name == "j.peeters")
            #expect(acting.osAccount?.value == "mallory")
            let analysts = try await world.useCases.issueToken(userName: TestWorld.userName("analyst"), label: nil, by: .commandLine())
            await #expect(throws: UseCaseError.forbidden("the token given is not j.peeters's")) {
                try await world.useCases.actAsUser("j.peeters", osAccount: "mallory", token: analysts.secret)
            }
        }
    }

    @Test func unmappingAnAccountIsAuditedAndTheAccountActsNoMore() async throws {
        try await TestWorld.with { world in
            let user = try await world.useCases.mapOSAccount(userName: "j.peeters", account: nil, by: .commandLine())
            #expect(user.osAccount == nil)
            await #expect(throws: UseCaseError.self) { try await world.useCases.actAsUser("j.peeters", osAccount: Self.here) }
            let entry = try #require(try await world.useCases.readAuditTrail(AuditListRequest(operation: "MapOSAccount"), by: .commandLine()).items.first)
            #expect(entry.before?.contains("\"osAccount\": \"\(Self.here)\"") == true)
        }
    }

    @Test func anAccountNameThatCannotBeOneIsRefusedNamingTheField() async throws {
        try await TestWorld.with { world in
            do {
                _ = try await world.useCases.mapOSAccount(userName: "j.peeters", account: "Root User", by: .commandLine())
                Issue.record("an account named Root User was mapped")
            } catch UseCaseError.invalid(let violations) {
                #expect(violations.map { "\($0.field) \($0.rule)" } == ["account os-account"])
            }
        }
    }
}
