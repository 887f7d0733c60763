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
    /// Where the records are read: a read-only replica when there is one, else `database`.
    /// The consultation is logged on `database`.
    let reading: Database
    let clock: @Sendable () -> Date
    /// The reads it runs at once on connections beside the pool (the four `readers.read`
    /// below): a pool of this size lets them start together; a smaller one, such as a
    /// replica's, makes them take turns.
    public static let readsAtOnce = 4

    public init(database: Database, readingFrom replica: Database? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.reading = replica ?? database
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
        let consultant = try caller.consultant

        // The four scans of the year's executions and orders run at once, on connections of
        // their own, in the same snapshot, while this connection reads the rest.
        let extract = try await reading.sharedSnapshot { store, readers in
            guard let deployment = try await store.offices.deploymentState() else {
                throw UseCaseError.conflict("this deployment has no offices yet: there is nothing to count")
            }
            let home = try CountryCode(deployment.code)
            if let asked, asked != home {
                throw UseCaseError.invalid("state", "this-deployment", "this deployment records the cases of \(home.value), not \(asked.value)")
            }
            async let firstFreezes = readers.read { try await $0.statistics.firstFreezes(of: home, in: year) }
            async let orders = readers.read { try await $0.statistics.ordersFirstExecuted(of: home, in: year) }
            async let confiscations = readers.read { try await $0.statistics.confiscationsExecuted(of: home, in: year) }
            async let issued = readers.read { try await $0.statistics.confiscationsIssued(of: home, in: year) }
            let managed = try await store.statistics.managedProperty(in: year)
            let crossBorder = try await store.statistics.crossBorderRecord(in: year)
            let moves = try await store.statistics.requestMoves(in: year)
            let record = DomesticRecord(
                orders: try await orders, confiscationsIssued: try await issued, firstFreezes: try await firstFreezes,
                confiscations: try await confiscations)
            let days = (record.firstFreezes + record.confiscations).map(\.valueFixedOn) + crossBorder.recovered.map(\.recoveredOn)
                + managed.compactMap(\.valueFixedOn)
            let currencies = Set(
                (record.firstFreezes + record.confiscations).compactMap(\.value?.currency) + crossBorder.recovered.map(\.amount.currency)
                    + managed.compactMap(\.value?.currency))
            let rates = try await store.rates.covering(
                from: days.min() ?? Day(now, in: caller.timeZone), through: days.max() ?? Day(now, in: caller.timeZone),
                currencies: currencies.subtracting([.euro]).sorted { $0.code < $1.code })
            // The figures are independent of one another: computed at once on the machine's cores.
            async let domestic = Self.computing { DomesticFigures.indicators(record, in: year, rates: rates, missing: &$0) }
            async let abroad = Self.computing { CrossBorderFigures.indicators(crossBorder, in: year, rates: rates, missing: &$0) }
            async let management = Self.computing { ManagementFigures.indicators(managed, in: year, rates: rates, missing: &$0) }
            let parts = await [domestic, abroad, management]
            let missing = parts.flatMap(\.missing)
            var indicators = parts.flatMap(\.indicators) + RequestFigures.indicators(moves, in: year)
            guard missing.isEmpty else {
                throw UseCaseError.conflict("the \(year) figures cannot be converted to euro: \(MissingRates(missing: missing).description)")
            }
            let order = IndicatorCode.keys
            indicators.sort { order.firstIndex(of: $0.key) ?? order.count < order.firstIndex(of: $1.key) ?? order.count }
            let used = Set(indicators.flatMap { ($0.contributions + $0.withoutValue).compactMap(\.amount?.rate) })
                .sorted { ($0.day, $0.currency.code) < ($1.day, $1.currency.code) }
            return StatisticsExtract(
                year: year, state: home, producedAt: now, dataDigest: await Self.digest(indicators, rates: used, year: year, state: home), indicators: indicators,
                rates: used)
        }
        try await database.logConsultation(by: consultant, operation: "ProduceStatistics", entity: "statistics", id: "\(year)/\(extract.state.value)")
        return extract
    }

    /// Figures `body` computes, with the values it could not convert.
    private static func computing(_ body: @Sendable (inout [MissingRate]) -> [Indicator]) async -> (indicators: [Indicator], missing: [MissingRate]) {
        var missing: [MissingRate] = []
        let indicators = body(&missing)
        return (indicators, missing)
    }

    /// SHA-256 over one line per record counted (indicator, record, day, amount as recorded,
    /// rate) and per rate used: the same data gives the same digest. The lines are written in
    /// chunks at once on the machine's cores (hundreds of thousands on national data), and
    /// hashed in order.
    static func digest(_ indicators: [Indicator], rates: [ReferenceRate], year: Int, state: CountryCode) async -> String {
        let chunk = 20_000
        var parts: [(key: String, records: ArraySlice<Contribution>)] = []
        for indicator in indicators {
            for records in [indicator.contributions, indicator.withoutValue] {
                for start in stride(from: 0, to: records.count, by: chunk) {
                    parts.append((indicator.key, records[start..<min(start + chunk, records.count)]))
                }
            }
        }
        let texts = await withTaskGroup(of: (Int, String).self) { group in
            for (index, part) in parts.enumerated() {
                group.addTask {
                    var text = ""
                    text.reserveCapacity(part.records.count * 160)
                    for record in part.records { line(part.key, record, into: &text) }
                    return (index, text)
                }
            }
            var texts = [String](repeating: "", count: parts.count)
            for await (index, text) in group { texts[index] = text }
            return texts
        }
        var hash = SHA256()
        hash.update(data: Data("\(year) \(state.value)".utf8))
        for var text in texts { text.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) } }
        for rate in rates { hash.update(data: Data("\nrate \(rate.day) \(rate.currency.code) \(rate.rate.plainDescription)".utf8)) }
        return hash.finalize().hexadecimal
    }

    /// Appends `record`'s line to `text`. The line feed comes first: the digest's first line,
    /// the year and state, has none, and chunks are then hashed one after another as they are.
    private static func line(_ key: String, _ record: Contribution, into text: inout String) {
        text += "\n"
        text += key
        text += " "
        text += record.entity
        text += " "
        text += record.id
        text += " "
        text += record.day.description
        text += " "
        text += record.offences.map(\.rawValue).joined(separator: "+")
        text += " "
        text += record.categories.map(\.rawValue).joined(separator: "+")
        text += " "
        text += record.dimensions.keys.sorted().map { "\($0)=\(record.dimensions[$0]!)" }.joined(separator: "+")
        text += " "
        if let days = record.days {
            text += "\(days) days"
        } else if let amount = record.amount {
            text += amount.original.description
            text += " "
            if let rate = amount.rate {
                text += rate.day.description
                text += " "
                text += rate.rate.plainDescription
            }
        } else {
            text += "-"
        }
    }
}
