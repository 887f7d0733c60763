import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

extension TestWorld {
    /// A final value confiscation of EUR 120,000 against the Meltwater suspects, decided in Brussels.
    func valueConfiscation(on file: Case) async throws -> LegalOrder {
        let order = try await useCases.createOrder(
            caseID: file.id,
            NewOrder(
                kind: "confiscation", confiscationType: "value", issuingAuthority: "Brussels criminal court", decisionReference: "2026/0412/C",
                decisionDate: "2026-06-10", assets: [], coveredAmount: MoneyInput(amount: "120000.00", currency: "EUR")),
            by: officer)
        return try await useCases.finaliseOrder(orderID: order.id, OrderFinality(on: "2026-07-15", reason: "no appeal lodged"), by: officer)
    }

    /// The order's confiscation certificate, sent to the executing state's ARO.
    func sendCertificate(_ order: LegalOrder, to state: String, office: String) async throws -> CertificateFile {
        let draft = try await useCases.issueCertificate(
            NewCertificate(orderID: order.id.lowercased, counterpartState: state, counterpartOffice: office), by: liaison)
        return try await useCases.moveCertificate(
            certificateID: draft.certificate.id, CertificateMoveInput(action: "send", externalReference: "MR-BE-\(state)-2026-\(Int.random(in: 1000...9999))"),
            by: liaison)
    }

    func recover(_ file: CertificateFile, _ amount: String, on day: String = "2026-11-02") async throws -> CertificateFile {
        try await useCases.recordRecovery(
            certificateID: file.certificate.id, NewRecovery(amount: MoneyInput(amount: amount, currency: "EUR"), recoveredOn: day, reason: "paid into the court's account"),
            by: liaison)
    }
}

