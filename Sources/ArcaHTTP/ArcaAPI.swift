import ArcaApplication
import Hummingbird
import Logging
import Prometheus

/// The HTTP API: routes, middleware, and the server around them. Handlers parse, call a
/// use case, and render; nothing here talks to the database.
public struct ArcaAPI: Sendable {
    public let useCases: UseCases
    /// Where the process's metrics are kept (`MetricsSystem` bootstrapped on it): with one,
    /// requests are measured and `/metrics` serves them.
    let metrics: PrometheusCollectorRegistry?

    public init(useCases: UseCases, metrics: PrometheusCollectorRegistry? = nil) {
        self.useCases = useCases
        self.metrics = metrics
    }

    public func router() -> Router<ArcaRequestContext> {
        let router = Router(context: ArcaRequestContext.self)
        // Middleware first: it wraps only the routes added after it, and the 404 responder.
        // The problem middleware knows every route, to answer 405 for a wrong method.
        router.add(middleware: RequestLogMiddleware(level: .info))
        if metrics != nil { router.add(middleware: MetricsMiddleware()) }
        router.add(middleware: ProblemMiddleware(routes: RouteTable(addRoutes(to: Router(context: ArcaRequestContext.self)).routes)))
        return addRoutes(to: router)
    }

    private func addRoutes(to router: Router<ArcaRequestContext>) -> Router<ArcaRequestContext> {
        SystemRoutes(readiness: useCases.checkReadiness).register(on: router)
        if let metrics { MetricsRoutes(registry: metrics, measure: useCases.measureOperations).register(on: router) }
        // Partners sign their messages: the inbox takes no bearer token.
        ExchangeRoutes(useCases: useCases).registerInbox(on: router)
        let v1 = router.group("v1").add(middleware: AuthenticationMiddleware(authenticate: useCases.authenticate))
        VocabularyRoutes().register(on: v1)
        CaseRoutes(useCases: useCases).register(on: v1)
        AssetRoutes(useCases: useCases).register(on: v1)
        AuditRoutes(readAuditTrail: useCases.readAuditTrail).register(on: v1)
        SettingRoutes(useCases: useCases).register(on: v1)
        RequestRoutes(useCases: useCases).register(on: v1)
        CertificateRoutes(useCases: useCases).register(on: v1)
        ExchangeRoutes(useCases: useCases).register(on: v1)
        StatisticsRoutes(useCases: useCases).register(on: v1)
        return router
    }

    /// The server on `host:port`; `runService()` serves until SIGINT or SIGTERM, letting
    /// requests in flight finish.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "arca"),
            logger: logger)
    }
}
