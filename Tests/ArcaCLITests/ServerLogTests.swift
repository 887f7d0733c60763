import ArcaTestSupport
import Foundation
import FoundationNetworking
import Testing

@Suite("arca serve's log")
struct ServerLogTests {
    @Test(.timeLimit(.minutes(10)))
    func aRefusedSignInIsLoggedWithItsRequestIdAndClient() async throws {
        try await withOfficer { env, _ in
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("arca-serve-\(UUID()).log")
            defer { try? FileManager.default.removeItem(at: log) }
            let server = try ServedArca(port: TestDatabase.freePort(), environment: env, logLevel: "info", log: log)
            try await server.ready()

            var request = URLRequest(url: server.url("/v1/cases"))
            request.setValue("Bearer not-a-token-of-ours", forHTTPHeaderField: "Authorization")
            let (_, response) = try await URLSession.shared.data(for: request)
            server.kill()

            #expect((response as? HTTPURLResponse)?.statusCode == 401)
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            let refusal = try #require(lines.first { $0.contains("sign-in refused") }, "\(lines)")
            #expect(refusal.contains(" notice arca: "))
            #expect(refusal.contains("client=127.0.0.1"))
            #expect(refusal.contains("hb.request.id="))
            #expect(refusal.contains("why=not signed in"))
        }
    }
}
