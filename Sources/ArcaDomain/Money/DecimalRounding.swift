import Foundation

extension Decimal {
    /// The value to `places` decimal places, rounded as `mode` says (`.plain`: half away
    /// from zero; `.down`: towards zero).
    public func rounded(toPlaces places: Int, _ mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, mode)
        return rounded
    }
}
