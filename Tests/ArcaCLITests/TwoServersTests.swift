import ArcaApplication
import ArcaTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// ARCA keeps no state above PostgreSQL but a token cache that the database empties: two
/// servers on one database behave as one.
@Suite("Two servers, one database")
struct TwoServersTests {
    struct Answer {
        let status: Int
        let json: [String: Any]
    }

    func call(_ server: ServedArca, _ method: String, _ path: String, token: String, body: String? = nil) async throws -> Answer {
        try await Self.call(port: server.port, method, path, token: token, body: body)
    }

    static func call(port: Int, _ method: String, _ path: String, token: String, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, json: json(String(decoding: data, as: UTF8.self)))
    }

    /// Two `arca serve` processes on the test world's database, and a token of j.peeters.
    func withTwoServers(_ body: (TestWorld, ServedArca, ServedArca, String) async throws -> Void) async throws {
        try await TestWorld.with { world in
            let token = try await world.useCases.issueToken(userName: "j.peeters", label: "two servers", by: .commandLine()).secret
            let env = ["DATABASE_URL": world.db.url]
            let one = try ServedArca(port: TestDatabase.freePort(), environment: env)
            let two = try ServedArca(port: TestDatabase.freePort(), environment: env)
            try await one.ready()
            try await two.ready()
            try await body(world, one, two, token)
        }
    }

    @Test func whatOneRecordsTheOtherReadsAndTheTrailHoldsAfterWritesThroughBothAtOnce() async throws {
        try await withTwoServers { world, one, two, token in

            let created = try await call(
                one, "POST", "/v1/cases", token: token, body: #"{"title":"Operation Meltwater","offences":["fraud"],"openedOn":"2026-03-14"}"#)
            #expect(created.status == 201)
            let id = try #require(created.json["id"] as? String)
            let read = try await call(two, "GET", "/v1/cases/\(id)", token: token)
            #expect(read.status == 200)
            #expect(read.json["title"] as? String == "Operation Meltwater")

            let ports = (one.port, two.port)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for number in 1...16 {
                    let port = number.isMultiple(of: 2) ? ports.0 : ports.1
                    group.addTask {
                        try await Self.call(
                            port: port, "POST", "/v1/cases", token: token,
                            body: #"{"title":"Carousel fraud \#(number)","offences":["fraud"],"openedOn":"2026-03-14"}"#
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 201, count: 16))
            #expect(try await world.count("SELECT count(*) FROM case_file") == 17)
            let references = try await world.count("SELECT count(DISTINCT reference) FROM case_file")
            #expect(references == 17)
            let verified = try ArcaProcess.run(["audit", "verify"], environment: ["DATABASE_URL": world.db.url])
            #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        }
    }

    @Test func aTokenRevokedIsRefusedByBothServersAtOnce() async throws {
        try await withTwoServers { world, one, two, token in
            #expect(try await call(one, "GET", "/v1/cases", token: token).status == 200)
            #expect(try await call(two, "GET", "/v1/cases", token: token).status == 200)

            _ = try await world.useCases.revokeTokens(userName: "j.peeters", tokenID: nil, by: .commandLine())
            try await eventually("both servers refuse the revoked token") {
                let first = try await call(one, "GET", "/v1/cases", token: token).status
                let second = try await call(two, "GET", "/v1/cases", token: token).status
                // 429 once the polls' refusals add up: refused all the same.
                return first != 200 && second != 200
            }
        }
    }
}
