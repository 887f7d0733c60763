import Foundation

/// The figures EU law asks every Member State for each year (DOMAIN §5), with their sources.
public enum IndicatorCode: String, CaseIterable, Sendable, Codable {
    case s1 = "S1"
    case s2 = "S2"
    case s3 = "S3"
    case s4 = "S4"
    case s5 = "S5"
    case s6 = "S6"
    case s7 = "S7"
    case s8 = "S8"
    case s9 = "S9"
    case s10 = "S10"
    case s11 = "S11"
    case s12 = "S12"
    case s13 = "S13"

    public var label: String {
        switch self {
        case .s1: return "freezing orders executed"
        case .s2: return "confiscation orders executed"
        case .s3: return "estimated value of property frozen, at the time of freezing (EUR)"
        case .s4: return "estimated value of property recovered, at the time of confiscation (EUR)"
        case .s5: return "requests for freezing orders to be executed in another Member State"
        case .s6: return "requests for confiscation orders to be executed in another Member State"
        case .s7: return "value recovered following execution in another Member State (EUR)"
        case .s8: return "freezing and confiscation orders received from other Member States: recognised and executed; refused"
        case .s9: return "cases where a victim was compensated or received restitution from executed confiscation"
        case .s10: return "average duration of execution of freezing and of confiscation orders (days)"
        case .s11: return "ARO information requests sent, received, answered, refused and answered late"
        case .s12: return "orders issued and executed, by type of confiscation"
        case .s13: return "interim sales; property given to social or public reuse"
        }
    }

    /// The figures of an indicator that has several, as the extract names them (`S12.issued`).
    public var measures: [String] {
        switch self {
        case .s8: return ["recognised_executed", "refused"]
        case .s10: return ["freezing", "confiscation"]
        case .s11: return ["sent", "received", "answered", "refused", "answered_late"]
        case .s12: return ["issued", "executed"]
        case .s13: return ["interim_sales", "interim_sale_proceeds", "reuse", "reuse_value_at_confiscation"]
        default: return []
        }
    }

    /// Every figure's key: `S1`, …, `S12.issued`, ….
    public static var keys: [String] {
        allCases.flatMap { code in code.measures.isEmpty ? [code.rawValue] : code.measures.map { "\(code.rawValue).\($0)" } }
    }

    public var source: String {
        switch self {
        case .s1: return "Dir 2014/42 Art 11(2)(a)"
        case .s2: return "Dir 2014/42 Art 11(2)(b)"
        case .s3: return "Dir 2014/42 Art 11(2)(c)"
        case .s4: return "Dir 2014/42 Art 11(2)(d)"
        case .s5: return "Dir 2014/42 Art 11(3)(a)"
        case .s6: return "Dir 2014/42 Art 11(3)(b)"
        case .s7: return "Dir 2014/42 Art 11(3)(c)"
        case .s8: return "Reg 2018/1805 Art 35(1)"
        case .s9: return "Reg 2018/1805 Art 35(2)(a)"
        case .s10: return "Reg 2018/1805 Art 35(2)(b)"
        case .s11: return "model: Dir 2023/977 Art 18; Dir 2024/1260 Art 28"
        case .s12: return "Dir 2024/1260 Art 28"
        case .s13: return "Dir 2024/1260 Arts 19, 21, 28"
        }
    }
}

/// A figure: a whole count, or a sum in euro rounded once to the cent.
public enum Figure: Hashable, Sendable {
    case count(Int)
    case euro(Decimal)
    /// An average number of days, to one decimal (nil: nothing to average).
    case days(Decimal?)

    public var isEuro: Bool {
        if case .euro = self { return true }
        return false
    }

    /// As the extract prints it: a count as digits, euro with two decimals.
    public var text: String {
        switch self {
        case .count(let count): return String(count)
        case .euro(let amount): return Money(amount, .euro).amountText
        case .days(let days): return days.map { Self.oneDecimal($0) } ?? ""
        }
    }

    static func oneDecimal(_ value: Decimal) -> String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 1, .plain)
        let text = "\(rounded)"
        return text.contains(".") ? text : text + ".0"
    }
}

/// One record that makes up a figure (`arca stats explain`): what it is, the day that put it
/// in the year, the offences of its case (the principal first), the categories of the property
/// it concerns, and for a value its amount in euro with the rate used.
public struct Contribution: Hashable, Sendable {
    public let entity: String
    /// The record's id: a UUID, or the number of an execution in the ledger.
    public let id: String
    public let label: String
    public let day: Day
    /// None for a record with no case here (a partner's request or certificate not yet filed).
    public let offences: [OffenceCategory]
    public let categories: [AssetCategory]
    public let amount: EuroAmount?
    /// For an average of durations: the record's, in days.
    public let days: Int?
    /// The record's value in the indicator's other breakdowns (`counterpart_state`,
    /// `confiscation_type`): one each, so their rows add up.
    public let dimensions: [String: String]

