import ArcaDomain
import ArcaPersistence
import Foundation

/// The office's own summary over a span of years: traced → frozen → confiscated → recovered,
/// and how long property was frozen before it was confiscated.
public struct StatisticsSummary: Sendable {
    public let state: CountryCode
    public let producedAt: Date
    public let years: [YearSummary]
    /// Amounts left out of their sums for want of a reference rate, each currency and day once.
    public let unconverted: [MissingRate]
}

/// Summarises the recorded events year by year for the office itself (analysts and
/// administrators; audited), from one snapshot.
public struct SummariseStatistics: Sendable {
    let database: Database
    /// Where the records are read: a read-only replica when there is one, else `database`.
    let reading: Database
    let clock: @Sendable () -> Date

    /// Years one summary may span.
    static let longestSpan = 30

    public init(database: Database, readingFrom replica: Database? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.reading = replica ?? database
        self.clock = clock
    }

    /// From year `from` to year `to`, both included (default: the last five years, this one included).
    public func callAsFunction(from: String?, to: String?, by caller: Caller) async throws -> StatisticsSummary {
        try caller.require(.produceStatistics)
        let now = clock()
        let thisYear = Day(now, in: caller.timeZone).year
        var validation = Validation()
        func year(_ field: String, _ text: String?) -> Int? {
            validation.optional(field, text, "year") { (text) throws(YearError) in
                guard let year = Int(text), (1999...thisYear).contains(year) else { throw YearError(latest: thisYear) }
                return year
            }
        }
        let asked = year("from", from)
        let last = year("to", to) ?? thisYear
        let first = asked ?? max(1999, last - 4)
        if first > last { validation.add("from", "range", "from (\(first)) is after to (\(last))") }
        if last - first >= Self.longestSpan { validation.add("from", "range", "a summary spans at most \(Self.longestSpan) years") }
        try validation.finish()
        let consultant = try caller.consultant

        let summary = try await reading.snapshot { store in
            guard let deployment = try await store.offices.deploymentState() else {
                throw UseCaseError.conflict("this deployment has no offices yet: there is nothing to summarise")
            }
            let home = try CountryCode(deployment.code)
            let record = try await store.statistics.summaryRecord(of: home, from: first, through: last)
            let days = (record.traced + record.frozen + record.confiscated + record.recovered).filter { $0.value.map { $0.currency != .euro } ?? false }
                .map(\.valueFixedOn)
            var rates = RateTable([])
            if let earliest = days.min(), let latest = days.max() { rates = try await store.rates.covering(from: earliest, through: latest) }
            var unconverted: [MissingRate] = []
            let years = YearSummary.years(record, from: first, through: last, rates: rates, unconverted: &unconverted)
            return StatisticsSummary(state: home, producedAt: now, years: years, unconverted: MissingRates(missing: unconverted).missing)
        }
        try await database.logConsultation(
            by: consultant, operation: "SummariseStatistics", entity: "statistics", id: "\(first)-\(last)/\(summary.state.value)")
        return summary
    }
}

/// A year outside what can be summarised.
struct YearError: Error, CustomStringConvertible {
    let latest: Int
    var description: String { "a year from 1999, when the euro began, to \(latest)" }
}
