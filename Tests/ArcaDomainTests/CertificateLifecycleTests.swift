import ArcaDomain
import Testing

/// Freezing and confiscation certificates under Reg 2018/1805 (DOMAIN §3.4), both ways.
@Suite("Domain: the lifecycle of a certificate")
struct CertificateLifecycleTests {
    func play(_ kind: CertificateKind, _ direction: RequestDirection, _ actions: [CertificateAction]) throws -> [CertificateState] {
        var states = [CertificateLifecycle.initialState(direction)]
        for action in actions {
            states.append(try CertificateLifecycle.next(kind, direction, from: states.last!, by: action))
        }
        return states
    }

    @Test func anIncomingFreezingCertificateIsRecognisedPostponedExecutedAndReported() throws {
        let states = try play(.freezing, .incoming, [.recognise, .postpone, .resume, .execute, .report, .close])
        #expect(states == [.received, .recognised, .postponed, .recognised, .executed, .reported, .closed])
    }

    @Test func anIncomingConfiscationCertificateIsExecutedDisposedOfAndItsCostsSettled() throws {
        let states = try play(.confiscation, .incoming, [.recognise, .execute, .dispose, .settleCosts, .close])
        #expect(states == [.received, .recognised, .executed, .disposed, .costsSettled, .closed])
    }

    @Test func aConfiscationMayProveImpossibleButAFreezingIsNotDeclaredSo() throws {
        #expect(try play(.confiscation, .incoming, [.recognise, .postpone, .declareImpossible, .close]).last == .closed)
        #expect(throws: CertificateTransitionError.self) { try CertificateLifecycle.next(.freezing, .incoming, from: .recognised, by: .declareImpossible) }
    }

    @Test func anOutgoingCertificateIsDraftedSentAndFollowsTheExecutingStatesDecisions() throws {
        let states = try play(.confiscation, .outgoing, [.send, .recognise, .execute, .dispose, .close])
        #expect(states == [.draft, .sent, .recognised, .executed, .disposed, .closed])
        #expect(CertificateLifecycle.allowedActions(.freezing, .outgoing, from: .sent) == [.recognise, .refuse, .withdraw])
    }

    @Test func nothingIsExecutedBeforeItIsRecognised() {
        do {
            _ = try CertificateLifecycle.next(.freezing, .incoming, from: .received, by: .execute)
            Issue.record("executed before recognition")
        } catch {
            #expect(error.description == "cannot execute an incoming freezing certificate that is received; allowed from there: recognise, refuse, withdraw")
        }
    }

    @Test func aRefusedCertificateIsOnlyClosed() {
        for kind in CertificateKind.allCases {
            for direction in RequestDirection.allCases {
                #expect(CertificateLifecycle.allowedActions(kind, direction, from: .refused) == [.close])
                #expect(CertificateLifecycle.allowedActions(kind, direction, from: .closed).isEmpty)
            }
        }
    }

    /// Every state some sequence of legal moves leads to from `state`, itself included.
    func reachable(_ kind: CertificateKind, _ direction: RequestDirection, from state: CertificateState) -> Set<CertificateState> {
        var reached: Set<CertificateState> = [state]
        var open = [state]
        while let current = open.popLast() {
            for action in CertificateLifecycle.allowedActions(kind, direction, from: current) {
                let next = try! CertificateLifecycle.next(kind, direction, from: current, by: action)
                if reached.insert(next).inserted { open.append(next) }
            }
        }
        return reached
    }

    @Test func fromItsFirstStateACertificateCanReachEveryStateOfItsKindAndFromEachOfThemBeClosed() {
        for kind in CertificateKind.allCases {
            for direction in RequestDirection.allCases {
                let states = Set(CertificateState.allCases.filter { !CertificateLifecycle.allowedActions(kind, direction, from: $0).isEmpty })
                    .union([.closed])
                #expect(reachable(kind, direction, from: CertificateLifecycle.initialState(direction)) == states, "\(kind) \(direction)")
                for state in states {
                    #expect(reachable(kind, direction, from: state).contains(.closed), "\(kind) \(direction) \(state)")
                }
            }
        }
    }

    @Test func onlyTheTwoCertificateKindsAreCertificates() throws {
        #expect(try CertificateKind(.freezingCertificate) == .freezing)
        #expect(try CertificateKind(.confiscationCertificate) == .confiscation)
        #expect(throws: CertificateKindError.self) { try CertificateKind(.informationRequest) }
        #expect(throws: CertificateKindError.self) { try CertificateKind(.spontaneousInformation) }
    }
}