    public init(
        entity: String, id: String, label: String, day: Day, offences: [OffenceCategory], categories: [AssetCategory], amount: EuroAmount?,
        days: Int? = nil, dimensions: [String: String] = [:]
    ) {
        self.entity = entity
        self.id = id
        self.label = label
        self.day = day
        self.offences = offences
        self.categories = categories
        self.amount = amount
        self.days = days
        self.dimensions = dimensions
    }
}

extension Contribution {
    /// Its row in the breakdown by principal offence: `no_case` when it has no case here.
    var offenceKey: String { principalOffence?.rawValue ?? "no_case" }

    /// Its rows in the breakdown by every offence of its case: `no_case` when it has no case here.
    var offenceKeys: [String] { offences.isEmpty ? ["no_case"] : offences.map(\.rawValue) }

    /// The first offence recorded on its case.
    public var principalOffence: OffenceCategory? { offences.first }

    /// What it adds to a sum in euro: a record without a value is listed apart, never summed.
    var euro: Decimal { amount?.euro ?? 0 }
}

/// The rows of a figure by one dimension, and whether they add up to it.
public struct Breakdown: Hashable, Sendable {
    public let dimension: String
    public let rows: [(key: String, figure: Figure)]
    public let addsUp: Bool
    public let note: String?

    public static func == (lhs: Breakdown, rhs: Breakdown) -> Bool {
        lhs.dimension == rhs.dimension && lhs.addsUp == rhs.addsUp && lhs.note == rhs.note
            && lhs.rows.map(\.key) == rhs.rows.map(\.key) && lhs.rows.map(\.figure) == rhs.rows.map(\.figure)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dimension)
        hasher.combine(rows.map(\.key))
        hasher.combine(rows.map(\.figure))
    }
}

/// One indicator of the extract: its figure, its breakdowns, notes on how it was counted,
/// and the records that make it up.
public struct Indicator: Hashable, Sendable {
    public let code: IndicatorCode
    /// Which of the indicator's figures, where it has several (S12: `issued`, `executed`).
    public let measure: String?
    public let figure: Figure
    public let breakdowns: [Breakdown]
    public let notes: [String]
    public let contributions: [Contribution]
    /// Property that counts for the indicator but has no value for it: listed, never summed as zero.
    public let withoutValue: [Contribution]

    public init(
        code: IndicatorCode, measure: String? = nil, figure: Figure, breakdowns: [Breakdown], notes: [String] = [], contributions: [Contribution],
        withoutValue: [Contribution] = []
    ) {
        self.code = code
        self.measure = measure
        self.figure = figure
        self.breakdowns = breakdowns
        self.notes = notes
        self.contributions = contributions
        self.withoutValue = withoutValue
    }

    /// How the extract names it: `S3`, or `S12.issued` for one of several figures.
    public var key: String { measure.map { "\(code.rawValue).\($0)" } ?? code.rawValue }

    /// A count of the records: by principal offence (adds up), and by asset category, where
    /// a record concerning several categories counts once under each (does not add up).
    static func counting(_ code: IndicatorCode, measure: String? = nil, _ records: [Contribution], byCategory: Bool = true) -> Indicator {
        let byOffence = tally(records, by: \.offenceKey) { _ in 1 }.mapValues(Figure.count)
        var categoryCounts: [String: Int] = [:]
        for record in records { for category in record.categories { categoryCounts[category.rawValue, default: 0] += 1 } }
        let single = records.allSatisfy { $0.categories.count == 1 }
        let categories = Breakdown(
            dimension: "asset_category", rows: sorted(categoryCounts.mapValues(Figure.count)), addsUp: single && records.allSatisfy { !$0.categories.isEmpty },
            note: single ? nil : "an order covering property of several categories counts once under each; an order naming no property under none")
        var everyOffence: [String: Int] = [:]
        for record in records { for offence in record.offenceKeys { everyOffence[offence, default: 0] += 1 } }
        return Indicator(
            code: code, measure: measure, figure: .count(records.count),
            breakdowns: [
                Breakdown(dimension: "principal_offence", rows: sorted(byOffence), addsUp: true, note: nil),
                Breakdown(dimension: "offence", rows: sorted(everyOffence.mapValues(Figure.count)), addsUp: false, note: Self.everyOffenceNote),
            ] + (byCategory ? [categories] : []) + dimensions(of: records).map { countBreakdown(records, by: $0) },
            contributions: records)
    }

    /// The records counted under their one value of `dimension` (`none` where they have none).
    private static func countBreakdown(_ records: [Contribution], by dimension: String) -> Breakdown {
        let counts = tally(records, by: { $0.dimensions[dimension] ?? "none" }) { _ in 1 }
        return Breakdown(dimension: dimension, rows: sorted(counts.mapValues(Figure.count)), addsUp: true, note: nil)
    }

