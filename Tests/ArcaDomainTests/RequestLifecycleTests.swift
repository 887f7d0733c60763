import ArcaDomain
import Testing

/// The information request's lifecycle (DOMAIN §3.3), both ways.
@Suite("Domain: the lifecycle of an information request")
struct RequestLifecycleTests {
    /// Plays `actions` from the direction's first state and returns every state passed through.
    func play(_ direction: RequestDirection, _ actions: [RequestAction]) throws -> [RequestState] {
        var states = [RequestLifecycle.initialState(direction)]
        for action in actions {
            states.append(try RequestLifecycle.next(direction, from: states.last!, by: action))
        }
        return states
    }

    @Test func anIncomingRequestIsTriagedWorkedAnsweredInPartThenInFullAndClosed() throws {
        let states = try play(
            .incoming, [.triage, .start, .awaitAuthorisation, .resume, .noticeDelay, .answerInPart, .answerInFull, .close])
        #expect(
            states == [
                .received, .triaged, .inProgress, .pendingAuthorisation, .inProgress, .inProgress, .answeredInPart, .answeredInFull,
                .closed,
            ])
    }

    @Test func anOutgoingRequestIsDraftedSentRemindedEscalatedAndAnswered() throws {
        let states = try play(.outgoing, [.send, .remind, .escalate, .noticeDelay, .answerInFull, .close])
        #expect(states == [.draft, .sent, .sent, .sent, .sent, .answeredInFull, .closed])
    }

    @Test func aDelayNoticeLeavesTheRequestWhereItIs() throws {
        for direction in RequestDirection.allCases {
            for state in RequestState.allCases where RequestLifecycle.allowedActions(direction, from: state).contains(.noticeDelay) {
                #expect(try RequestLifecycle.next(direction, from: state, by: .noticeDelay) == state)
            }
        }
    }

    @Test func aRequestIsNotAnsweredBeforeItIsTriaged() {
        #expect(throws: RequestTransitionError.self) { try RequestLifecycle.next(.incoming, from: .received, by: .answerInFull) }
        do {
            _ = try RequestLifecycle.next(.incoming, from: .received, by: .answerInFull)
        } catch {
            #expect(error.description == "cannot answer in full an incoming request that is received; allowed from there: triage, refuse, withdraw")
        }
    }

    @Test func eachDirectionHasItsOwnMoves() {
        #expect(throws: RequestTransitionError.self) { try RequestLifecycle.next(.outgoing, from: .draft, by: .triage) }
        #expect(throws: RequestTransitionError.self) { try RequestLifecycle.next(.incoming, from: .received, by: .send) }
        #expect(throws: RequestTransitionError.self) { try RequestLifecycle.next(.incoming, from: .inProgress, by: .remind) }
    }

    @Test func aClosedRequestAllowsNothing() {
        for direction in RequestDirection.allCases {
            #expect(RequestLifecycle.allowedActions(direction, from: .closed).isEmpty)
        }
    }

    /// Every state some sequence of legal moves leads to from `state`, itself included.
    func reachable(_ direction: RequestDirection, from state: RequestState) -> Set<RequestState> {
        var reached: Set<RequestState> = [state]
        var open = [state]
        while let current = open.popLast() {
            for action in RequestLifecycle.allowedActions(direction, from: current) {
                let next = try! RequestLifecycle.next(direction, from: current, by: action)
                if reached.insert(next).inserted { open.append(next) }
            }
        }
        return reached
    }

    @Test func fromItsFirstStateARequestCanReachEveryStateOfItsDirectionAndFromEachOfThemBeClosed() {
        for direction in RequestDirection.allCases {
            let states = Set(RequestState.allCases.filter { !RequestLifecycle.allowedActions(direction, from: $0).isEmpty }).union([.closed])
            #expect(reachable(direction, from: RequestLifecycle.initialState(direction)) == states, "\(direction)")
            for state in states {
                #expect(reachable(direction, from: state).contains(.closed), "\(direction) \(state)")
            }
        }
    }

    @Test func onlyOpenRequestsAwaitAnAnswer() {
        #expect(RequestState.allCases.filter(\.awaitsAnswer) == [.sent, .received, .triaged, .inProgress, .pendingAuthorisation])
    }
}
