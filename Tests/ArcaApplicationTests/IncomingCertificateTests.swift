import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

extension TestWorld {
    /// A Dutch court's order, recorded here as an order of the Belgian office issued by the
    /// Netherlands, for the certificate that carries it: a freeze of the Meltwater account, or
    /// the confiscation of EUR 25,000 in value.
    func dutchOrder(_ kind: String, on file: Case) async throws -> LegalOrder {
        let freezing = kind == "freezing"
        let assets = freezing ? [try await addAccount(to: file.id).id.lowercased] : []
        return try await useCases.createOrder(
            caseID: file.id,
            NewOrder(
                kind: kind, confiscationType: freezing ? nil : "value", issuingState: "NL", issuingAuthority: "Rechtbank Rotterdam",
                decisionReference: "ROT-2026-\(kind)-\(Int.random(in: 1000...9999))", decisionDate: "2026-11-20", assets: assets,
                coveredAmount: freezing ? nil : MoneyInput(amount: "25000.00", currency: "EUR")),
            by: officer)
    }

    func receiveCertificate(for order: LegalOrder, urgent: Bool = false, receivedAt: String = "2026-11-29T09:00:00Z") async throws -> CertificateFile {
        try await useCases.receiveCertificate(
            IncomingCertificate(
                orderID: order.id.lowercased, counterpartOffice: "ARO Netherlands (FIOD)", externalReference: "MR-NL-BE-\(Int.random(in: 10000...99999))",
                receivedAt: receivedAt, urgent: urgent, urgencyReason: urgent ? "the account holder is emptying the account" : nil),
            by: liaison)
    }
}

@Suite("Use cases: incoming certificates, their recognition clocks and the Art 30 sharing")
struct IncomingCertificateTests {
    private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func anUrgentFreezingCertificateIsDueForRecognitionFortyEightHoursAfterItsReceiptAndShowsLateAfterwards() async throws {
        try await TestWorld.with { world in
            let order = try await world.dutchOrder("freezing", on: try await world.openCase())
            // when an urgent freezing certificate received at 09:00 UTC is registered
            let received = try await world.receiveCertificate(for: order, urgent: true)
            // then its recognition is due 48 hours later
            #expect(received.certificate.direction == .incoming && received.certificate.state == .received)
            #expect(received.certificate.counterpart.state.value == "NL")
            #expect(received.certificate.clock?.rule == .urgentFreezing)
            #expect(received.certificate.clock?.deadline == instant("2026-12-01T09:00:00Z"))
            // and, 49 hours on, it is overdue until recognised, then recognised late
            world.clock.advance(hours: 49)
            let read = try await world.useCases.readCertificate(id: received.certificate.id, by: world.liaison)
            #expect(read.certificate.isOverdue(at: read.readAt))
            let recognised = try await world.useCases.moveCertificate(
                certificateID: received.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            #expect(recognised.certificate.decidedLate == true && !recognised.certificate.isOverdue(at: recognised.readAt))
        }
    }

    @Test func theOverdueListShowsTheCertificatesWhoseRecognitionIsLateAndDueWithinThoseAboutToBe() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            // given an urgent freeze received two days ago, one received now, and a confiscation received now
            let late = try await world.receiveCertificate(for: try await world.dutchOrder("freezing", on: file), urgent: true, receivedAt: "2026-11-27T09:00:00Z")
            let soon = try await world.receiveCertificate(for: try await world.dutchOrder("freezing", on: file), urgent: true)
            _ = try await world.receiveCertificate(for: try await world.dutchOrder("confiscation", on: file))
            // then only the first is overdue, and the second is due within three days too
            let overdue = try await world.useCases.listCertificates(RequestListRequest(overdue: "true"), by: world.analyst)
            #expect(overdue.page.items.map(\.id) == [late.certificate.id])
            let due = try await world.useCases.listCertificates(RequestListRequest(dueWithin: "P3D"), by: world.analyst)
            #expect(due.page.items.map(\.id) == [late.certificate.id, soon.certificate.id])
            // and once recognised, it leaves the list
            _ = try await world.useCases.moveCertificate(certificateID: late.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            #expect(try await world.useCases.listCertificates(RequestListRequest(overdue: "true"), by: world.analyst).page.items.isEmpty)
            let all = try await world.useCases.listCertificates(RequestListRequest(direction: "incoming"), by: world.analyst)
            #expect(all.page.items.count == 3)
        }
    }

    @Test func aFreezingCertificateThatIsNotUrgentHasNoFixedClock() async throws {
        try await TestWorld.with { world in
            let order = try await world.dutchOrder("freezing", on: try await world.openCase())
            let received = try await world.receiveCertificate(for: order)
            #expect(received.certificate.clock == nil)
        }
    }