@Suite("Use cases: certificates and the Art 16 ledger")
struct CertificateUseCaseTests {
    @Test func anOfficerDraftsAConfiscationCertificateWhichALiaisonOfficerSendsAndTheExecutingStateRecognises() async throws {
        try await TestWorld.with { world in
            let order = try await world.valueConfiscation(on: try await world.openCase())
            // an officer drafts, but does not send
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "ARO Netherlands (FIOD)"), by: world.officer)
            #expect(draft.certificate.kind == .confiscation && draft.certificate.state == .draft)
            #expect(draft.certificate.channel == .mrConfiscationCertificate)
            await refused(.forbidden) {
                try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "send"), by: world.officer)
            }
            // the liaison officer sends it; the executing state's recognition is recorded as it arrives
            let sent = try await world.useCases.moveCertificate(
                certificateID: draft.certificate.id, CertificateMoveInput(action: "send", externalReference: "MR-BE-NL-2026-0042"), by: world.liaison)
            #expect(sent.certificate.state == .sent && sent.certificate.externalReference == "MR-BE-NL-2026-0042")
            let recognised = try await world.useCases.moveCertificate(
                certificateID: draft.certificate.id, CertificateMoveInput(action: "recognise", reason: "decision of the Amsterdam court"), by: world.liaison)
            #expect(recognised.certificate.state == .recognised)
            #expect(recognised.events.map(\.action) == ["draft", "send", "recognise"])
            #expect(recognised.ledger?.outstanding == (try Money(parsing: "120000.00", Currency(code: "EUR")!)))
            let error = await refused(.conflict) {
                try await world.useCases.moveCertificate(certificateID: draft.certificate.id, CertificateMoveInput(action: "dispose"), by: world.liaison)
            }
            #expect(error?.description.contains("allowed from there: postpone, execute, declare_impossible, withdraw") == true)
            await refused(.invalid(["refusalGround refusal-ground"])) {
                try await world.useCases.moveCertificate(
                    certificateID: draft.certificate.id, CertificateMoveInput(action: "refuse", refusalGround: "national_security"), by: world.liaison)
            }
        }
    }

    @Test func whatEveryStateRecoversUnderOneOrderNeverExceedsItsAmount() async throws {
        try await TestWorld.with { world in
            // given an order of EUR 120,000 sent to the Netherlands and to Germany
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let netherlands = try await world.sendCertificate(order, to: "NL", office: "ARO Netherlands (FIOD)")
            let germany = try await world.sendCertificate(order, to: "DE", office: "ARO Germany (BKA)")
            // when the Netherlands recover 70,000 and Germany 40,000
            _ = try await world.recover(netherlands, "70000.00")
            let afterGermany = try await world.recover(germany, "40000.00")
            // then 10,000 is outstanding, across both states, and Germany's further 20,000 is refused
            #expect(afterGermany.ledger?.outstanding == (try Money(parsing: "10000.00", Currency(code: "EUR")!)))
            #expect(afterGermany.ledger?.byState.map(\.state.value) == ["NL", "DE"])
            let error = await refused(.invalid(["amount within-order"])) { try await world.recover(germany, "20000.00") }
            #expect(error?.violations.first?.message.contains("only 10000.00 EUR") == true)
            let recovered = try await world.count("SELECT count(*) FROM certificate_recovery")
            #expect(recovered == 2)
        }
    }

    @Test func twoStatesRecordingAtOnceCannotTogetherExceedTheOrder() async throws {
        try await TestWorld.with { world in
            // given two certificates of one order of EUR 120,000, each state about to record 70,000
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let netherlands = try await world.sendCertificate(order, to: "NL", office: "ARO Netherlands (FIOD)")
            let germany = try await world.sendCertificate(order, to: "DE", office: "ARO Germany (BKA)")
            // when both are recorded at the same time
            @Sendable func recorded(_ file: CertificateFile) async -> Refusal? {
                do {
                    _ = try await world.recover(file, "70000.00")
                    return nil
                } catch let error as UseCaseError {
                    return Refusal(error)
                } catch {
                    return .conflict
                }
            }
            async let first = recorded(netherlands)
            async let second = recorded(germany)
            let outcomes = await [first, second]
            // then one is recorded and the other refused on the amount, by the use case or by the database's rule
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.contains(.invalid(["amount within-order"])))
            let withinOrder = try await world.count("SELECT count(*) FROM certificate_recovery HAVING sum(amount) = 70000.00")
            #expect(withinOrder == 1)
        }
    }

    @Test func theDatabaseItselfRefusesARecoveryBeyondTheOrder() async throws {
        try await TestWorld.with { world in
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let netherlands = try await world.sendCertificate(order, to: "NL", office: "ARO Netherlands (FIOD)")
            _ = try await world.recover(netherlands, "100000.00")
            // when a writer that skips the use case inserts 30,000 more
            let insert = """
                INSERT INTO certificate_recovery (certificate_id, order_id, executing_state, amount, currency, recovered_on, recorded_by)
                VALUES ($1, $2, 'NL', 30000.00, 'EUR', '2026-11-03', 'm.dubois')
                """
            // then the database refuses it under its own rule
            let error = await #expect(throws: PostgresError.self) { try await world.db.pool.query(insert, [netherlands.certificate.id, order.id]) }
            #expect(error?.constraint == "certificate_recovery_within_order")
        }
    }

    @Test func recoveriesAreRecordedOnlyOnASentConfiscationCertificateOfAnOrderNamingAnAmount() async throws {
        try await TestWorld.with { world in
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let draft = try await world.useCases.issueCertificate(
                NewCertificate(orderID: order.id.lowercased, counterpartState: "NL", counterpartOffice: "ARO Netherlands (FIOD)"), by: world.liaison)
            await refused(.conflict) { try await world.recover(draft, "1000.00") }
            await refused(.invalid(["counterpartState other-state"])) {
                try await world.useCases.issueCertificate(
                    NewCertificate(orderID: order.id.lowercased, counterpartState: "BE", counterpartOffice: "OCSC"), by: world.liaison)
            }
            await refused(.notFound) { try await world.useCases.readCertificate(id: draft.certificate.id, by: world.amoOfficer) }
        }
    }
}
