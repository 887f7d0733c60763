import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

extension TestWorld {
    /// An information request from the Romanian ARO about the Meltwater case's account
    /// holder and account, received over SIENA at `receivedAt`.
    func receiveRequest(
        on file: Case, receivedAt: String = "2026-11-29T09:00:00Z", urgent: Bool = false,
        reference: String = "SIENA-RO-2026-\(Int.random(in: 100_000...999_999))"
    ) async throws -> RequestFile {
        let holder = try await useCases.addSubject(
            caseID: file.id, NewSubject(kind: "natural_person", name: "Andrei Popescu", role: "suspect"), by: officer)
        let account = try await addAccount(to: file.id)
        return try await useCases.registerRequest(
            NewRequest(
                direction: "incoming", kind: "information_request", caseID: file.id.lowercased, counterpartState: "RO",
                counterpartOffice: "ARO Bucharest (ONPCSB)", channel: "aro_siena", externalReference: reference, urgent: urgent,
                urgencyReason: urgent ? "funds about to leave for a third country" : nil, receivedAt: receivedAt,
                form: RequestForm(
                    offence: "money laundering", informationSought: "balances and movements of the account since 2025-01-01",
                    reasonsToBelieve: "transfers from Romanian shell companies to a Belgian IBAN", purpose: "tracing proceeds"),
                subjects: [holder.id.lowercased], assets: [account.id.lowercased]),
            by: liaison)
    }

    /// Triages a received request as urgent: its answer is due the same day.
    func triageUrgently(_ file: RequestFile) async throws -> RequestFile {
        try await move(file, "triage", RequestMoveInput(action: nil, urgent: true, urgencyReason: "imminent transfer", directlyAccessible: true))
    }

    func move(_ file: RequestFile, _ action: String, _ input: RequestMoveInput? = nil) async throws -> RequestFile {
        var move = input ?? RequestMoveInput(action: action)
        move.action = action
        return try await useCases.moveRequest(requestID: file.request.id, move, by: liaison)
    }
}

