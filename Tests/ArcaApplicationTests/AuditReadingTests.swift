import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

@Suite("Use cases: reading the audit trail")
struct AuditReadingTests {
    @Test func anAuditorSeesWhoConsultedACaseOfTheirOffice() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)
            let page = try await world.useCases.readAuditTrail(
                AuditListRequest(entity: "case", entityID: file.id.lowercased), by: world.auditor)
            #expect(page.items.map(\.operation) == ["ReadCase", "CreateCase"])
            #expect(page.items.map(\.actor.name) == ["a.janssens", "j.peeters"])
            #expect(page.items.first?.kind == .consultation)
        }
    }

    @Test func anAuditorSeesOnlyTheEntriesOfTheirOfficesUsers() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.createCase(
                NewCase(title: "Management office case", offences: ["fraud"], openedOn: "2026-02-01"), by: world.amoOfficer)
            _ = try await world.openCase()
            let page = try await world.useCases.readAuditTrail(AuditListRequest(operation: "CreateCase"), by: world.auditor)
            #expect(page.items.map(\.actor.name) == ["j.peeters"])
        }
    }

    @Test func anAuditorSeesTheReadingsOfTheOfficesSharedCaseByAnotherOfficesUsers() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.shareCase(id: file.id, CaseShare(office: "BE-AMO"), by: world.officer)
            _ = try await world.useCases.readCase(id: file.id, by: world.amoOfficer)
            let own = try await world.useCases.createCase(
                NewCase(title: "Management office case", offences: ["fraud"], openedOn: "2026-02-01"), by: world.amoOfficer)
            _ = try await world.useCases.listCases(CaseListRequest(), by: world.amoOfficer)
            _ = try await world.useCases.readCase(id: own.id, by: world.amoOfficer)

            let page = try await world.useCases.readAuditTrail(AuditListRequest(actor: "p.devries"), by: world.auditor)
            #expect(page.items.map(\.operation) == ["ListCases", "ReadCase"])
            #expect(page.items.last?.entityID == file.id.lowercased)
            // The other office's list showed its own case too, and its filter could name a person: withheld.
            let list = try #require(page.items.first)
            #expect(list.after == nil && list.withheld)
        }
    }

    @Test func anAdministratorReadsWhoActedButNotTheValuesOfRecordsHoldingPersonalData() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.addUser(name: "e.maes", role: "officer", office: "BE-ARO", by: world.admin)
            let asAdmin = try await world.useCases.readAuditTrail(AuditListRequest(kind: "change"), by: world.admin)
            let created = try #require(asAdmin.items.first { $0.operation == "CreateCase" })
            #expect(created.after == nil && created.withheld)
            let user = try #require(asAdmin.items.first { $0.operation == "AddUser" })
            #expect(user.after?.contains("e.maes") == true && !user.withheld)

            let asAuditor = try await world.useCases.readAuditTrail(AuditListRequest(entity: "case", entityID: file.id.lowercased), by: world.auditor)
            #expect(asAuditor.items.first { $0.operation == "CreateCase" }?.after?.contains("Meltwater") == true)
        }
    }

    @Test func theAdministratorAtTheCommandLineSeesTheWholeTrail() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.createCase(
                NewCase(title: "Management office case", offences: ["fraud"], openedOn: "2026-02-01"), by: world.amoOfficer)
            _ = try await world.openCase()
            let page = try await world.useCases.readAuditTrail(AuditListRequest(operation: "CreateCase"), by: .commandLine())
            #expect(Set(page.items.map(\.actor.name)) == ["j.peeters", "p.devries"])
        }
    }

    @Test(arguments: ["officer", "liaison", "analyst"])
    func caseWorkersDoNotReadTheTrail(_ role: String) async throws {
        try await TestWorld.with { world in
            let caller = [world.officer, world.liaison, world.analyst].first { $0.role.rawValue == role }!
            await #expect(throws: UseCaseError.forbidden("the \(role) role may not read audit trail")) {
                try await world.useCases.readAuditTrail(AuditListRequest(), by: caller)
            }
        }
    }

    @Test func readingTheTrailIsItselfRecorded() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.readAuditTrail(AuditListRequest(actor: "j.peeters"), by: world.auditor)
            let page = try await world.useCases.readAuditTrail(AuditListRequest(operation: "ReadAuditTrail"), by: world.auditor)
            #expect(page.items.count == 1)
            #expect(page.items.first?.actor.name == "l.claes")
        }
    }

    @Test func theTrailPagesNewestFirstWithoutGapsOrRepeats() async throws {
        try await TestWorld.with { world in
            for index in 1...7 { _ = try await world.openCase(title: "Case \(index)") }
            var titles: [String] = []
            var cursor: String?
            repeat {
                let page = try await world.useCases.readAuditTrail(
                    AuditListRequest(operation: "CreateCase", limit: 3, cursor: cursor), by: world.auditor)
                titles += page.items.compactMap { entry in
                    let record = entry.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
                    return record?["title"] as? String
                }
                cursor = page.next
            } while cursor != nil
            #expect(titles == (1...7).reversed().map { "Case \($0)" })
        }
    }

    @Test func badFiltersAreNamed() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["kind audit-kind", "from timestamp", "cursor cursor"])) {
                try await world.useCases.readAuditTrail(AuditListRequest(kind: "deletion", from: "yesterday", cursor: "abc"), by: world.auditor)
            }
        }
    }
}
