import ArcaApplication
import ArcaDomain
import Foundation

/// `arca stats extract --format json` (and the API to come): the extract as the Commission
/// reads it. Counts are integers, money strings in EUR with two decimals.
public struct StatisticsExtractResource: Encodable {
    struct RateResource: Encodable {
        let day: String
        let currency: String
        let rate: String
    }

    struct BreakdownResource: Encodable {
        struct Row: Encodable {
            let key: String
            let value: FigureValue
        }

        let dimension: String
        let addsUp: Bool
        let note: String?
        let rows: [Row]
    }

    struct IndicatorResource: Encodable {
        let code: String
        let measure: String?
        let key: String
        let label: String
        let source: String
        let value: FigureValue
        let withoutValue: Int?
        let notes: [String]
        let breakdowns: [BreakdownResource]
    }

    let year: Int
    let state: String
    let producedAt: Date
    let dataDigest: String
    let definitions: String
    let indicators: [IndicatorResource]
    let rates: [RateResource]

    public init(_ extract: StatisticsExtract) {
        year = extract.year
        state = extract.state.value
        producedAt = extract.producedAt
        dataDigest = extract.dataDigest
        definitions = "Docs/STATISTICS.md: which records count, on which date, converted how; where the law is silent, ARCA's reading"
        indicators = extract.indicators.map { indicator in
            IndicatorResource(
                code: indicator.code.rawValue, measure: indicator.measure, key: indicator.key, label: indicator.code.label, source: indicator.code.source, value: FigureValue(indicator.figure),
                withoutValue: indicator.figure.isEuro ? indicator.withoutValue.count : nil, notes: indicator.notes,
                breakdowns: indicator.breakdowns.map { breakdown in
                    BreakdownResource(
                        dimension: breakdown.dimension, addsUp: breakdown.addsUp, note: breakdown.note,
                        rows: breakdown.rows.map { .init(key: $0.key, value: FigureValue($0.figure)) })
                })
        }
        rates = extract.rates.map { RateResource(day: $0.day.description, currency: $0.currency.code, rate: "\($0.rate)") }
    }

    /// The extract as CSV: first what it is (`produced_at`, `data_digest`, each `rate` used,
    /// with no code), then one line per figure (`total`, `without_value`, or a breakdown's
    /// row), with the indicator's code, label and source; the same figures as the JSON.
    public static func csv(_ extract: StatisticsExtract) -> String {
        var lines = ["year,state,code,label,source,breakdown,key,value"]
        func line(_ code: String, _ label: String, _ source: String, _ breakdown: String, _ key: String, _ value: String) {
            lines.append([String(extract.year), extract.state.value, code, label, source, breakdown, key, value].map(field).joined(separator: ","))
        }
        func line(_ indicator: Indicator, _ breakdown: String, _ key: String, _ figure: Figure) {
            line(indicator.key, indicator.code.label, indicator.code.source, breakdown, key, figure.text)
        }
        line("", "", "", "produced_at", "", extract.producedAt.formatted(.iso8601))
        line("", "", "", "data_digest", "", extract.dataDigest)
        for rate in extract.rates { line("", "", "", "rate", "\(rate.currency.code) \(rate.day)", "\(rate.rate)") }
        for indicator in extract.indicators {
            line(indicator, "total", "", indicator.figure)
            if indicator.figure.isEuro { line(indicator, "without_value", "", .count(indicator.withoutValue.count)) }
            for breakdown in indicator.breakdowns {
                for row in breakdown.rows { line(indicator, breakdown.dimension, row.key, row.figure) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A figure in JSON: a count as a number, an amount in euro as a string with two decimals.
struct FigureValue: Encodable {
    let figure: Figure

    init(_ figure: Figure) {
        self.figure = figure
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch figure {
        case .count(let count): try container.encode(count)
        case .euro: try container.encode(figure.text)
        case .days(let days): if days == nil { try container.encodeNil() } else { try container.encode(figure.text) }
        }
    }
}

/// `arca stats explain`: the records behind one figure, whose amounts add up to it.
public struct StatisticsExplanationResource: Encodable {
    struct RecordResource: Encodable {
        let entity: String
        let id: String
        let label: String
        let day: String
        let principalOffence: String?
        let offences: [String]
        let categories: [String]
        let amount: String?
        let currency: String?
        let euro: String?
        let rateDay: String?
        let rate: String?
        let days: Int?
    }

    let year: Int
    let code: String
    let label: String
    let value: FigureValue
    let records: [RecordResource]
    let withoutValue: [RecordResource]

    public init(_ extract: StatisticsExtract, _ indicator: Indicator) {
        year = extract.year
        code = indicator.key
        label = indicator.code.label
        value = FigureValue(indicator.figure)
        records = indicator.contributions.map(Self.record)
        withoutValue = indicator.withoutValue.map(Self.record)
    }

    private static func record(_ record: Contribution) -> RecordResource {
        RecordResource(
            entity: record.entity, id: record.id.lowercased, label: record.label, day: record.day.description,
            principalOffence: record.principalOffence?.rawValue, offences: record.offences.map(\.rawValue), categories: record.categories.map(\.rawValue),
            amount: record.amount?.original.amountText, currency: record.amount?.original.currency.code,
            euro: record.amount.map { "\($0.euro)" }, rateDay: record.amount?.rate?.day.description, rate: record.amount?.rate.map { "\($0.rate)" },
            days: record.days)
    }
}

/// `arca stats summary`, `GET /v1/statistics/summary`: the office's own figures, year by year.
public struct StatisticsSummaryResource: Encodable {
    struct TallyResource: Encodable {
        let count: Int
        /// Two decimals, as a string.
        let euro: String
        let withoutValue: Int

        init(_ tally: StageTally) {
            count = tally.count
            euro = Money(tally.euro, .euro).amountText
            withoutValue = tally.withoutValue
        }
    }

    struct YearResource: Encodable {
        let year: Int
        let traced: TallyResource
        let frozen: TallyResource
        let confiscated: TallyResource
        let recovered: TallyResource
        /// One decimal, as a string; absent when nothing frozen was confiscated that year.
        let averageDaysFrozenBeforeConfiscation: String?
        let confiscatedAfterFreezing: Int
    }

    let state: String
    let producedAt: Date
    let years: [YearResource]
    let unconverted: [MissingRateResource]

    public init(_ summary: StatisticsSummary) {
        state = summary.state.value
        producedAt = summary.producedAt
        years = summary.years.map { year in
            YearResource(
                year: year.year, traced: TallyResource(year.traced), frozen: TallyResource(year.frozen), confiscated: TallyResource(year.confiscated),
                recovered: TallyResource(year.recovered),
                averageDaysFrozenBeforeConfiscation: year.averageDaysFrozenBeforeConfiscation.map { Figure.days($0).text },
                confiscatedAfterFreezing: year.confiscatedAfterFreezing)
        }
        unconverted = summary.unconverted.map(MissingRateResource.init)
    }
}
