import ArcaApplication
import Hummingbird
import Prometheus

/// `GET /metrics` in Prometheus's text format: the request counts and durations per route and
/// method that the metrics middleware records, and, read when scraped, the pool in use and
/// waiting, the outbox backlog and the audit trail's length. No record and no user: it may be
/// scraped without a token (keep it inside the operator's network).
struct MetricsRoutes {
    let registry: PrometheusCollectorRegistry
    let measure: MeasureOperations

    func register(on router: Router<ArcaRequestContext>) {
        func gauge(_ subsystem: String, _ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "arca", subsystem: subsystem, metricName: name, unitName: unit, helpText: help))
        }
        let pool = (
            size: gauge("db_pool", "size", "connections", "Connections the pool may open."),
            inUse: gauge("db_pool", "in_use", "connections", "Connections lent out."),
            waiting: gauge("db_pool", "waiting", "callers", "Callers waiting for a connection.")
        )
        let backlog = gauge("outbox", "backlog", "messages", "Messages to partners neither delivered nor refused yet.")
        let audit = gauge("audit", "chain", "entries", "Entries sealed on the audit trail's chains.")
        router.get("/metrics") { _, _ -> Response in
            let figures = try await measure()
            pool.size.set(Int64(figures.poolSize))
            pool.inUse.set(Int64(figures.poolInUse))
            pool.waiting.set(Int64(figures.poolWaiting))
            backlog.set(Int64(figures.outboxBacklog))
            audit.set(Int64(figures.auditEntries))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: registry.emitToString())))
        }
    }
}
