import ArcaApplication
import ArcaHTTP
import ArcaPersistence
import Foundation
import LibPQ
import Logging
import PostgresCluster

/// The one place that builds the database pool, the repositories and the use cases, and
/// hands them to the interfaces.
struct CompositionRoot {
    let database: Database
    /// A read-only replica (`ARCA_REPLICA_URL`) the statistics and the case and asset lists read from, if one is named.
    var replica: Database?
    let logger: Logger
    /// How long an answer given under an Idempotency-Key is replayed.
    var idempotencyRetention = IdempotencyKeys.defaultRetention
    /// Kept by a server, whose requests check tokens; a one-shot command has no use for one.
    var tokenCache: TokenCache?
    /// Failed sign-ins an address may make in a minute before it is told to wait.
    var signInFailuresAllowed = SignInAttempts.allowed

    /// Who connects: the application role for everything that reads and records, the
    /// schema's owner for migrations only (migration 0026).
    enum Account {
        case application
        case owner
    }

    /// Connects to `DATABASE_URL` (or, as the owner, `ARCA_OWNER_URL`), or starts the embedded
    /// cluster and connects to it.
    static func connect(as account: Account = .application, poolSize: Int = 8, logger: Logger) throws -> CompositionRoot {
        let url = try databaseURL(as: account, logger: logger)
        var root = CompositionRoot(database: Database(url: url, poolSize: poolSize, logger: logger), logger: logger)
        if account == .application, let replica = ProcessInfo.processInfo.environment["ARCA_REPLICA_URL"], !replica.isEmpty {
            root.replica = Database(url: replica, poolSize: max(2, poolSize / 2), logger: logger)
        }
        return root
    }

    /// The application connects with `DATABASE_URL`; migrations with `ARCA_OWNER_URL`, else
    /// `DATABASE_URL` (a deployment that gives one URL runs everything as that role). Without
    /// `DATABASE_URL`, the embedded cluster's roles.
    static func databaseURL(as account: Account, logger: Logger) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if account == .owner, let owner = environment["ARCA_OWNER_URL"], !owner.isEmpty { return owner }
            return url
        }
        let cluster = EmbeddedCluster(home: EmbeddedCluster.defaultHome(), logger: logger)
        do {
            try cluster.start()
            return try account == .owner ? cluster.url() : cluster.applicationURL()
        } catch {
            throw CLIError("could not start the embedded PostgreSQL: \(error) (or set DATABASE_URL to use another server)")
        }
    }

    /// Every use case, built on this process's database.
    var useCases: UseCases {
        UseCases(
            database: database, idempotencyRetention: idempotencyRetention, tokenCache: tokenCache,
            signInAttempts: SignInAttempts(allowed: signInFailuresAllowed), replica: replica)
    }

    /// A database error as one line that says what to check.
    static func explain(_ error: any Error) -> CLIError {
        let source = ProcessInfo.processInfo.environment["DATABASE_URL"] == nil ? "the embedded cluster (arca db status)" : "DATABASE_URL"
        if let error = error as? PostgresError, error.kind == .connection {
            return CLIError("cannot reach the database: \(error.message) — check \(source)")
        }
        if let error = error as? DatabaseUnavailable {
            return CLIError("cannot reach the database: \(error.reason) — check \(source)")
        }
        if let error = error as? CLIError { return error }
        if let error = error as? UseCaseError { return CLIError(error.description) }
        return CLIError(String(describing: error))
    }
}

/// A failure the user can act on, printed as one line by ArgumentParser (exit code 1).
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

enum Logging {
    /// `ARCA_LOG_LEVEL` (trace…critical), `info` by default.
    static func logger(_ label: String) -> Logger {
        var logger = Logger(label: label, factory: DeferredMetadataLogHandler.init(label:))
        logger.logLevel = ProcessInfo.processInfo.environment["ARCA_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
