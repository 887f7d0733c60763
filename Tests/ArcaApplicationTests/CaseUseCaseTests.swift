import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

@Suite("Use cases: cases and subjects")
struct CaseUseCaseTests {
    @Test func aNewCaseIsNumberedInItsOfficeSeriesForItsYear() async throws {
        try await TestWorld.with { world in
            let first = try await world.openCase(openedOn: "2026-01-05")
            let second = try await world.openCase(openedOn: "2026-02-11")
            let earlierYear = try await world.openCase(openedOn: "2025-12-30")
            #expect(first.reference.description == "BE-2026-000001")
            #expect(second.reference.description == "BE-2026-000002")
            #expect(earlierYear.reference.description == "BE-2025-000001")
            #expect(first.status == .opened)
            #expect(first.version == 1)
        }
    }

    @Test func concurrentCreationsNeverShareAReference() async throws {
        try await TestWorld.with { world in
            let references = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<20 {
                    group.addTask { try await world.openCase(title: "Parallel case \(index)").reference.description }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(references).count == 20)
        }
    }

    @Test func creatingACaseLeavesOneChangeEntryWithTheNewRecord() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let entries = try await world.audit(entity: "case", id: file.id)
            #expect(entries.count == 1)
            #expect(entries.first?.operation == "CreateCase")
            #expect(entries.first?.actor.name == "j.peeters")
            #expect(entries.first?.after?.contains("BE-2026-000001") == true)
        }
    }

    @Test func everyBrokenRuleOfANewCaseIsReportedAtOnceAndNothingIsWritten() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["title text", "offences[1] offence-category", "openedOn date", "origin case-origin"])) {
                try await world.useCases.createCase(
                    NewCase(title: "  ", offences: ["money_laundering", "jaywalking"], openedOn: "2026-02-30", origin: "rumour"),
                    by: world.officer)
            }
            do {
                let actual = try await world.count("SELECT count(*) FROM case_file")
                #expect(actual == 0)
            }
        }
    }

    @Test func missingFieldsAreRequired() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["title required", "offences required", "openedOn required"])) {
                try await world.useCases.createCase(NewCase(title: nil, offences: nil, openedOn: nil), by: world.officer)
            }
        }
    }

    @Test func aCaseCannotBeOpenedInTheFuture() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["openedOn not-in-future"])) {
                try await world.useCases.createCase(NewCase(title: "Tomorrow", offences: ["fraud"], openedOn: "2999-01-01"), by: world.officer)
            }
        }
    }

    @Test(arguments: ["liaison", "analyst", "auditor", "admin"])
    func onlyOfficersOpenCases(_ role: String) async throws {
        try await TestWorld.with { world in
            let caller = [world.liaison, world.analyst, world.auditor, world.admin].first { $0.role.rawValue == role }!
            await refused(.forbidden) {
                try await world.useCases.createCase(NewCase(title: "Not mine to open", offences: ["fraud"], openedOn: "2026-01-01"), by: caller)
            }
        }
    }

    @Test func readingACaseShowsItsSubjectsAndEachOnesTrailFindsTheConsultation() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let subject = try await world.useCases.addSubject(
                caseID: file.id,
                NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect", birthDate: "1979-06-02", nationality: "BE"),
                by: world.officer)
            let company = try await world.useCases.addSubject(
                caseID: file.id,
                NewSubject(kind: "legal_person", name: "Autohandel Vermeulen BV", role: "owner", registrationNumber: "0456.789.123", seat: "BE"),
                by: world.officer)

            let read = try await world.useCases.readCase(id: file.id, by: world.analyst)

            #expect(read.record.reference == file.reference)
            #expect(read.subjects.map(\.name) == ["Jan Vermeulen", "Autohandel Vermeulen BV"])
            for (entity, id) in [("case", file.id), ("subject", subject.id), ("subject", company.id)] {
                let consultations = try await world.useCases.readAuditTrail(
                    AuditListRequest(entity: entity, entityID: id.lowercased, kind: "consultation"), by: world.auditor
                ).items
                #expect(consultations.map(\.actor.name) == ["a.janssens"])
                #expect(consultations.first?.operation == "ReadCase")
            }
        }
    }

    @Test func anotherOfficeCannotSeeReadListOrChangeACase() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            await #expect(throws: UseCaseError.notFound("case \(file.id.uuidString.lowercased())")) {
                try await world.useCases.readCase(id: file.id, by: world.amoOfficer)
            }
            await #expect(throws: UseCaseError.notFound("case \(file.id.uuidString.lowercased())")) {
                try await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: "Hijacked"), expectedVersion: 1, by: world.amoOfficer)
            }
            let page = try await world.useCases.listCases(CaseListRequest(), by: world.amoOfficer)
            #expect(page.items.isEmpty)
        }
    }

    @Test func aSharedCaseCanBeReadButNotChangedByTheOtherOffice() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let sharedWith = try await world.useCases.shareCase(id: file.id, CaseShare(office: "BE-AMO"), by: world.officer)
            #expect(sharedWith.map(\.value) == ["BE-AMO"])

            let read = try await world.useCases.readCase(id: file.id, by: world.amoOfficer)
            #expect(read.record.id == file.id)
            let listed = try await world.useCases.listCases(CaseListRequest(), by: world.amoOfficer)
            #expect(listed.items.map(\.id) == [file.id])
            await refused(.forbidden) {
                try await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: "Changed abroad"), expectedVersion: 1, by: world.amoOfficer)
            }
            let shares = try await world.audit(entity: "case", id: file.id).filter { $0.operation == "ShareCase" }
            #expect(shares.count == 1)
            #expect(shares.first?.after?.contains("BE-AMO") == true)
        }
    }

    @Test func anUpdateNeedsTheCurrentVersion() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            await #expect(throws: UseCaseError.versionRequired) {
                try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "tracing"), expectedVersion: nil, by: world.officer)
            }
            let updated = try await world.useCases.updateCase(
                id: file.id, changes: CaseChanges(status: "tracing"), expectedVersion: 1, by: world.officer)
            #expect(updated.version == 2)
            #expect(updated.status == .tracing)
            await refused(.stale) {
                try await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: "Stale edit"), expectedVersion: 1, by: world.officer)
            }
        }
    }

    @Test func twoUpdatesFromTheSameVersionCannotBothWin() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            func edit(_ title: String) async -> Result<Case, any Error> {
                do {
                    return .success(try await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: title), expectedVersion: 1, by: world.officer))
                } catch {
                    return .failure(error)
                }
            }
            async let first = edit("Edit A")
            async let second = edit("Edit B")
            let outcomes = await [first, second]
            #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
            let stale = outcomes.compactMap { if case .failure(let error) = $0 { error as? UseCaseError } else { nil } }
            #expect(stale.count == 1)
            if case .stale = stale.first {} else { Issue.record("expected a stale refusal, got \(stale)") }
        }
    }

    @Test func anUpdateLeavesTheBeforeAndAfterValues() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: "Operation Meltwater II"), expectedVersion: 1, by: world.officer)
            let change = try #require(try await world.audit(entity: "case", id: file.id).last)
            #expect(change.operation == "UpdateCase")
            #expect(change.before?.contains("Operation Meltwater: laundering") == true)
            #expect(change.after?.contains("Operation Meltwater II") == true)
        }
    }

    @Test func aCaseNeverMovesBackInItsLifecycle() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "freezing"), expectedVersion: 1, by: world.officer)
            let error = await refused(.conflict) {
                try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "tracing"), expectedVersion: 2, by: world.officer)
            }
            #expect(error?.description.contains("is freezing and cannot move to tracing") == true)
        }
    }

    @Test func listsFilterByStatusOffenceDatesAndText() async throws {
        try await TestWorld.with { world in
            let meltwater = try await world.openCase(title: "Operation Meltwater", openedOn: "2024-05-01")
            let harbour = try await world.useCases.createCase(
                NewCase(title: "Harbour cocaine proceeds", offences: ["drug_trafficking"], openedOn: "2025-09-12"), by: world.officer)
            _ = try await world.useCases.addSubject(
                caseID: harbour.id, NewSubject(kind: "natural_person", name: "Ridouan Taghi-Example", role: "accused"), by: world.officer)

            func ids(_ request: CaseListRequest) async throws -> [UUID] {
                try await world.useCases.listCases(request, by: world.analyst).items.map(\.id)
            }
            do {
                let actual = try await ids(CaseListRequest())
                #expect(actual == [harbour.id, meltwater.id])
            }
            do {
                let actual = try await ids(CaseListRequest(offence: "drug_trafficking"))
                #expect(actual == [harbour.id])
            }
            do {
                let actual = try await ids(CaseListRequest(openedTo: "2024-12-31"))
                #expect(actual == [meltwater.id])
            }
            do {
                let actual = try await ids(CaseListRequest(openedFrom: "2025-01-01", openedTo: "2025-12-31"))
                #expect(actual == [harbour.id])
            }
            do {
                let actual = try await ids(CaseListRequest(text: "meltwater"))
                #expect(actual == [meltwater.id])
            }
            do {
                let actual = try await ids(CaseListRequest(text: "taghi"))
                #expect(actual == [harbour.id])
            }
            do {
                let actual = try await ids(CaseListRequest(text: "BE-2024"))
                #expect(actual == [meltwater.id])
            }
            do {
                let actual = try await ids(CaseListRequest(status: "closed"))
                #expect(actual == [])
            }
            do {
                let actual = try await ids(CaseListRequest(text: "100%_"))
                #expect(actual == [])
            }
        }
    }

    @Test func aSearchFindsACaseByItsSubjectsNamesAndTitleAsTheyAreNow() async throws {
        try await TestWorld.with { world in
            // given a case whose suspect is Jan Vermeulen
            let file = try await world.openCase()
            let suspect = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect"), by: world.officer)
            func found(_ text: String) async throws -> Bool {
                try await world.useCases.listCases(CaseListRequest(text: text), by: world.officer).items.map(\.id) == [file.id]
            }
            #expect(try await found("vermeulen"))
            // when the name is rectified and the case retitled
            _ = try await world.useCases.updateSubject(id: suspect.id, changes: SubjectChanges(name: "Jan De Smet"), expectedVersion: 1, by: world.officer)
            _ = try await world.useCases.updateCase(
                id: file.id, changes: CaseChanges(title: "Operation Harbour Light"), expectedVersion: 1, by: world.officer)
            // then the case is found by what it says now, and no longer by what it said
            #expect(try await found("de smet"))
            #expect(try await found("harbour light"))
            #expect(try await !found("vermeulen"))
            #expect(try await !found("meltwater"))
        }
    }

    @Test func pagingReturnsEveryCaseExactlyOnceWhileCasesAreAdded() async throws {
        try await TestWorld.with { world in
            var existing: Set<UUID> = []
            for day in 1...25 {
                existing.insert(try await world.openCase(title: "Case \(day)", openedOn: String(format: "2026-01-%02d", day)).id)
            }
            var seen: [UUID] = []
            var cursor: String?
            var inserted = 0
            repeat {
                let page = try await world.useCases.listCases(CaseListRequest(limit: 4, cursor: cursor), by: world.officer)
                seen += page.items.map(\.id)
                cursor = page.next
                // Others keep recording cases, on days before, inside and after the pages read.
                for day in ["2026-01-02", "2026-01-13", "2026-02-01"] {
                    inserted += 1
                    _ = try await world.openCase(title: "Concurrent \(inserted)", openedOn: day)
                }
            } while cursor != nil
            let seenExisting = seen.filter(existing.contains)
            #expect(seenExisting.count == existing.count)
            #expect(Set(seenExisting) == existing)
            #expect(Set(seen).count == seen.count)
        }
    }

    @Test func aForgedCursorIsRefused() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["cursor cursor"])) {
                try await world.useCases.listCases(CaseListRequest(cursor: "not-a-cursor"), by: world.officer)
            }
        }
    }

    @Test func aCursorWrittenInTheDocumentedFormGivesThePageAfterItsPosition() async throws {
        try await TestWorld.with { world in
            for day in 1...4 { _ = try await world.openCase(title: "Case \(day)", openedOn: "2026-01-0\(day)") }
            // Day 20456 after 1970-01-01 is 2026-01-03; the greatest id sorts after every case of that day.
            let page = try await world.useCases.listCases(CaseListRequest(cursor: "20456.ffffffff-ffff-ffff-ffff-ffffffffffff"), by: world.officer)
            #expect(page.items.map(\.openedOn.description) == ["2026-01-03", "2026-01-02", "2026-01-01"])
        }
    }

    @Test func aCursorBeyondTheDaysARecordMayCarryIsBeforeOrAfterEveryCase() async throws {
        try await TestWorld.with { world in
            _ = try await world.openCase(title: "Operation Meltwater", openedOn: "2026-03-14")
            let beforeTheOldest = try await world.useCases.listCases(CaseListRequest(cursor: "-9999999.00000000-0000-4000-8000-000000000000"), by: world.officer)
            let afterTheNewest = try await world.useCases.listCases(CaseListRequest(cursor: "9999999999999999.00000000-0000-4000-8000-000000000000"), by: world.officer)
            #expect(beforeTheOldest.items.isEmpty)
            #expect(afterTheNewest.items.map(\.title) == ["Operation Meltwater"])
        }
    }

    @Test func aListIsLoggedAsOneSearch() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.listCases(CaseListRequest(offence: "fraud"), by: world.analyst)
            do {
                let actual = try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'ListCases' AND actor_name = 'a.janssens' AND after->'filter'->>'offence' = 'fraud'")
                #expect(actual == 1)
            }
        }
    }

    @Test func aSubjectIsEitherANaturalOrALegalPerson() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            await refused(.invalid(["registrationNumber natural-person"])) {
                try await world.useCases.addSubject(
                    caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect", registrationNumber: "0456.789.123"),
                    by: world.officer)
            }
            do {
                let actual = try await world.count("SELECT count(*) FROM subject")
                #expect(actual == 0)
            }
        }
    }

    @Test func aSubjectsNationalityWrittenELIsStoredAsGR() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let subject = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Nikos Papadopoulos", role: "owner", nationality: "EL"), by: world.officer)
            #expect(subject.person == .natural(birthDate: nil, nationality: try CountryCode("GR")))
            do {
                let actual = try await world.count("SELECT count(*) FROM subject WHERE nationality = 'GR'")
                #expect(actual == 1)
            }
        }
    }
}
