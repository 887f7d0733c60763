import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Synthetic demonstration data.", subcommands: [Seed.self])

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill an empty database with realistic, deterministic demo data.",
            discussion: """
                Creates the offices BE-ARO and BE-AMO with a user of every role (officer j.peeters), then \
                cases opened over the three years up to --as-of with subjects, assets of every category, \
                valuations in several currencies and orders at every stage. The same --seed and --as-of give \
                the same data, whatever the day it is seeded. With --bulk, national scale: 400 cases recorded so, \
                with 8 to 14 assets each, and the rest copies of them written through COPY (new ids, references, \
                names and identifiers; dates moved up to three years earlier), e.g. --bulk --cases 100000.
                """)

        @Option(help: "How many cases.")
        var cases = 200

        @Option(help: "The seed of the data set.")
        var seed: UInt64 = 2026

        @Option(help: "The last day of the data set (YYYY-MM-DD).")
        var asOf = SeedDemo.defaultAsOf.description

        @Flag(help: "National scale: copies of recorded cases through COPY (see above).")
        var bulk = false

        @Option(help: "With --bulk, how many cases are recorded through the use cases before the copies.")
        var templates = SeedBulk.templates

        @Flag(help: "Do nothing, successfully, when demo data is there already.")
        var ifEmpty = false

        @Flag(help: "Issue a token for the demo officer and print it as the last line.")
        var token = false

        func run() async throws {
            // Each office-year series is recorded by its own worker, each on its own connection.
            try await administer(poolSize: 6) { root, admin in
                let seeder = SeedDemo(database: root.database)
                if try await seeder.isSeeded() {
                    guard ifEmpty else { throw CLIError("the database holds demo data already; use a fresh database or --if-empty") }
                    print("demo data present; nothing seeded")
                } else {
                    let started = Date()
                    guard let day = try? Day(asOf) else { throw CLIError("--as-of must be a day such as 2026-10-30, not \(asOf)") }
                    guard bulk || templates == SeedBulk.templates else { throw CLIError("--templates goes with --bulk") }
                    if bulk {
                        let bar = ProgressBar(total: cases, unit: "cases")
                        let counts = try await SeedBulk(database: root.database)(cases: cases, seed: seed, asOf: day, templates: templates, by: admin) { bar.show($0) }
                        bar.finish()
                        print(
                            "seeded \(counts.cases) cases, \(counts.subjects) subjects, \(counts.assets) assets, \(counts.valuations) valuations, "
                                + "\(counts.events) events, \(counts.orders) orders, \(counts.requests) requests, \(counts.certificates) certificates, "
                                + "\(counts.recoveredValues) recovered values in \(Int(Date().timeIntervalSince(started))) s")
                    } else {
                        let summary = try await seeder(cases: cases, seed: seed, asOf: day, by: admin)
                        print(
                            "seeded \(summary.cases) cases, \(summary.subjects) subjects, \(summary.assets) assets, "
                                + "\(summary.valuations) valuations, \(summary.orders) orders, \(summary.requests) cross-border requests, \(summary.certificates) certificates, \(summary.managementEvents) management events, \(summary.recoveredValues) recovered values in \(Int(Date().timeIntervalSince(started))) s")
                    }
                }
                if token {
                    let issued = try await root.useCases.issueToken(userName: SeedDemo.officerName, label: "demo", by: admin)
                    print("an API token for the officer \(SeedDemo.officerName) of BE-ARO; send it as Authorization: Bearer <token>:")
                    print(issued.secret)
                }
            }
        }
    }
}
