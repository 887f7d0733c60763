import Foundation

/// One amount that counts in a case's totals, on the day of the event that fixed it.
public struct CaseAmount: Hashable, Sendable {
    /// The totals a case shows, in EUR (DOMAIN §3.1: three values per asset, plus management
    /// costs; §2: the value actually recovered).
    public enum Line: String, CaseIterable, Sendable {
        /// Property frozen here: each asset at its value at freezing, on its first freeze; a sum
        /// frozen with no asset, on the day the freeze was executed.
        case frozen
        /// Property whose confiscation stands: each asset at its value at confiscation, on the
        /// day confiscation was ordered; a value confiscation's sum, on its decision (and not
        /// the assets it names as well: they are what the sum is enforced on).
        case confiscated
        /// What confiscation realised: the amounts recorded with its execution, asset by asset,
        /// and the sums executed with no asset.
        case realised
        /// Money actually received, net of costs (recovered values), on the day received.
        case recovered
        /// What managing and disposing of the property cost.
        case managementCosts = "management_costs"
    }

    public let line: Line
    /// What the amount belongs to: `asset`, `order_execution`, `recovered_value`, `asset_management`, `asset_event`.
    public let entity: String
    public let id: String
    public let label: String
    /// Nil: the property has no value for that stage (no valuation on or before the day).
    public let value: Money?
    public let day: Day

    public init(line: Line, entity: String, id: String, label: String, value: Money?, day: Day) {
        self.line = line
        self.entity = entity
        self.id = id
        self.label = label
        self.value = value
        self.day = day
    }
}

/// One of a case's totals in EUR: the records that count in it, each converted at the rate of
/// its own day, their sum (rounded once to the cent), and what could not be summed, named rather
/// than counted as zero.
public struct CaseTotal: Hashable, Sendable {
    /// A record that counts, with its amount in EUR when it has a value and a rate.
    public struct Record: Hashable, Sendable {
        public let amount: CaseAmount
        public let euro: EuroAmount?
    }

    public let line: CaseAmount.Line
    public let records: [Record]
    public let euro: Decimal
    /// Amounts left out of the sum for want of a reference rate.
    public let unconverted: [MissingRate]

    public var count: Int { records.count }

    /// Records that count but have no value for that stage.
    public var withoutValue: [CaseAmount] { records.map(\.amount).filter { $0.value == nil } }

    /// The sum covers every record that counts.
    public var isComplete: Bool { withoutValue.isEmpty && unconverted.isEmpty }
}

/// A case's totals in EUR: frozen, confiscated, realised, recovered, and management costs.
public struct CaseTotals: Hashable, Sendable {
    public let lines: [CaseTotal]

    public init(_ amounts: [CaseAmount], rates: RateTable) {
        lines = CaseAmount.Line.allCases.map { line in
            var sum: Decimal = 0
            var unconverted: [MissingRate] = []
            let records = amounts.filter { $0.line == line }.map { amount in
                guard let value = amount.value else { return CaseTotal.Record(amount: amount, euro: nil) }
                do throws(MissingRate) {
                    let euro = try rates.euro(value, on: amount.day)
                    sum += euro.euro
                    return CaseTotal.Record(amount: amount, euro: euro)
                } catch {
                    unconverted.append(error)
                    return CaseTotal.Record(amount: amount, euro: nil)
                }
            }
            return CaseTotal(line: line, records: records, euro: sum.rounded(toPlaces: 2), unconverted: MissingRates(missing: unconverted).missing)
        }
    }

    /// The total of `line` (every line is there, empty when nothing counts in it).
    public subscript(_ line: CaseAmount.Line) -> CaseTotal {
        lines.first { $0.line == line } ?? CaseTotal(line: line, records: [], euro: 0, unconverted: [])
    }

    /// The currencies other than the euro the amounts are in, and the span of their days: the
    /// rates the totals need.
    public static func ratesNeeded(by amounts: [CaseAmount]) -> (currencies: [Currency], days: ClosedRange<Day>)? {
        let foreign = amounts.filter { $0.value.map { $0.currency != .euro } ?? false }
        guard let first = foreign.map(\.day).min(), let last = foreign.map(\.day).max() else { return nil }
        return (Array(Set(foreign.compactMap(\.value?.currency))).sorted { $0.code < $1.code }, first...last)
    }
}
