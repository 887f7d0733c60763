import ArcaApplication
import ArcaResources
import ArgumentParser
import Foundation

struct RatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates", abstract: "The ECB euro reference rates amounts are converted to euro with (DOMAIN §5.1).",
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the ECB's euro reference-rate history (eurofxref-hist.csv, in the ECB's own format); importing it again adds nothing.",
            discussion: """
                The file is the one the ECB publishes (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip, unzipped). \
                A file whose rate for a day differs from the one stored is refused whole: figures already produced used the stored rate.
                """)

        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file): give the path of the ECB's eurofxref-hist.csv")
            }
            let outcome = try await administer { root, admin in
                try await root.useCases.importRates(file: contents, named: URL(fileURLWithPath: file).lastPathComponent, by: admin)
            }
            let coverage = outcome.coverage
            let span = [coverage.first, coverage.last].compactMap { $0?.description }.joined(separator: " to ")
            if json {
                try printJSON(RateImportResource(outcome))
                return
            }
            print(
                "loaded \(outcome.load.inFile) rates from \(file): \(outcome.load.added) new, \(outcome.load.alreadyStored) already stored; "
                    + "\(coverage.rates) rates of \(coverage.currencies) currencies stored, \(span)")
        }
    }
}