@Suite("Use cases: cross-border information requests and their deadlines")
struct RequestUseCaseTests {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func anIncomingRequestIsRegisteredAsReceivedWithItsLinksAndItsClockRunningFromReceipt() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            // when a liaison officer registers a request received an hour ago
            let received = try await world.receiveRequest(on: file)
            // then it is received, linked to the case, the person and the account, and the 7 days
            // of a request that is not urgent run from its receipt (10:00 in Brussels) until triage
            #expect(received.request.state == .received)
            #expect(received.request.subjectIDs.count == 1 && received.request.assetIDs.count == 1)
            #expect(received.request.receivedAt == instant("2026-11-29T09:00:00Z"))
            #expect(received.request.clock?.rule == .notUrgent)
            #expect(received.request.clock?.deadline == instant("2026-12-06T09:00:00Z"))
            #expect(received.events.map(\.action) == ["receive"])
            let read = try await world.useCases.readRequest(id: received.request.id, by: world.officer)
            #expect(read.request == received.request)
            let trail = try await world.audit(entity: "request", id: received.request.id)
            #expect(trail.map(\.operation) == ["RegisterRequest", "ReadRequest"])
        }
    }

    @Test func triagingAnUrgentRequestForDirectlyAccessibleInformationGivesEightHoursFromReceipt() async throws {
        try await TestWorld.with { world in
            let received = try await world.receiveRequest(on: try await world.openCase())
            // when it is triaged urgent, the information being directly accessible
            let triaged = try await world.move(
                received, "triage", RequestMoveInput(action: nil, urgent: true, urgencyReason: "funds about to be moved", directlyAccessible: true))
            // then the clock counts 8 hours from the receipt (09:00 UTC), not from the triage (10:00)
            let clock = try #require(triaged.request.clock)
            #expect(clock.rule == .urgentDirectlyAccessible && clock.period == "PT8H")
            #expect(clock.deadline == instant("2026-11-29T17:00:00Z"))
            #expect(triaged.request.state == .triaged)
            #expect(triaged.events.map(\.action) == ["receive", "triage"])
        }
    }

    @Test func aChangedDefaultNeverMovesADeadlineAlreadyRunning() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let first = try await world.move(try await world.receiveRequest(on: file), "triage")
            // given a non-urgent request running on the 7-day default: 6 December, 10:00 in Brussels
            #expect(first.request.clock?.deadline == instant("2026-12-06T09:00:00Z"))
            // when an administrator sets the default to 10 days
            _ = try await world.useCases.changeSetting(key: "deadline.information_not_urgent", SettingChange(value: "P10D"), by: world.admin)
            // then the running deadline stays; a request triaged afterwards gets 10 days
            let reread = try await world.useCases.readRequest(id: first.request.id, by: world.liaison)
            #expect(reread.request.clock?.deadline == instant("2026-12-06T09:00:00Z"))
            let second = try await world.move(try await world.receiveRequest(on: file), "triage")
            #expect(second.request.clock?.period == "P10D")
            #expect(second.request.clock?.deadline == instant("2026-12-09T09:00:00Z"))
        }
    }

    @Test func theOverdueListShowsOnlyRequestsPastTheirDeadlineStillAwaitingAnAnswer() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let urgent = try await world.triageUrgently(try await world.receiveRequest(on: file))
            let answered = try await world.triageUrgently(try await world.receiveRequest(on: file))
            _ = try await world.move(answered, "answer_in_full", RequestMoveInput(action: nil, reason: "bank statements sent over SIENA"))
            let slow = try await world.move(try await world.receiveRequest(on: file), "triage")
            // when the clock passes 17:00 UTC, the urgent requests' deadline
            world.clock.advance(hours: 8)
            // then only the unanswered urgent one is overdue; within 7 days the slow one is due too
            let overdue = try await world.useCases.listRequests(RequestListRequest(overdue: "true"), by: world.liaison)
            #expect(overdue.page.items.map(\.id) == [urgent.request.id])
            let dueThisWeek = try await world.useCases.listRequests(RequestListRequest(dueWithin: "P7D"), by: world.liaison)
            #expect(dueThisWeek.page.items.map(\.id) == [urgent.request.id, slow.request.id])
            #expect(urgent.request.isOverdue(at: world.clock.now()))
        }
    }

    @Test func overdueWithDueWithinListsWhatIsDueWithinWhichIncludesWhatIsOverdue() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let urgent = try await world.triageUrgently(try await world.receiveRequest(on: file))
            let slow = try await world.move(try await world.receiveRequest(on: file), "triage")
            world.clock.advance(hours: 8)
            let both = try await world.useCases.listRequests(RequestListRequest(overdue: "true", dueWithin: "P7D"), by: world.liaison)
            #expect(both.page.items.map(\.id) == [urgent.request.id, slow.request.id])
        }
    }

    @Test func aRefusalNamesItsGroundAndADelayNoticeItsReasonAndExpectedDateAllAtOnce() async throws {
        try await TestWorld.with { world in
            let triaged = try await world.move(try await world.receiveRequest(on: try await world.openCase()), "triage")
            await refused(.invalid(["refusalGround required"])) { try await world.move(triaged, "refuse") }
            await refused(.invalid(["expectedOn required", "reason required"])) { try await world.move(triaged, "notice_delay") }
            await refused(.invalid(["refusalGround not-applicable", "expectedOn not-applicable"])) {
                try await world.move(triaged, "start", RequestMoveInput(action: nil, refusalGround: "territoriality", expectedOn: "2026-12-10"))
            }
            // a delay notice records the expected date but never moves the deadline
            let delayed = try await world.move(
                triaged, "notice_delay",
                RequestMoveInput(action: nil, reason: "the bank answers production orders within 10 days", expectedOn: "2026-12-10"))
            #expect(delayed.events.last?.expectedOn == (try Day("2026-12-10")))
            world.clock.advance(hours: 8 * 24)
            let reread = try await world.useCases.readRequest(id: triaged.request.id, by: world.liaison)
            #expect(reread.request.clock == triaged.request.clock)
            #expect(reread.request.isOverdue(at: world.clock.now()))
            await refused(.invalid(["refusalGround refusal-ground"])) {
                try await world.move(delayed, "refuse", RequestMoveInput(action: nil, refusalGround: "in_absentia"))
            }
            let refusal = try await world.move(
                delayed, "refuse", RequestMoveInput(action: nil, reason: "the account is subject of a Belgian investigation", refusalGround: "jeopardises_investigation"))
            #expect(refusal.request.state == .refused)
            #expect(refusal.events.last?.refusalGround == .jeopardisesInvestigation)
        }
    }

    @Test func aRequestNobodyTriagedIsOverdueOnceItsRegisteredClockRunsOut() async throws {
        try await TestWorld.with { world in
            // given an urgent request for directly accessible information, received at 01:00 UTC, never triaged
            let file = try await world.openCase()
            let forgotten = try await world.receiveRequest(on: file, receivedAt: "2026-11-29T01:00:00Z", urgent: true)
            #expect(forgotten.request.clock?.rule == .urgentNotDirectlyAccessible)
            let direct = try await world.useCases.registerRequest(
                NewRequest(
                    direction: "incoming", kind: "information_request", caseID: file.id.lowercased, counterpartState: "DE",
                    counterpartOffice: "ARO Germany (BKA)", channel: "aro_siena", urgent: true, urgencyReason: "cash courier stopped at the border",
                    directlyAccessible: true, receivedAt: "2026-11-29T01:00:00Z"),
                by: world.liaison)
            // then at 10:00 UTC the 8-hour one is overdue, though nobody triaged it
            let overdue = try await world.useCases.listRequests(RequestListRequest(overdue: "true"), by: world.officer)
            #expect(overdue.page.items.map(\.id) == [direct.request.id])
        }
    }

    @Test func anAnswerRecordedLaterIsDatedWhenItWasSentAndShowsWhetherItWasLate() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let urgent = RequestMoveInput(action: nil, urgent: true, urgencyReason: "imminent transfer", directlyAccessible: true)
            let onTime = try await world.move(try await world.move(try await world.receiveRequest(on: file), "triage", urgent), "start")
            let late = try await world.move(try await world.move(try await world.receiveRequest(on: file), "triage", urgent), "start")
            world.clock.advance(hours: 9)
            // when one answer, sent at 16:30 UTC, is recorded at 19:00, and another is sent now
            let answered = try await world.move(onTime, "answer_in_full", RequestMoveInput(action: nil, occurredAt: "2026-11-29T16:30:00Z"))
            let answeredLate = try await world.move(late, "answer_in_full")
            // then the first was on time (deadline 17:00 UTC) and the second late
            #expect(answered.request.answeredAt == instant("2026-11-29T16:30:00Z"))
            #expect(answered.request.answeredLate == false)
            #expect(answeredLate.request.answeredLate == true)
            #expect(answered.events.last?.occurredAt == instant("2026-11-29T16:30:00Z"))
            await refused(.invalid(["occurredAt not-before-last-event"])) {
                try await world.move(answered, "close", RequestMoveInput(action: nil, occurredAt: "2026-11-29T09:30:00Z"))
            }
            await refused(.invalid(["occurredAt not-in-future"])) {
                try await world.move(answered, "close", RequestMoveInput(action: nil, occurredAt: "2026-11-30T09:30:00Z"))
            }
        }
    }

    @Test func aMessageOfAChannelIsRegisteredOnce() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.receiveRequest(on: file, reference: "SIENA-RO-2026-118342")
            let error = await refused(.conflict) { try await world.receiveRequest(on: file, reference: "SIENA-RO-2026-118342") }
            #expect(error?.description.contains("SIENA-RO-2026-118342 is registered already") == true)
        }
    }

    @Test func aMoveTheLifecycleDoesNotAllowIsRefusedAndChangesNothing() async throws {
        try await TestWorld.with { world in
            let received = try await world.receiveRequest(on: try await world.openCase())
            // an untriaged request cannot be answered: its clock has not started
            let error = await refused(.conflict) { try await world.move(received, "answer_in_full") }
            #expect(error?.description.contains("allowed from there: triage, refuse, withdraw") == true)
            let reread = try await world.useCases.readRequest(id: received.request.id, by: world.liaison)
            #expect(reread.request.state == .received && reread.events.count == 1)
        }
    }

    @Test func anOfficerDraftsAnOutgoingRequestWhichALiaisonOfficerSendsStartingTheClock() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let outgoing = NewRequest(
                direction: "outgoing", kind: "information_request", caseID: file.id.lowercased, counterpartState: "NL",
                counterpartOffice: "ARO Netherlands (FIOD)", channel: "aro_siena", form: RequestForm(informationSought: "vehicles registered to the suspect"))
            // an officer may draft, not register incoming requests nor send
            let draft = try await world.useCases.registerRequest(outgoing, by: world.officer)
            #expect(draft.request.state == .draft && draft.request.receivedAt == nil)
            var incoming = outgoing
            incoming.direction = "incoming"
            await refused(.forbidden) { try await world.useCases.registerRequest(incoming, by: world.officer) }
            await refused(.forbidden) { try await world.useCases.moveRequest(requestID: draft.request.id, RequestMoveInput(action: "send"), by: world.officer) }
            await refused(.forbidden) { try await world.useCases.registerRequest(outgoing, by: world.analyst) }
            // when the liaison officer sends it, the requested office's 7 days count from then
            let sent = try await world.move(draft, "send")
            #expect(sent.request.state == .sent && sent.request.receivedAt == world.clock.now())
            #expect(sent.request.clock?.deadline == instant("2026-12-06T10:00:00Z"))
        }
    }

    @Test func aRequestCannotLinkRecordsOfAnotherCaseNorBeSeenByAnotherOffice() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let other = try await world.openCase(title: "Operation Saltmarsh")
            let stranger = try await world.addAccount(to: other.id)
            await refused(.invalid(["assets[0] asset-of-case"])) {
                try await world.useCases.registerRequest(
                    NewRequest(
                        direction: "incoming", kind: "information_request", caseID: file.id.lowercased, counterpartState: "RO",
                        counterpartOffice: "ARO Bucharest", channel: "aro_siena", assets: [stranger.id.lowercased]),
                    by: world.liaison)
            }
            let received = try await world.receiveRequest(on: file)
            await refused(.notFound) { try await world.useCases.readRequest(id: received.request.id, by: world.amoOfficer) }
        }
    }
}
