import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation

/// The yearly statistics for the Commission (DOMAIN §5, S1–S13): each indicator with its breakdowns and the records that make it up, the rates used, and a
/// digest of the data, so that producing it again from the same data gives the same figures.
public struct StatisticsExtract: Sendable {
    public let year: Int
    public let state: CountryCode
    public let producedAt: Date
    /// SHA-256 over every record counted and every rate used.
    public let dataDigest: String
    public let indicators: [Indicator]
    public let rates: [ReferenceRate]
}

/// Produces the statistics of one calendar year for the deployment's Member State, from the
/// recorded events, all read in one snapshot (analysts and administrators; audited).
public struct ProduceStatistics: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(year: Int, state: String? = nil, by caller: Caller) async throws -> StatisticsExtract {
        try caller.require(.produceStatistics)
        let now = clock()
        var validation = Validation()
        let thisYear = Day(now, in: caller.timeZone).year
        if !(1999...thisYear).contains(year) { validation.add("year", "range", "a year from 1999, when the euro began, to \(thisYear)") }
        let asked = state.flatMap { validation.country("state", $0) }
        try validation.finish()

        return try await database.snapshot { store in
            guard let deployment = try await store.offices.deploymentState() else {
                throw UseCaseError.conflict("this deployment has no offices yet: there is nothing to count")
            }
            let home = try CountryCode(deployment.code)
            if let asked, asked != home {
                throw UseCaseError.invalid("state", "this-deployment", "this deployment records the cases of \(home.value), not \(asked.value)")
            }
            let record = try await store.statistics.domesticRecord(of: home, in: year)
            let crossBorder = try await store.statistics.crossBorderRecord(in: year)
            let moves = try await store.statistics.requestMoves(in: year)
            let managed = try await store.statistics.managedProperty(in: year)
            let days = (record.firstFreezes + record.confiscations).map(\.valueFixedOn) + crossBorder.recovered.map(\.recoveredOn)
                + managed.compactMap(\.valueFixedOn)
            let rates = try await store.rates.covering(from: days.min() ?? Day(now, in: caller.timeZone), through: days.max() ?? Day(now, in: caller.timeZone))
            var missing: [MissingRate] = []
            var indicators = DomesticFigures.indicators(record, in: year, rates: rates, missing: &missing)
            indicators += CrossBorderFigures.indicators(crossBorder, in: year, rates: rates, missing: &missing)
            indicators += RequestFigures.indicators(moves, in: year)
            indicators += ManagementFigures.indicators(managed, in: year, rates: rates, missing: &missing)
            guard missing.isEmpty else {
                throw UseCaseError.conflict("the \(year) figures cannot be converted to euro: \(MissingRates(missing: missing).description)")
            }
            let order = IndicatorCode.keys
            indicators.sort { order.firstIndex(of: $0.key) ?? order.count < order.firstIndex(of: $1.key) ?? order.count }
            try await store.audit.appendConsultation(by: caller.auditActor, operation: "ProduceStatistics", entity: "statistics", id: "\(year)/\(home.value)")
            let used = Set(indicators.flatMap { ($0.contributions + $0.withoutValue).compactMap(\.amount?.rate) })
                .sorted { ($0.day, $0.currency.code) < ($1.day, $1.currency.code) }
            return StatisticsExtract(
                year: year, state: home, producedAt: now, dataDigest: Self.digest(indicators, rates: used, year: year, state: home), indicators: indicators,
                rates: used)
        }
    }

    /// SHA-256 over one line per record counted (indicator, record, day, amount as recorded,
    /// rate) and per rate used: the same data gives the same digest.
    static func digest(_ indicators: [Indicator], rates: [ReferenceRate], year: Int, state: CountryCode) -> String {
        var lines = ["\(year) \(state.value)"]
        for indicator in indicators {
            for record in indicator.contributions + indicator.withoutValue {
                let amount = record.days.map { "\($0) days" } ?? record.amount.map { "\($0.original) \($0.rate.map { "\($0.day) \($0.rate)" } ?? "")" } ?? "-"
                let categories = record.categories.map(\.rawValue).joined(separator: "+")
                let dimensions = record.dimensions.keys.sorted().map { "\($0)=\(record.dimensions[$0]!)" }.joined(separator: "+")
                lines.append(
                    "\(indicator.key) \(record.entity) \(record.id) \(record.day) \(record.offences.map(\.rawValue).joined(separator: "+")) \(categories) \(dimensions) \(amount)")
            }
        }
        lines += rates.map { "rate \($0.day) \($0.currency.code) \($0.rate)" }
        return SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).hexadecimal
    }
}
