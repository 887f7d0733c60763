import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

/// Review days and erasure (Dir 2016/680 Arts 5, 16, 25; migration 0030): every case is
/// reviewed a period after its last change; a review keeps it another period, or erases a
/// closed case's personal data while its statistics and the trail's proof stay.
@Suite("Use cases: reviewing and erasing cases' personal data")
struct RetentionTests {
    /// Today at the Belgian offices, by the database's clock (which moves review days).
    static func brusselsToday() -> Day {
        Day(Date(), in: TimeZone(identifier: "Europe/Brussels")!)
    }

    static func day(_ day: Day, plusMonths months: Int) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return Day(calendar.date(byAdding: .month, value: months, to: start)!, in: calendar.timeZone)
    }

    /// A case reviewed long ago and not changed since: its review day is past.
    func makeDue(_ world: TestWorld, _ file: Case) async throws {
        _ = try await world.db.pool.execute("UPDATE case_retention SET review_on = '2023-05-02' WHERE case_id = $1", [file.id])
    }

    func reviewDay(_ world: TestWorld, _ file: Case) async throws -> Day? {
        try await world.useCases.readCase(id: file.id, by: world.officer).record.retention?.reviewOn
    }

    /// The Kovačević case: a suspect and the company he runs, closed after confiscation.
    func closedCaseWithSubjects(_ world: TestWorld) async throws -> (file: Case, person: Subject, company: Subject) {
        let file = try await world.openCase(title: "Operation Driftwood: cocaine proceeds through a Ghent import firm")
        let person = try await world.useCases.addSubject(
            caseID: file.id,
            NewSubject(kind: "natural_person", name: "Dragan Kovačević", role: "convicted_person", birthDate: "1979-04-23", nationality: "HR"),
            by: world.officer)
        let company = try await world.useCases.addSubject(
            caseID: file.id,
            NewSubject(kind: "legal_person", name: "Kovačević Import BV", role: "owner", registrationNumber: "0712.345.678", seat: "BE"),
            by: world.officer)
        let closed = try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "closed"), expectedVersion: 1, by: world.officer)
        return (closed, person, company)
    }

    func erase(_ world: TestWorld, _ file: Case) async throws -> CaseErasure {
        try await world.useCases.eraseCasePersonalData(
            id: file.id, RetentionDecision(reason: "review 2026: sentence served, confiscation enforced; no further need"), by: world.officer)
    }

    @Test func aNewCaseIsReviewedTheDefaultPeriodAfterItsOfficesToday() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let months = try ReviewPeriod(iso: Setting.defaultReviewPeriod).months
            #expect(try await reviewDay(world, file) == Self.day(Self.brusselsToday(), plusMonths: months))
        }
    }

    @Test func aChangedReviewPeriodGivesTheDaysSetFromThenOn() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.changeSetting(key: "case.review_after", SettingChange(value: "p18m"), by: world.admin)
            let file = try await world.openCase()
            #expect(try await reviewDay(world, file) == Self.day(Self.brusselsToday(), plusMonths: 18))
        }
    }

    @Test func anythingAddedToACaseMovesItsReviewDayToAPeriodFromToday() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            try await makeDue(world, file)
            _ = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Ilse Verbruggen", role: "suspect"), by: world.officer)
            #expect(try await reviewDay(world, file) == Self.day(Self.brusselsToday(), plusMonths: 36))
        }
    }

    @Test func theCasesWhoseReviewDayHasComeAreListedAndOnlyThose() async throws {
        try await TestWorld.with { world in
            let due = try await world.openCase(title: "Operation Lantern: VAT carousel in mobile phones", openedOn: "2019-02-11")
            let recent = try await world.openCase(title: "Operation Beacon: crypto cash-out desk", openedOn: "2026-06-01")
            try await makeDue(world, due)
            let listed = try await world.useCases.listCases(CaseListRequest(reviewDue: "true"), by: world.officer)
            #expect(listed.items.map(\.id) == [due.id])
            let notDue = try await world.useCases.listCases(CaseListRequest(reviewDue: "false"), by: world.officer)
            #expect(notDue.items.map(\.id) == [recent.id])
        }
    }

    @Test func aCaseSharedWithAnotherOfficeIsReviewedByItsOwnerOnly() async throws {
        try await TestWorld.with { world in
            let due = try await world.openCase(title: "Operation Lantern: VAT carousel in mobile phones", openedOn: "2019-02-11")
            _ = try await world.useCases.shareCase(id: due.id, CaseShare(office: "BE-AMO"), by: world.officer)
            try await makeDue(world, due)
            #expect(try await world.useCases.listCases(CaseListRequest(reviewDue: "true"), by: world.amoOfficer).items.isEmpty)
            #expect(try await world.useCases.listCases(CaseListRequest(reviewDue: "true"), by: world.officer).items.map(\.id) == [due.id])
        }
    }

    @Test func aReviewDueFilterThatIsNotTrueOrFalseIsRefused() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["reviewDue boolean"])) {
                try await world.useCases.listCases(CaseListRequest(reviewDue: "soon"), by: world.officer)
            }
        }
    }

    @Test func keepingACaseAfterReviewGivesItAnotherPeriodAndTheTrailKeepsWhy() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            try await makeDue(world, file)
            let kept = try await world.useCases.keepCaseAfterReview(
                id: file.id, RetentionDecision(reason: "appeal pending before the Ghent court of appeal"), by: world.officer)
            #expect(kept.retention?.reviewOn == Self.day(Self.brusselsToday(), plusMonths: 36))
            let entry = try #require(try await world.audit(entity: "case", id: file.id).last)
            #expect(entry.operation == "KeepCaseAfterReview")
            #expect(entry.reason == "appeal pending before the Ghent court of appeal")
        }
    }

    @Test func aReviewDecisionWithoutAReasonIsRefused() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            await refused(.invalid(["reason required"])) {
                try await world.useCases.keepCaseAfterReview(id: file.id, RetentionDecision(reason: nil), by: world.officer)
            }
        }
    }

    @Test func onlyAnOfficerOfTheOwningOfficeReviewsACase() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let decision = RetentionDecision(reason: "still needed")
            await refused(.forbidden) { try await world.useCases.keepCaseAfterReview(id: file.id, decision, by: world.analyst) }
            await refused(.forbidden) { try await world.useCases.eraseCasePersonalData(id: file.id, decision, by: world.admin) }
            await refused(.notFound) { try await world.useCases.eraseCasePersonalData(id: file.id, decision, by: world.amoOfficer) }
        }
    }

    @Test func anOpenCasesPersonalDataIsNotErased() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Ilse Verbruggen", role: "suspect"), by: world.officer)
            await refused(.conflict) { try await erase(world, file) }
            #expect(try await world.count("SELECT count(*) FROM subject WHERE name = 'Ilse Verbruggen'") == 1)
        }
    }

    @Test func erasingBlanksWhatIdentifiesTheSubjectsAndKeepsTheirKindAndPart() async throws {
        try await TestWorld.with { world in
            let (file, person, company) = try await closedCaseWithSubjects(world)
            let erasure = try await erase(world, file)
            #expect(erasure.subjectsErased == 2)
            #expect(erasure.record.retention?.erasedAt != nil)
            let erasedPerson = try await world.useCases.readSubject(id: person.id, by: world.officer)
            #expect(erasedPerson.name == Subject.erasedName)
            #expect(erasedPerson.person == .natural(birthDate: nil, nationality: nil))
            #expect(erasedPerson.role == .convictedPerson)
            let erasedCompany = try await world.useCases.readSubject(id: company.id, by: world.officer)
            #expect(erasedCompany.person == .legal(registrationNumber: nil, seat: nil))
            #expect(erasedCompany.role == .owner)
        }
    }

    @Test func anErasedNameIsFoundNowhereAndTheTrailStillProvesItself() async throws {
        try await TestWorld.with { world in
            let (file, person, _) = try await closedCaseWithSubjects(world)
            _ = try await world.useCases.readSubject(id: person.id, by: world.officer)
            let erasure = try await erase(world, file)
            #expect(erasure.trailEntriesErased == 2)
            #expect(try await world.count("SELECT count(*) FROM subject WHERE name LIKE '%Kovačević%' OR registration_number IS NOT NULL") == 0)
            #expect(
                try await world.count(
                    "SELECT count(*) FROM audit_entry WHERE concat(before::text, after::text, reason, context::text) LIKE '%Kovačević%'") == 0)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE entity = 'subject' AND erased_at IS NOT NULL") == 2)
            #expect(try await world.useCases.verifyAuditTrail(anchor: nil, by: world.auditor).broken == nil)
            // A search is the searcher's act and keeps its terms (migration 0030's note), so it comes last here.
            let found = try await world.useCases.listCases(CaseListRequest(text: "Kovačević"), by: world.officer)
            #expect(found.items.isEmpty)
        }
    }

    @Test func theErasureIsAuditedWithItsReasonAndWhatItReached() async throws {
        try await TestWorld.with { world in
            let (file, person, company) = try await closedCaseWithSubjects(world)
            _ = try await erase(world, file)
            let entry = try #require(try await world.audit(entity: "case", id: file.id).last)
            #expect(entry.operation == "EraseCasePersonalData")
            #expect(entry.reason == "review 2026: sentence served, confiscation enforced; no further need")
            let after = try #require(entry.after)
            for subject in [person, company] { #expect(after.contains(subject.id.lowercased)) }
            #expect(!after.contains("Kovačević"))
        }
    }

    @Test func aCaseIsErasedOnce() async throws {
        try await TestWorld.with { world in
            let (file, _, _) = try await closedCaseWithSubjects(world)
            _ = try await erase(world, file)
            await refused(.conflict) { try await erase(world, file) }
            await refused(.conflict) {
                try await world.useCases.keepCaseAfterReview(id: file.id, RetentionDecision(reason: "changed my mind"), by: world.officer)
            }
        }
    }

    @Test func anErasedSubjectIsNotCorrectedBack() async throws {
        try await TestWorld.with { world in
            let (file, person, _) = try await closedCaseWithSubjects(world)
            _ = try await erase(world, file)
            let refusal = await refused(.conflict) {
                try await world.useCases.updateSubject(id: person.id, changes: SubjectChanges(name: "Dragan Kovačević"), expectedVersion: 2, by: world.officer)
            }
            #expect(refusal?.description.contains("was erased") == true)
        }
    }

    @Test func rememberedAnswersNamingTheCaseAreForgottenAndOthersKept() async throws {
        try await TestWorld.with { world in
            let (file, person, _) = try await closedCaseWithSubjects(world)
            let other = try await world.openCase(title: "Operation Beacon: crypto cash-out desk")
            for (key, mentioned) in [("driftwood-subject", person.id), ("beacon-case", other.id)] {
                _ = try await world.useCases.idempotencyKeys.carryOut(
                    key: key, method: "POST", path: "/v1/cases/\(mentioned.lowercased)/shares", body: Data("{}".utf8), by: world.officer
                ) {
                    RememberedResponse(status: 200, headers: [:], body: "{\"id\":\"\(mentioned.lowercased)\"}")
                }
            }
            let erasure = try await erase(world, file)
            #expect(erasure.rememberedAnswersForgotten == 1)
            #expect(try await world.count("SELECT count(*) FROM idempotency_record WHERE key = 'beacon-case'") == 1)
        }
    }

    @Test func theApplicationCannotMarkACaseErasedNorAddOrRemoveItsRetention() async throws {
        try await TestWorld.with { world in
            let (file, _, _) = try await closedCaseWithSubjects(world)
            for statement in [
                "UPDATE case_retention SET erased_at = now() WHERE case_id = $1",
                "DELETE FROM case_retention WHERE case_id = $1",
                "INSERT INTO case_retention (case_id, review_on, erased_at) VALUES ($1, '2030-01-01', now())",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") { _ = try await world.db.pool.execute(statement, [file.id]) }
            }
            #expect(try await world.count("SELECT count(*) FROM case_retention WHERE erased_at IS NOT NULL") == 0)
        }
    }

    @Test func theDatabaseErasesNoOpenCaseWhoeverAsks() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Ilse Verbruggen", role: "suspect"), by: world.officer)
            await #expect(throws: (any Error).self) {
                _ = try await world.db.pool.query(
                    "SELECT * FROM erase_case_personal_data($1, '[erased]', NULL, 'intruder', NULL, NULL, 'no reason')", [file.id])
            }
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE erased_at IS NOT NULL") == 0)
        }
    }

    @Test func aSubjectStaysInItsCaseSoNoOtherCasesErasureReachesIt() async throws {
        try await TestWorld.with { world in
            let (erasedCase, _, _) = try await closedCaseWithSubjects(world)
            let other = try await world.openCase(title: "Operation Beacon: crypto cash-out desk")
            let subject = try await world.useCases.addSubject(
                caseID: other.id, NewSubject(kind: "natural_person", name: "Ilse Verbruggen", role: "suspect"), by: world.officer)
            await #expect(throws: (any Error).self) {
                _ = try await world.db.pool.execute("UPDATE subject SET case_id = $1 WHERE id = $2", [erasedCase.id, subject.id])
            }
        }
    }

    @Test func anErasedCaseTakesNoNewSubject() async throws {
        try await TestWorld.with { world in
            let (file, _, _) = try await closedCaseWithSubjects(world)
            _ = try await erase(world, file)
            await refused(.conflict) {
                try await world.useCases.addSubject(
                    caseID: file.id, NewSubject(kind: "natural_person", name: "Dragan Kovačević", role: "suspect"), by: world.officer)
            }
            await #expect(throws: (any Error).self) {
                _ = try await world.db.pool.execute(
                    "INSERT INTO subject (id, case_id, kind, name, role) VALUES (gen_random_uuid(), $1, 'natural_person', 'Dragan Kovačević', 'suspect')",
                    [file.id])
            }
        }
    }

    @Test func entriesMarkedErasedBehindTheErasuresBackAreFoundByVerify() async throws {
        try await TestWorld.with { world in
            let (_, person, _) = try await closedCaseWithSubjects(world)
            // The owner may make the one change an entry takes, on an entry no erasure names.
            try await world.db.asSuperuser(
                "UPDATE audit_entry SET before = NULL, after = NULL, reason = NULL, erased_at = now() WHERE entity_id = '\(person.id.lowercased)'")
            let unnamed = try #require(try await world.useCases.verifyAuditTrail(anchor: nil, by: world.auditor).broken)
            #expect(unnamed.kind == .altered)
            #expect(unnamed.detail.contains("no erasure in the trail names"))
        }
    }

    @Test func anEntryOtherThanASubjectsMarkedErasedIsFoundByVerify() async throws {
        try await TestWorld.with { world in
            let (file, _, _) = try await closedCaseWithSubjects(world)
            try await world.db.asSuperuser(
                """
                UPDATE audit_entry SET before = NULL, after = NULL, reason = NULL, erased_at = now()
                WHERE entity = 'case' AND entity_id = '\(file.id.lowercased)' AND operation = 'UpdateCase'
                """)
            let broken = try #require(try await world.useCases.verifyAuditTrail(anchor: nil, by: world.auditor).broken)
            #expect(broken.kind == .altered)
            #expect(broken.detail.contains("only a subject's entries"))
        }
    }

    @Test func evenTheOwnerChangesNothingInAnEntryButErasingItsValues() async throws {
        try await TestWorld.with { world in
            let (_, person, _) = try await closedCaseWithSubjects(world)
            await #expect(throws: (any Error).self) {
                try await world.db.asSuperuser(
                    "UPDATE audit_entry SET after = NULL, erased_at = now(), actor_name = 'nobody' WHERE entity_id = '\(person.id.lowercased)'")
            }
        }
    }
}
