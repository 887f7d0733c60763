import ArcaDomain
import Foundation
import Testing

@Suite("Art 16: one order's recoveries across executing states")
struct RecoveryLedgerTests {
    private func euro(_ text: String) throws -> Money { try Money(parsing: text, Currency(code: "EUR")!) }

    private func recovery(_ state: String, _ amount: String) throws -> Recovery {
        Recovery(certificateID: UUID(), state: try CountryCode(state), amount: try euro(amount), recoveredOn: try Day("2026-09-15"), recordedBy: "m.dubois", reason: nil)
    }

    @Test func whatIsOutstandingIsTheOrderLessEveryStatesRecoveries() throws {
        let ledger = RecoveryLedger(ordered: try euro("120000.00"), recoveries: [try recovery("NL", "70000.00"), try recovery("DE", "30000.00"), try recovery("NL", "5000.50")])
        #expect(ledger.recovered == (try euro("105000.50")))
        #expect(ledger.outstanding == (try euro("14999.50")))
        #expect(ledger.byState.map(\.state.value) == ["NL", "DE"])
        #expect(ledger.byState.map(\.recovered) == [try euro("75000.50"), try euro("30000.00")])
    }

    @Test func anAmountBeyondWhatIsOutstandingOrInAnotherCurrencyIsRefused() throws {
        let ledger = RecoveryLedger(ordered: try euro("120000.00"), recoveries: [try recovery("NL", "70000.00")])
        #expect(throws: Never.self) { try ledger.check(adding: try euro("50000.00")) }
        #expect(throws: RecoveryLedgerError.exceedsOrder(outstanding: try euro("50000.00"), ordered: try euro("120000.00"))) {
            try ledger.check(adding: try euro("50000.01"))
        }
        #expect(throws: RecoveryLedgerError.currency(ordered: Currency(code: "EUR")!, given: Currency(code: "PLN")!)) {
            try ledger.check(adding: Money(parsing: "100.00", Currency(code: "PLN")!))
        }
    }
}
