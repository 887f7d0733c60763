import ArcaDomain
import Foundation
import Testing

@Suite("Sharing money realised on an incoming confiscation certificate (Reg 2018/1805 Art 30)")
struct SharingTests {
    private func euro(_ text: String) -> Money { try! Money(parsing: text, .euro) }

    @Test(arguments: [
        // realised, victims' claims, to victims, to the issuing state, kept here, basis
        ("0.00", "0.00", "0.00", "0.00", "0.00", SharingRule.Basis.atOrBelowThreshold),
        ("9999.99", "0.00", "0.00", "0.00", "9999.99", .atOrBelowThreshold),
        ("10000.00", "0.00", "0.00", "0.00", "10000.00", .atOrBelowThreshold),
        ("10000.01", "0.00", "0.00", "5000.00", "5000.01", .aboveThreshold),
        ("25000.00", "3000.00", "3000.00", "11000.00", "11000.00", .aboveThreshold),
        ("12000.00", "2500.00", "2500.00", "0.00", "9500.00", .atOrBelowThreshold),
        ("4000.00", "6000.00", "4000.00", "0.00", "0.00", .atOrBelowThreshold),
    ])
    func victimsFirstThenUpToTenThousandStaysAndAboveItHalfGoesToTheIssuingState(
        _ realised: String, _ claims: String, _ victims: String, _ issuing: String, _ kept: String, _ basis: SharingRule.Basis
    ) throws {
        let split = try SharingRule.regulation.split(realised: euro(realised), victimsClaims: euro(claims))
        #expect(split.toVictims == euro(victims))
        #expect(split.toIssuingState == euro(issuing))
        #expect(split.keptByExecutingState == euro(kept))
        #expect(split.basis == basis)
        #expect(try split.toVictims.plus(split.toIssuingState).plus(split.keptByExecutingState) == euro(realised))
    }

    @Test func anAgreedShareAppliesFromTheFirstCentAndTheOddCentStaysHere() throws {
        let split = try SharingRule.bilateral(issuingStatePercent: 30).split(realised: euro("1000.05"), victimsClaims: euro("0.00"))
        #expect(split.toIssuingState == euro("300.01") && split.keptByExecutingState == euro("700.04") && split.basis == .bilateral)
    }

    @Test func claimsInAnotherCurrencyOrAShareAboveAHundredAreRefused() {
        #expect(throws: SharingError.self) { try SharingRule.regulation.split(realised: self.euro("100.00"), victimsClaims: Money(5, .init(code: "USD")!)) }
        #expect(throws: SharingError.percentOutOfRange(101)) { try SharingRule.bilateral(issuingStatePercent: 101) }
    }
}
