import ArgumentParser

@main
struct Arca: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arca",
        abstract: "ARCA — Asset Recovery Case Administration.",
        discussion: """
            Uses the PostgreSQL server named by DATABASE_URL; without it, a private cluster under \
            $ARCA_HOME/postgres (ARCA_HOME defaults to ./.arca), started on demand.
            """,
        subcommands: [
            Serve.self, Migrate.self, DB.self, OfficeCommand.self, UserCommand.self, TokenCommand.self, CaseCommand.self, ReviewCommand.self,
            SubjectCommand.self, AssetCommand.self, OrderCommand.self, AuditCommand.self, SettingsCommand.self, RequestCommand.self,
            CertificateCommand.self, ExchangeCommand.self, RatesCommand.self, StatsCommand.self, DemoCommand.self,
        ]
    )
}
