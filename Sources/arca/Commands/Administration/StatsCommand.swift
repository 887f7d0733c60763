import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "The yearly statistics for the European Commission (DOMAIN §5; definitions in Docs/STATISTICS.md).",
        subcommands: [Extract.self, Explain.self, Summary.self])

    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produce the extract of a calendar year (analysts and administrators; audited).",
            discussion: "Figures in EUR at the ECB reference rate of the day of each event: import the rates first (arca rates import).")

        @OptionGroup var acting: ActingOptions

        @Option(help: "The calendar year.") var year: Int
        @Option(help: "The Member State (this deployment's; the default).") var state: String?
        @Option(help: "json (default) or csv.") var format: String = "json"
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() async throws {
            guard ["json", "csv"].contains(format) else { throw ValidationError("--format is json or csv, not \(format)") }
            let extract = try await acting.run(poolSize: ProduceStatistics.readsAtOnce) { useCases, caller in
                try await useCases.produceStatistics(year: year, state: state, by: caller)
            }
            let text: String
            if format == "csv" {
                text = StatisticsExtractResource.csv(extract)
            } else {
                text = try jsonText(StatisticsExtractResource(extract))
            }
            guard let out else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(Data("wrote the \(year) extract of \(extract.state.value) to \(out) (data \(extract.dataDigest.prefix(16))…)\n".utf8))
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The records that make up one figure of a year's extract; their amounts add up to it.")

        @OptionGroup var acting: ActingOptions

        @Option(help: "The calendar year.") var year: Int
        @Option(help: "The Member State (this deployment's; the default).") var state: String?
        @Argument(help: "The indicator (S3), or one of its figures (S12.issued, S12.executed).") var code: String

        func run() async throws {
            let (extract, indicator) = try await acting.run(poolSize: ProduceStatistics.readsAtOnce) { useCases, caller in
                try await useCases.explainStatistic(year: year, code: code, state: state, by: caller)
            }
            try acting.show(StatisticsExplanationResource(extract, indicator)) {
                func row(_ record: Contribution) -> [String] {
                    [
                        record.day.description, record.entity, record.label, record.principalOffence?.rawValue ?? "-",
                        record.days.map { "\($0) days" } ?? record.amount.map { "\($0.original)" } ?? "-", record.amount.map { $0.rate.map { "\($0.rate) of \($0.day)" } ?? "-" } ?? "-",
                        record.amount.map { Money($0.euro, .euro).description } ?? "-",
                    ]
                }
                let header = ["DAY", "RECORD", "WHAT", "PRINCIPAL OFFENCE", "AMOUNT OR DAYS", "RATE", "EUR"]
                var text = "\(indicator.key) \(year): \(indicator.code.label) = \(indicator.figure.text)\n"
                text += table(header, indicator.contributions.map(row))
                if !indicator.withoutValue.isEmpty {
                    text += "\nwithout a value (not in the sum):\n" + table(header, indicator.withoutValue.map(row))
                }
                return text
            }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The office's own figures, year by year: traced, frozen, confiscated and recovered (count and EUR), and the days property was frozen before confiscation.")

        @OptionGroup var acting: ActingOptions

        @Option(help: "The first year (default: four years before --to).") var from: Int?
        @Option(help: "The last year (default: this year).") var to: Int?

        func run() async throws {
            let summary = try await acting.run { useCases, caller in
                try await useCases.summariseStatistics(from: from.map(String.init), to: to.map(String.init), by: caller)
            }
            try acting.show(StatisticsSummaryResource(summary)) {
                func cells(_ tally: StageTally) -> [String] {
                    [String(tally.count), Money(tally.euro, .euro).amountText + (tally.withoutValue > 0 ? " (+\(tally.withoutValue) unvalued)" : "")]
                }
                let rows = summary.years.map { year in
                    [String(year.year)] + cells(year.traced) + cells(year.frozen) + cells(year.confiscated) + cells(year.recovered)
                        + [year.averageDaysFrozenBeforeConfiscation.map { "\(Figure.days($0).text) (\(year.confiscatedAfterFreezing))" } ?? "-"]
                }
                var text = "\(summary.state.value), values in EUR at the ECB rate of each event's day (Docs/STATISTICS.md)\n"
                text += table(
                    ["YEAR", "TRACED", "EUR", "FROZEN", "EUR", "CONFISCATED", "EUR", "RECOVERED", "EUR", "DAYS FROZEN BEFORE CONFISCATION (ASSETS)"], rows)
                if !summary.unconverted.isEmpty {
                    // One line per currency: its days without a rate, counted, from first to last.
                    text += "\nnot in the sums, for want of a rate (arca rates import FILE):\n"
                        + MissingRates(missing: summary.unconverted).byCurrency.map { currency, days in
                            let span = days.count == 1 ? "\(days[0])" : "\(days.count) days from \(days[0]) to \(days[days.count - 1])"
                            return "  \(currency.code) on \(span)"
                        }.joined(separator: "\n")
                }
                return text
            }
        }
    }
}
