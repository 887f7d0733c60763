import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: the purpose of a consultation")
struct ConsultationPurposeUseCaseTests {
    static let hearing = ConsultationPurpose(code: .judicialProceedings, note: "hearing of 3 March, Antwerp criminal court")

    @Test func aReadingKeepsItsPurposeInTheTrailSealedWithTheRest() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.readCase(id: file.id, by: world.analyst.consulting(for: Self.hearing))

            let page = try await world.useCases.readAuditTrail(AuditListRequest(operation: "ReadCase"), by: world.auditor)
            let context = try #require(page.items.first?.context)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(context.utf8)) as? [String: String])
            #expect(object == ["purpose": "judicial_proceedings", "purposeNote": "hearing of 3 March, Antwerp criminal court"])
            #expect(try await world.useCases.verifyAuditTrail(by: world.auditor).broken == nil)
        }
    }

    @Test func anOfficeThatAsksThePurposeRefusesAReadingWithoutOneAndLogsNothing() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.requireConsultationPurpose(office: "BE-ARO", required: true, by: .commandLine())
            let analyst = try await world.useCases.signIn(TestWorld.userName("analyst"))

            await #expect(throws: UseCaseError.self) { try await world.useCases.readCase(id: file.id, by: analyst) }
            await #expect(throws: UseCaseError.self) { try await world.useCases.listCases(CaseListRequest(), by: analyst) }
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE kind = 'consultation'") == 0)

            _ = try await world.useCases.readCase(id: file.id, by: analyst.consulting(for: ConsultationPurpose(code: .investigation)))
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE kind = 'consultation'") == 1)
        }
    }

    @Test func withoutAPurposeWhetherARecordExistsIsNotToldEither() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.requireConsultationPurpose(office: "BE-ARO", required: true, by: .commandLine())
            let analyst = try await world.useCases.signIn(TestWorld.userName("analyst"))
            for read in [
                { _ = try await world.useCases.readOrder(id: UUID(), by: analyst) },
                { _ = try await world.useCases.readSubject(id: UUID(), by: analyst) },
                { _ = try await world.useCases.readRequest(id: UUID(), by: analyst) },
            ] as [() async throws -> Void] {
                await #expect(throws: UseCaseError.self) { try await read() }
                do {
                    try await read()
                } catch UseCaseError.invalid(let violations) {
                    #expect(violations.map(\.field) == ["purpose"])
                }
            }
        }
    }

    @Test func askingThePurposeIsAnAuditedChangeOfTheOffice() async throws {
        try await TestWorld.with { world in
            let office = try await world.useCases.requireConsultationPurpose(office: "BE-ARO", required: true, by: .commandLine())
            #expect(office.purposeRequired)
            let page = try await world.useCases.readAuditTrail(AuditListRequest(operation: "RequireConsultationPurpose"), by: .commandLine())
            #expect(page.items.first?.before?.contains("\"purposeRequired\": false") == true)
            #expect(page.items.first?.after?.contains("\"purposeRequired\": true") == true)
        }
    }

    @Test func onlyAnAdministratorAsksThePurpose() async throws {
        try await TestWorld.with { world in
            await #expect(throws: UseCaseError.forbidden("the auditor role may not administer users")) {
                try await world.useCases.requireConsultationPurpose(office: "BE-ARO", required: true, by: world.auditor)
            }
        }
    }
}
