import ArcaTestSupport
import Foundation
import FoundationNetworking
import Testing

@Suite("arca serve: a revoked token, a disabled user")
struct TokenRevocationTests {
    private func status(of path: String, on server: ServedArca, token: String) async throws -> Int {
        var request = URLRequest(url: server.url(path))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return try #require(response as? HTTPURLResponse).statusCode
    }

    /// A running server that has already accepted the officer's token, and that keeps tokens:
    /// its listener has checked that the triggers announcing access changes are there.
    private func servedWithTokenAccepted(
        _ body: ([String: String], ServedArca, String) async throws -> Void
    ) async throws {
        try await withOfficer { env, db in
            let issued = try ArcaProcess.run(["token", "issue", "--user", "j.peeters"], environment: env)
            let token = try #require(issued.stdout.split(separator: "\n").last.map(String.init))
            let server = try ServedArca(port: TestDatabase.freePort(), environment: env)
            try await server.ready()
            try await eventually("the server listens for access changes") {
                try await db.pool.query(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%api_token_access_changed%' AND pid <> pg_backend_pid()"
                )[0].decode(Int.self, 0) > 0
            }
            #expect(try await status(of: "/v1/cases", on: server, token: token) == 200)
            #expect(try await status(of: "/v1/cases", on: server, token: token) == 200)
            try await body(env, server, token)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aTokenRevokedAtTheCommandLineIsRefusedByTheRunningServerAtTheNextRequest() async throws {
        try await servedWithTokenAccepted { env, server, token in
            // when an administrator revokes it in another process
            let revoke = try ArcaProcess.run(["token", "revoke", "--user", "j.peeters"], environment: env)
            #expect(revoke.status == 0, "\(revoke.stderr)")
            // then the server refuses the very next request
            #expect(try await status(of: "/v1/cases", on: server, token: token) == 401)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aUserDisabledAtTheCommandLineIsRefusedByTheRunningServerAtTheNextRequest() async throws {
        try await servedWithTokenAccepted { env, server, token in
            // when an administrator disables the officer in another process
            let disable = try ArcaProcess.run(
                ["user", "disable", "j.peeters", "--reason", "left the office on 2026-11-30"], environment: env)
            #expect(disable.status == 0, "\(disable.stderr)")
            #expect(disable.stdout.contains("user j.peeters disabled; 1 token(s) revoked"))
            // then the server refuses the token as soon as it hears of the change, long before
            // the minute it may keep a token has passed (the revocation test above holds it to
            // the very next request), and no new token is issued
            try await eventually("the server refuses the disabled officer's token", within: .seconds(10)) {
                try await status(of: "/v1/cases", on: server, token: token) == 401
            }
            #expect(try await status(of: "/v1/cases", on: server, token: token) == 401)
            let refused = try ArcaProcess.run(["token", "issue", "--user", "j.peeters"], environment: env)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("arca user enable j.peeters"), "\(refused.stderr)")
        }
    }
}
