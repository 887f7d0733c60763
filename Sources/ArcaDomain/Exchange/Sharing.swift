import Foundation

/// How money realised on an incoming confiscation certificate is shared between this office's
/// state (executing) and the issuing state (Reg 2018/1805 Art 30; DOMAIN §4): victims'
/// claims first; of the rest, an amount up to the threshold stays here, and above it the
/// issuing state receives its percentage of the whole rest — or the share the two states
/// agreed for the case, whatever the amount.
public struct SharingRule: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable, Codable {
        /// The rest is at or below the threshold: it stays with the executing state.
        case atOrBelowThreshold = "at_or_below_threshold"
        /// The rest is above the threshold: the issuing state receives its percentage of it.
        case aboveThreshold = "above_threshold"
        /// A share agreed between the two states for this case.
        case bilateral
    }

    /// Up to this amount, the rest stays with the executing state; nil for a bilateral share.
    public let threshold: Money?
    /// The issuing state's percentage of the rest (above the threshold, or always when agreed).
    public let issuingStatePercent: Decimal

    public static let source = "Reg 2018/1805 Art 30"

    /// The regulation's defaults: EUR 10,000, then 50 %. Both are settings.
    public static let regulation = SharingRule(regulationThreshold: Money(10_000, .euro), percent: 50)

    public init(threshold: Money, issuingStatePercent: Decimal) throws(SharingError) {
        guard issuingStatePercent >= 0, issuingStatePercent <= 100 else { throw .percentOutOfRange(issuingStatePercent) }
        self.threshold = threshold
        self.issuingStatePercent = issuingStatePercent
    }

    private init(regulationThreshold threshold: Money, percent: Decimal) {
        self.threshold = threshold
        self.issuingStatePercent = percent
    }

    private init(bilateral percent: Decimal) {
        self.threshold = nil
        self.issuingStatePercent = percent
    }

    /// A share agreed between the executing and issuing states for one case.
    public static func bilateral(issuingStatePercent percent: Decimal) throws(SharingError) -> SharingRule {
        guard percent >= 0, percent <= 100 else { throw .percentOutOfRange(percent) }
        return SharingRule(bilateral: percent)
    }

    /// Shares `realised` after `victimsClaims`. The issuing state's part is rounded down to
    /// the currency's minor unit, so no more is ever transferred than the rule gives; the
    /// odd cent stays here. Amounts are compared with the threshold in its currency: money
    /// realised in another currency is converted first (with the reference rate of its day).
    public func split(realised: Money, victimsClaims: Money) throws(SharingError) -> SharingSplit {
        guard !realised.isNegative, !victimsClaims.isNegative else { throw .negative }
        guard victimsClaims.currency == realised.currency else { throw .claimsInAnotherCurrency(victimsClaims.currency, realised: realised.currency) }
        let toVictims = Money(min(victimsClaims.amount, realised.amount), realised.currency)
        let rest = realised.amount - toVictims.amount
        let basis: Basis
        let percent: Decimal
        if let threshold {
            guard threshold.currency == realised.currency else { throw .thresholdInAnotherCurrency(threshold.currency, realised: realised.currency) }
            basis = rest > threshold.amount ? .aboveThreshold : .atOrBelowThreshold
            percent = basis == .aboveThreshold ? issuingStatePercent : 0
        } else {
            basis = .bilateral
            percent = issuingStatePercent
        }
        let toIssuingState = (rest * percent / 100).rounded(toPlaces: realised.currency.minorUnitDigits, .down)
        return SharingSplit(
            realised: realised, toVictims: toVictims, toIssuingState: Money(toIssuingState, realised.currency),
            keptByExecutingState: Money(rest - toIssuingState, realised.currency), rule: self, basis: basis)
    }
}

/// The money realised on a certificate, shared: stored with the rule and basis that produced it.
public struct SharingSplit: Hashable, Sendable {
    public let realised: Money
    public let toVictims: Money
    public let toIssuingState: Money
    public let keptByExecutingState: Money
    public let rule: SharingRule
    public let basis: SharingRule.Basis

    public init(realised: Money, toVictims: Money, toIssuingState: Money, keptByExecutingState: Money, rule: SharingRule, basis: SharingRule.Basis) {
        self.realised = realised
        self.toVictims = toVictims
        self.toIssuingState = toIssuingState
        self.keptByExecutingState = keptByExecutingState
        self.rule = rule
        self.basis = basis
    }
}

public enum SharingError: Error, Equatable, CustomStringConvertible {
    case negative
    case claimsInAnotherCurrency(Currency, realised: Currency)
    case thresholdInAnotherCurrency(Currency, realised: Currency)
    case percentOutOfRange(Decimal)

    public var description: String {
        switch self {
        case .negative: return "the amount realised and the victims' claims cannot be negative"
        case .claimsInAnotherCurrency(let claims, let realised):
            return "the victims' claims are in \(claims) and the amount realised in \(realised): convert one of them first"
        case .thresholdInAnotherCurrency(let threshold, let realised):
            return "the threshold is in \(threshold) and the amount realised in \(realised): convert the amount first, with the reference rate of its day"
        case .percentOutOfRange(let percent): return "a share of \(percent) % is not between 0 and 100"
        }
    }
}