    @Test func aConfiscationCertificateRunsFortyFiveDaysAndAChangedDefaultDoesNotMoveItsDeadline() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let first = try await world.receiveCertificate(for: try await world.dutchOrder("confiscation", on: file))
            _ = try await world.useCases.changeSetting(key: "deadline.confiscation", SettingChange(value: "P30D"), by: world.admin)
            let second = try await world.receiveCertificate(for: try await world.dutchOrder("confiscation", on: file))
            let reread = try await world.useCases.readCertificate(id: first.certificate.id, by: world.liaison)
            #expect(reread.ledger == nil, "the Art 16 ledger is the issuing state's")
            // 45 days end at the same local time of day: 10:00 in Brussels on 13 January
            #expect(reread.certificate.clock?.deadline == instant("2027-01-13T09:00:00Z"))
            #expect(reread.certificate.clock?.period == "P45D")
            #expect(second.certificate.clock?.period == "P30D")
        }
    }

    @Test func aCertificateCarriesAnotherStatesOrderAndOnlyAFreezeIsUrgent() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let ours = try await world.valueConfiscation(on: file)
            await refused(.invalid(["orderId issued-abroad"])) { try await world.receiveCertificate(for: ours) }
            let theirs = try await world.dutchOrder("confiscation", on: file)
            await refused(.invalid(["urgent freezing-only"])) { try await world.receiveCertificate(for: theirs, urgent: true) }
            await refused(.forbidden) {
                try await world.useCases.receiveCertificate(IncomingCertificate(orderID: theirs.id.lowercased, counterpartOffice: "FIOD"), by: world.officer)
            }
            #expect(try await world.count("SELECT count(*) FROM certificate") == 0)
        }
    }

    @Test func theCertificateIsExecutedOnlyOnceTheRecordShowsItsOrderExecutedHere() async throws {
        try await TestWorld.with { world in
            let order = try await world.dutchOrder("freezing", on: try await world.openCase())
            let received = try await world.receiveCertificate(for: order, urgent: true)
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            await refused(.conflict) {
                try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            }
            _ = try await world.useCases.executeOrder(orderID: order.id, OrderExecutionInput(on: "2026-11-29"), by: world.officer)
            let executed = try await world.useCases.moveCertificate(
                certificateID: received.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            #expect(executed.certificate.state == .executed)
        }
    }

    @Test func disposingOfAConfiscationPaysTheVictimsFirstThenSharesAboveTheThresholdAndStoresTheSplitWithItsRule() async throws {
        try await TestWorld.with { world in
            let order = try await world.dutchOrder("confiscation", on: try await world.openCase())
            let received = try await world.receiveCertificate(for: order)
            for action in ["recognise"] {
                _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: action), by: world.liaison)
            }
            _ = try await world.useCases.finaliseOrder(orderID: order.id, OrderFinality(on: "2026-11-25", reason: "final in the Netherlands"), by: world.officer)
            _ = try await world.useCases.executeOrder(
                orderID: order.id, OrderExecutionInput(on: "2026-11-29", amount: MoneyInput(amount: "25000.00", currency: "EUR")), by: world.officer)
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            // when EUR 25,000 realised is disposed of, with EUR 3,000 claimed by victims
            let disposed = try await world.useCases.moveCertificate(
                certificateID: received.certificate.id,
                CertificateMoveInput(
                    action: "dispose", realised: MoneyInput(amount: "25000.00", currency: "EUR"), victimsClaims: MoneyInput(amount: "3000.00", currency: "EUR")),
                by: world.liaison)
            // then victims get 3,000; the 22,000 left is above EUR 10,000, so half goes to the Netherlands
            let sharing = try #require(disposed.sharing)
            #expect(sharing.toVictims.description == "3000.00 EUR")
            #expect(sharing.toIssuingState.description == "11000.00 EUR" && sharing.keptByExecutingState.description == "11000.00 EUR")
            #expect(sharing.basis == .aboveThreshold && sharing.rule == .regulation)
            let reread = try await world.useCases.readCertificate(id: received.certificate.id, by: world.analyst)
            #expect(reread.sharing == sharing)
        }
    }

    @Test func aShareAgreedWithTheIssuingStateReplacesTheRuleAndOnlyADisposalShares() async throws {
        try await TestWorld.with { world in
            let order = try await world.dutchOrder("confiscation", on: try await world.openCase())
            let received = try await world.receiveCertificate(for: order)
            await refused(.invalid(["realised not-applicable"])) {
                try await world.useCases.moveCertificate(
                    certificateID: received.certificate.id, CertificateMoveInput(action: "recognise", realised: MoneyInput(amount: "1.00", currency: "EUR")),
                    by: world.liaison)
            }
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            _ = try await world.useCases.finaliseOrder(orderID: order.id, OrderFinality(on: "2026-11-25"), by: world.officer)
            _ = try await world.useCases.executeOrder(
                orderID: order.id, OrderExecutionInput(on: "2026-11-29", amount: MoneyInput(amount: "8000.00", currency: "EUR")), by: world.officer)
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            await refused(.invalid(["realised required"])) {
                try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "dispose"), by: world.liaison)
            }
            let disposed = try await world.useCases.moveCertificate(
                certificateID: received.certificate.id,
                CertificateMoveInput(action: "dispose", realised: MoneyInput(amount: "8000.00", currency: "EUR"), agreedIssuingStatePercent: "30"),
                by: world.liaison)
            #expect(disposed.sharing?.basis == .bilateral && disposed.sharing?.toIssuingState.description == "2400.00 EUR")
        }
    }
}
