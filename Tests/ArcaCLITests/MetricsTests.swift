import ArcaApplication
import ArcaTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("arca serve: /metrics")
struct MetricsTests {
    @Test func metricsShowRequestsPerRouteThePoolTheOutboxAndTheAuditTrailInPrometheusText() async throws {
        try await TestWorld.with { world in
            let token = try await world.useCases.issueToken(userName: "j.peeters", label: "metrics", by: .commandLine()).secret
            _ = try await world.useCases.createCase(NewCase(title: "Operation Meltwater", offences: ["fraud"], openedOn: "2026-03-14"), by: world.officer)
            let server = try ServedArca(port: TestDatabase.freePort(), environment: ["DATABASE_URL": world.db.url])
            try await server.ready()
            var request = URLRequest(url: server.url("/v1/cases?q=Vermeulen"))
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            _ = try await URLSession.shared.data(for: request)

            let (data, response) = try await URLSession.shared.data(from: server.url("/metrics"))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let text = String(decoding: data, as: UTF8.self)
            let audited = try await world.count("SELECT sum(length)::int FROM audit_chain")
            #expect(text.contains("arca_db_pool_size_connections 8"))
            #expect(text.contains("arca_outbox_backlog_messages 0"))
            #expect(text.contains("arca_audit_chain_entries \(audited)"))
            #expect(text.contains("hb_requests") && text.contains("/v1/cases"))
            #expect(!text.contains("Vermeulen"))
        }
    }
}
