import ArcaDomain
import Foundation
import Testing

/// Sharing the money realised on an incoming confiscation certificate (Reg 2018/1805 Art 30).
@Suite("Domain: sharing money realised between the executing and issuing states")
struct SharingTests {
    func eur(_ text: String) -> Money { try! Money(parsing: text, .euro) }

    @Test(arguments: [
        ("0.00", "0.00", "0.00", SharingRule.Basis.atOrBelowThreshold),
        ("9999.99", "0.00", "9999.99", .atOrBelowThreshold),
        ("10000.00", "0.00", "10000.00", .atOrBelowThreshold),
        // Above the threshold, half of the whole amount; the half cent stays here.
        ("10000.01", "5000.00", "5000.01", .aboveThreshold),
        ("250000.00", "125000.00", "125000.00", .aboveThreshold),
    ])
    func withoutVictimsUpToTenThousandEurosStaysAndAboveHalfGoesToTheIssuingState(
        realised: String, issuing: String, kept: String, basis: SharingRule.Basis
    ) throws {
        let split = try SharingRule.regulation.split(realised: eur(realised), victimsClaims: eur("0"))
        #expect(split.toIssuingState == eur(issuing))
        #expect(split.keptByExecutingState == eur(kept))
        #expect(split.toVictims == eur("0"))
        #expect(split.basis == basis)
    }

    @Test func victimsArePaidFirstAndTheRestIsShared() throws {
        let split = try SharingRule.regulation.split(realised: eur("25000.00"), victimsClaims: eur("12000.00"))
        #expect(split.toVictims == eur("12000.00"))
        #expect(split.toIssuingState == eur("6500.00"))
        #expect(split.keptByExecutingState == eur("6500.00"))
    }

    @Test func victimsClaimsThatBringTheRestUnderTheThresholdLeaveItHere() throws {
        let split = try SharingRule.regulation.split(realised: eur("18000.00"), victimsClaims: eur("8000.00"))
        #expect(split.toIssuingState == eur("0.00"))
        #expect(split.keptByExecutingState == eur("10000.00"))
        #expect(split.basis == .atOrBelowThreshold)
    }

    @Test func victimsClaimingMoreThanWasRealisedTakeItAll() throws {
        let split = try SharingRule.regulation.split(realised: eur("8000.00"), victimsClaims: eur("11250.40"))
        #expect(split.toVictims == eur("8000.00"))
        #expect(split.toIssuingState == eur("0"))
        #expect(split.keptByExecutingState == eur("0"))
    }

    @Test func aBilateralShareAppliesWhateverTheAmount() throws {
        let rule = try SharingRule.bilateral(issuingStatePercent: 30)
        let split = try rule.split(realised: eur("9000.00"), victimsClaims: eur("0"))
        #expect(split.toIssuingState == eur("2700.00"))
        #expect(split.keptByExecutingState == eur("6300.00"))
        #expect(split.basis == .bilateral)
        #expect(throws: SharingError.percentOutOfRange(120)) { try SharingRule.bilateral(issuingStatePercent: 120) }
    }

    @Test func theIssuingStateReceivesHalfOfTheRestInWholeCentsAndThePartsAddUp() throws {
        for cents in [0, 1, 999_999, 1_000_000, 1_000_001, 1_000_003, 123_456_789] {
            for claimCents in [0, 500_037, 2_000_000] {
                let realised = Money(Decimal(cents) / 100, .euro)
                let split = try SharingRule.regulation.split(realised: realised, victimsClaims: Money(Decimal(claimCents) / 100, .euro))
                // Counted here in integer cents: the rest after the victims, half of it above EUR 10,000.
                let rest = max(cents - claimCents, 0)
                let issuing = rest > 1_000_000 ? rest / 2 : 0
                #expect(split.toIssuingState == Money(Decimal(issuing) / 100, .euro), "\(cents) with claims \(claimCents)")
                #expect(split.keptByExecutingState == Money(Decimal(rest - issuing) / 100, .euro), "\(cents) with claims \(claimCents)")
                #expect(split.toVictims == Money(Decimal(cents - rest) / 100, .euro), "\(cents) with claims \(claimCents)")
            }
        }
    }

    @Test func aRuleGivesBetweenNothingAndEverything() {
        #expect(throws: SharingError.percentOutOfRange(150)) { try SharingRule(threshold: Money(10_000, .euro), issuingStatePercent: 150) }
        #expect(throws: SharingError.percentOutOfRange(-5)) { try SharingRule.bilateral(issuingStatePercent: -5) }
    }

    @Test func moneyInAnotherCurrencyIsConvertedBeforeItIsShared() throws {
        let usd = try #require(Currency(code: "USD"))
        let dollars = try Money(parsing: "50000.00", usd)
        #expect(throws: SharingError.thresholdInAnotherCurrency(.euro, realised: usd)) {
            try SharingRule.regulation.split(realised: dollars, victimsClaims: Money.zero(usd))
        }
        #expect(throws: SharingError.claimsInAnotherCurrency(usd, realised: .euro)) {
            try SharingRule.regulation.split(realised: self.eur("50000.00"), victimsClaims: dollars)
        }
    }
}
