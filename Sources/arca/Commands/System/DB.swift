import ArgumentParser
import Foundation
import PostgresCluster

struct DB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the embedded PostgreSQL cluster under $ARCA_HOME/postgres.",
        discussion: "Not used when DATABASE_URL is set: ARCA then never starts a server of its own.",
        subcommands: [Start.self, Stop.self, Status.self, URLCommand.self]
    )

    static func cluster() throws -> EmbeddedCluster {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            throw CLIError("DATABASE_URL is set, so ARCA uses that server and manages no cluster of its own; unset it to use `arca db`")
        }
        return EmbeddedCluster(home: EmbeddedCluster.defaultHome(), logger: Logging.logger("arca.db"))
    }

    static func describe(_ status: EmbeddedCluster.Status, _ cluster: EmbeddedCluster) -> String {
        switch status {
        case .notInitialized: return "not initialised (no cluster under \(cluster.location.path))"
        case .stopped: return "stopped (\(cluster.location.path))"
        case .running(let pid, let port): return "running on 127.0.0.1:\(port), pid \(pid) (\(cluster.location.path))"
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the cluster if needed and start it (harmless if it runs).")

        @Option(help: "Port to listen on (default: ARCA_DB_PORT, else the last one used, else 54329 or the next free port).")
        var port: Int?

        func run() throws {
            let cluster = try DB.cluster()
            let chosen = port ?? ProcessInfo.processInfo.environment["ARCA_DB_PORT"].flatMap(Int.init)
            do {
                print(DB.describe(try cluster.start(port: chosen), cluster))
            } catch {
                throw CLIError(String(describing: error))
            }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster (fast shutdown).")

        func run() throws {
            let cluster = try DB.cluster()
            do {
                try cluster.stop()
                print(DB.describe(try cluster.status(), cluster))
            } catch {
                throw CLIError(String(describing: error))
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the cluster runs; exit 3 when it does not.")

        func run() throws {
            let cluster = try DB.cluster()
            let status = try cluster.status()
            print(DB.describe(status, cluster))
            if case .running = status { return }
            throw ExitCode(3)
        }
    }

    struct URLCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url", abstract: "Print the cluster's connection URL: as the superuser who owns the schema, or as the application role.")

        @Flag(help: "The URL of the application role arca_app, which `arca serve` connects as.") var application = false

        func run() throws {
            let cluster = try DB.cluster()
            do {
                print(try application ? cluster.applicationURL() : cluster.url())
            } catch {
                throw CLIError(String(describing: error))
            }
        }
    }
}