    /// The other dimensions the records carry (`counterpart_state`, …), in order.
    private static func dimensions(of records: [Contribution]) -> [String] {
        var dimensions: Set<String> = []
        for record in records { dimensions.formUnion(record.dimensions.keys) }
        return dimensions.sorted()
    }

    /// `value` of the records added up under each record's `key`. Hundreds of thousands of
    /// records on national data: each is read in place, never copied into a group.
    private static func tally<Value: AdditiveArithmetic>(
        _ records: [Contribution], by key: (Contribution) -> String, _ value: (Contribution) -> Value
    ) -> [String: Value] {
        var totals: [String: Value] = [:]
        for record in records { totals[key(record), default: .zero] += value(record) }
        return totals
    }

    /// A sum in euro of the records' amounts, rounded once; by principal offence and by asset
    /// category (each asset has one category, a sum of money is `sum_of_money`), whose rows
    /// add up to the total to the cent.
    static func summing(
        _ code: IndicatorCode, measure: String? = nil, _ records: [Contribution], withoutValue: [Contribution] = [], notes: [String] = [],
        byCategory: Bool = true
    ) -> Indicator {
        let total = exactSum(records)
        func rows(_ key: (Contribution) -> String) -> [(key: String, figure: Figure)] {
            let exact = tally(records, by: key, \.euro)
            let shared = share(rounded(total), among: exact)
            return exact.keys.sorted().map { ($0, .euro(shared[$0]!)) }
        }
        let note = "rows rounded to the cent so that they add up to the rounded total (largest remainders)"
        var everyOffence: [String: Decimal] = [:]
        for record in records { for offence in record.offenceKeys { everyOffence[offence, default: 0] += record.euro } }
        var breakdowns = [
            Breakdown(dimension: "principal_offence", rows: rows(\.offenceKey), addsUp: true, note: note),
            Breakdown(dimension: "offence", rows: sorted(everyOffence.mapValues { .euro(rounded($0)) }), addsUp: false, note: everyOffenceNote),
        ]
        if byCategory {
            breakdowns.append(Breakdown(dimension: "asset_category", rows: rows { $0.categories.first?.rawValue ?? "sum_of_money" }, addsUp: true, note: note))
        }
        for dimension in dimensions(of: records) {
            breakdowns.append(Breakdown(dimension: dimension, rows: rows { $0.dimensions[dimension] ?? "none" }, addsUp: true, note: note))
        }
        return Indicator(
            code: code, measure: measure, figure: .euro(rounded(total)), breakdowns: breakdowns, notes: notes, contributions: records,
            withoutValue: withoutValue)
    }

    static let everyOffenceNote = "a case counts under each of its offences: the rows do not add up to the total"

    /// The average of the records' durations in days, to one decimal; by each other dimension,
    /// the average of its own records (averages do not add up).
    static func averaging(_ code: IndicatorCode, measure: String, _ records: [Contribution]) -> Indicator {
        func average(_ records: [Contribution]) -> Figure {
            guard !records.isEmpty else { return .days(nil) }
            var mean = Decimal(records.reduce(0) { $0 + ($1.days ?? 0) }) / Decimal(records.count)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &mean, 1, .plain)
            return .days(rounded)
        }
        let breakdowns = dimensions(of: records).map { dimension in
            Breakdown(
                dimension: dimension, rows: sorted(Dictionary(grouping: records) { $0.dimensions[dimension] ?? "none" }.mapValues(average)), addsUp: false,
                note: "each row is the average of its own records")
        }
        return Indicator(code: code, measure: measure, figure: average(records), breakdowns: breakdowns, contributions: records)
    }

    static func exactSum(_ records: [Contribution]) -> Decimal {
        records.reduce(Decimal(0)) { $0 + $1.euro }
    }

    /// `total` (in cents) shared among the rows' exact amounts: each row its amount rounded
    /// down to the cent, then the cents left one each to the rows with the largest remainders
    /// (ties by key), so that the rows add up to the total.
    static func share(_ total: Decimal, among exact: [String: Decimal]) -> [String: Decimal] {
        var shares = exact.mapValues { amount -> Decimal in
            var value = amount
            var down = Decimal()
            NSDecimalRound(&down, &value, 2, .down)
            return down
        }
        var left = (total - shares.values.reduce(0, +)) * 100
        let order = exact.keys.sorted { (exact[$0]! - shares[$0]!, $1) > (exact[$1]! - shares[$1]!, $0) }
        for key in order where left > 0 {
            shares[key]! += Decimal(string: "0.01")!
            left -= 1
        }
        return shares
    }

    private static func sorted(_ rows: [String: Figure]) -> [(key: String, figure: Figure)] {
        rows.keys.sorted().map { ($0, rows[$0]!) }
    }

    /// Rounded to the cent, halves away from zero (Reg 1103/97 Art 5).
    static func rounded(_ amount: Decimal) -> Decimal {
        var exact = amount
        var result = Decimal()
        NSDecimalRound(&result, &exact, 2, .plain)
        return result
    }
}
