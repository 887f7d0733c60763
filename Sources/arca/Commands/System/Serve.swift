import ArgumentParser
import ArcaApplication
import ArcaHTTP
import AsyncHTTPClient
import Hummingbird
import Metrics
import Prometheus

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the JSON API over HTTP until SIGINT or SIGTERM.",
        discussion: "Starts the embedded PostgreSQL cluster first unless DATABASE_URL is set."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Flag(help: "Apply pending migrations before serving.")
    var migrate = false

    @Option(help: "Database connections in the pool.")
    var poolSize = 8

    @Option(help: "Hours an answer given under an Idempotency-Key is replayed before it is forgotten.")
    var idempotencyRetentionHours = 24

    @Option(help: "Failed sign-ins a client address may make in a minute before it is answered 429 (raise it for a test tool sending bad tokens on purpose).")
    var signInFailures = SignInAttempts.allowed

    func run() async throws {
        let logger = Logging.logger("arca")
        guard idempotencyRetentionHours >= 1 else { throw CLIError("--idempotency-retention-hours must be at least 1") }
        guard signInFailures >= 1 else { throw CLIError("--sign-in-failures must be at least 1") }
        var root = try CompositionRoot.connect(poolSize: poolSize, logger: logger)
        root.idempotencyRetention = .seconds(idempotencyRetentionHours * 3600)
        root.signInFailuresAllowed = signInFailures
        let tokenCache = TokenCache()
        root.tokenCache = tokenCache
        let watch = tokenCache.watch(root.database)
        // Delivers the outbox to partners for as long as the server runs.
        let worker = Task { [database = root.database] in
            await ExchangeWorker(database: database, courier: HTTPCourier(client: .shared)) { message, isProblem in
                if isProblem { logger.warning("\(message)") } else { logger.info("\(message)") }
            }.run()
        }
        do {
            if migrate {
                let owner = try CompositionRoot.connect(as: .owner, poolSize: 1, logger: logger)
                defer { Task { await owner.database.close() } }
                let applied = try await owner.database.migrator().migrate()
                logger.info("migrations applied: \(applied.count)")
            }
            logger.info("ARCA serves on http://\(host):\(port)")
            // The process's metrics, served at /metrics.
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            try await ArcaAPI(useCases: root.useCases, metrics: registry).application(host: host, port: port, logger: logger).runService()
        } catch {
            worker.cancel()
            await worker.value
            await watch.stop()
            await root.database.close()
            throw CompositionRoot.explain(error)
        }
        worker.cancel()
        await worker.value
        await watch.stop()
        await root.database.close()
        logger.info("ARCA stopped")
    }
}
