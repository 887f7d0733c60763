import Foundation

/// How long a confiscated asset was frozen before: from its first freeze here to its confiscation's execution.
public struct FrozenBeforeConfiscation: Hashable, Sendable {
    public let assetID: String
    public let frozenOn: Day
    public let confiscatedOn: Day

    public init(assetID: String, frozenOn: Day, confiscatedOn: Day) {
        self.assetID = assetID
        self.frozenOn = frozenOn
        self.confiscatedOn = confiscatedOn
    }
}

/// What the office's own summary is computed from, over a span of years (Docs/STATISTICS.md,
/// "The office's summary").
public struct SummaryRecord: Sendable {
    /// Property identified in the span, valued on the day it was identified.
    public let traced: [ValuedProperty]
    /// As S3 reads them: each asset (or sum) at its first freeze here, with its value at freezing.
    public let frozen: [ValuedProperty]
    /// As S4 reads them: each asset (or sum) at its confiscation's execution, with its value at confiscation.
    public let confiscated: [ValuedProperty]
    /// Money received (recovered values), on the day received.
    public let recovered: [ValuedProperty]
    public let frozenBeforeConfiscation: [FrozenBeforeConfiscation]

    public init(
        traced: [ValuedProperty], frozen: [ValuedProperty], confiscated: [ValuedProperty], recovered: [ValuedProperty],
        frozenBeforeConfiscation: [FrozenBeforeConfiscation]
    ) {
        self.traced = traced
        self.frozen = frozen
        self.confiscated = confiscated
        self.recovered = recovered
        self.frozenBeforeConfiscation = frozenBeforeConfiscation
    }
}

/// One stage of one year: how many records, their value in EUR (rounded once to the cent), and
/// how many have no value to sum.
public struct StageTally: Hashable, Sendable {
    public let count: Int
    public let euro: Decimal
    public let withoutValue: Int

    public init(count: Int, euro: Decimal, withoutValue: Int) {
        self.count = count
        self.euro = euro
        self.withoutValue = withoutValue
    }
}

/// One year of the office's own summary: traced → frozen → confiscated → recovered, and the
/// average days property was frozen before it was confiscated.
public struct YearSummary: Hashable, Sendable {
    public let year: Int
    public let traced: StageTally
    public let frozen: StageTally
    public let confiscated: StageTally
    public let recovered: StageTally
    /// To one decimal, halves away from zero; nil when nothing frozen was confiscated that year.
    public let averageDaysFrozenBeforeConfiscation: Decimal?
    public let confiscatedAfterFreezing: Int

    /// One row per year from `first` through `last`; every amount that cannot be converted is
    /// added to `unconverted` (and left out of its sum, never counted as zero).
    public static func years(
        _ record: SummaryRecord, from first: Int, through last: Int, rates: RateTable, unconverted: inout [MissingRate]
    ) -> [YearSummary] {
        func tally(_ records: [ValuedProperty], in year: Int) -> StageTally {
            let counted = records.filter { $0.day.year == year }
            var sum: Decimal = 0
            for record in counted {
                guard let value = record.value else { continue }
                do throws(MissingRate) {
                    sum += try rates.euro(value, on: record.valueFixedOn).euro
                } catch {
                    unconverted.append(error)
                }
            }
            return StageTally(count: counted.count, euro: sum.rounded(toPlaces: 2), withoutValue: counted.filter { $0.value == nil }.count)
        }
        return (first...last).map { year in
            let held = record.frozenBeforeConfiscation.filter { $0.confiscatedOn.year == year }
            let average = held.isEmpty
                ? nil : (Decimal(held.reduce(0) { $0 + $1.frozenOn.days(until: $1.confiscatedOn) }) / Decimal(held.count)).rounded(toPlaces: 1)
            return YearSummary(
                year: year, traced: tally(record.traced, in: year), frozen: tally(record.frozen, in: year),
                confiscated: tally(record.confiscated, in: year), recovered: tally(record.recovered, in: year),
                averageDaysFrozenBeforeConfiscation: average, confiscatedAfterFreezing: held.count)
        }
    }
}
