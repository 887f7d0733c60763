import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import ArcaPersistence
import Foundation
import Testing

@Suite("Use cases: the deployment's Member State and the office's local day")
struct DeploymentTests {
    @Test func theFirstOfficeSetsTheDeploymentsStateAndAnOfficeOfAnotherStateIsRefused() async throws {
        try await withOffice { useCases, _, db in
            let error = await refused(.invalid(["memberState deployment-state"])) {
                try await useCases.addOffice(code: "NL-ARO", memberState: "NL", referencePrefix: nil, name: "Dutch ARO", by: .commandLine())
            }
            #expect(error?.description.contains("this deployment serves BE") == true)
            let offices = try await db.pool.query("SELECT count(*) FROM office", [])[0].decode(Int.self, 0)
            #expect(offices == 1)
            let amo = try await useCases.addOffice(
                code: "BE-AMO", memberState: "BE", referencePrefix: "BEAMO", name: "Belgian asset management office", timeZone: "Europe/Brussels",
                by: .commandLine())
            #expect(amo.memberState == .belgium)
        }
    }

    @Test(arguments: ["Brussels", "Europe/Atlantis"])
    func anUnknownTimeZoneIsRefused(_ name: String) async throws {
        try await withOffice { useCases, _, _ in
            await refused(.invalid(["timeZone time-zone"])) {
                try await useCases.addOffice(
                    code: "BE-AMO", memberState: "BE", referencePrefix: "BEAMO", name: "Belgian AMO", timeZone: name, by: .commandLine())
            }
        }
    }

    @Test func anAdministratorMovesAnOfficeToAnotherTimeZoneAndItsUsersFollow() async throws {
        try await withOffice { useCases, database, _ in
            _ = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            let moved = try await useCases.changeOfficeTimeZone(office: "BE-ARO", timeZone: "Europe/Berlin", by: .commandLine())
            #expect(moved.timeZone.identifier == "Europe/Berlin")
            #expect(try await useCases.signIn("j.peeters").timeZone.identifier == "Europe/Berlin")
            let change = try #require(try await auditTrail(database, entity: "office", id: "BE-ARO").last)
            #expect(change.operation == "ChangeOfficeTimeZone")
            #expect(change.before?.contains("Europe/Brussels") == true)
            await refused(.forbidden) {
                try await useCases.changeOfficeTimeZone(office: "BE-ARO", timeZone: "Europe/Berlin", by: Caller(user: try await useCases.addUser(name: "m.dubois", role: "officer", office: "BE-ARO", by: .commandLine())))
            }
        }
    }

    @Test func anOfficeWorksInItsStatesCapitalTimeZoneUnlessToldOtherwise() throws {
        let lisbon = try Office(code: OfficeCode("PT-GRA"), memberState: .portugal, referencePrefix: "PT", name: "Gabinete de Recuperação de Ativos")
        #expect(lisbon.timeZone.identifier == "Europe/Lisbon")
    }

    @Test func aDateJustAfterLocalMidnightInBrusselsIsNotInTheFuture() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            // 23:30 UTC on 29 November is 00:30 on 30 November in Brussels
            let halfPastMidnight = try #require(ISO8601DateFormatter().date(from: "2026-11-29T23:30:00Z"))
            let record = RecordAssetEvent(database: world.database, clock: { halfPastMidnight })

            let traced = try await record(
                assetID: car.id, NewAssetEvent(action: "trace", occurredOn: "2026-11-30", reason: "vehicle register check at 00:20"),
                by: world.officer)
            #expect(traced.state == .traced)

            await refused(.invalid(["occurredOn not-in-future"])) {
                try await record(assetID: car.id, NewAssetEvent(action: "close", occurredOn: "2026-12-01", reason: "too early"), by: world.officer)
            }
        }
    }

    @Test func aUserWorksInTheirOfficesTimeZone() async throws {
        try await withOffice { useCases, _, _ in
            _ = try await useCases.addOffice(
                code: "BE-EUP", memberState: "BE", referencePrefix: "BEEUP", name: "Eupen desk", timeZone: "Europe/Berlin", by: .commandLine())
            _ = try await useCases.addUser(name: "k.schmitz", role: "officer", office: "BE-EUP", by: .commandLine())
            let token = try await useCases.issueToken(userName: "k.schmitz", label: nil, by: .commandLine())
            let caller = try await useCases.authenticate(token: token.secret)
            #expect(caller.timeZone.identifier == "Europe/Berlin")
            let acting = try await useCases.signIn("k.schmitz")
            #expect(acting.timeZone.identifier == "Europe/Berlin")
        }
    }
}
