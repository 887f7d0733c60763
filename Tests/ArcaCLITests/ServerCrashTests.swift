import ArcaTestSupport
import Foundation
import FoundationNetworking
import Testing

/// `arca serve` as a real process on a free port, killed the hard way when a test says so.
final class ServedArca {
    let port: Int
    private let process: Process

    /// - Parameter log: where the server's standard error goes, at `logLevel`; nowhere by default.
    init(port: Int, environment: [String: String], in directory: URL? = nil, logLevel: String = "error", log: URL? = nil) throws {
        self.port = port
        process = Process()
        process.executableURL = ArcaProcess.binary
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = ["serve", "--port", String(port)]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.merge(environment) { _, new in new }
        env["ARCA_LOG_LEVEL"] = logLevel
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        if let log {
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CLIFailure("cannot create \(log.path)") }
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
    }

    /// Waits until the server answers /healthz.
    func ready() async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let (_, response) = try? await URLSession.shared.data(from: url("/healthz")), (response as? HTTPURLResponse)?.statusCode == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CLIFailure("arca serve did not answer on port \(port) within a minute")
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// SIGKILL: no shutdown, no flushing, as a crash or the OOM killer would.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill() }
    }
}

/// An officer's token, a case of theirs, and the POST of a bank account to it under one
/// Idempotency-Key.
struct AssetPost {
    let token: String
    let caseID: String

    static func prepare(_ env: [String: String]) throws -> AssetPost {
        let issued = try ArcaProcess.run(["token", "issue", "--user", "j.peeters"], environment: env)
        let created = try ArcaProcess.run(
            ["case", "create", "--title", "Operation Meltwater", "--offence", "money_laundering", "--opened-on", "2026-03-14", "--json"], environment: env)
        return AssetPost(
            token: try #require(issued.stdout.split(separator: "\n").last.map(String.init)),
            caseID: try #require(json(created.stdout)["id"] as? String))
    }

    func request(to server: ServedArca) -> URLRequest {
        var request = URLRequest(url: server.url("/v1/cases/\(caseID)/assets"))
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("kbc-account-2026-03-20", forHTTPHeaderField: "Idempotency-Key")
        request.httpBody = Data(
            #"{"category":"bank_account","description":"Current account at KBC, Brussels","identifiers":{"iban":"BE68 5390 0754 7034"},"country":"BE","identifiedOn":"2026-03-20"}"#
                .utf8)
        return request
    }
}

@Suite("arca serve killed mid-request")
struct ServerCrashTests {
    @Test(.timeLimit(.minutes(10)))
    func anAnswerCommittedWhenTheServerDiesIsReplayedAfterTheRestart() async throws {
        try await withOfficer { env, db in
            let post = try AssetPost.prepare(env)
            let port = TestDatabase.freePort()
            var server = try ServedArca(port: port, environment: env)
            try await server.ready()
            let request = post.request(to: server)

            // The client never reads the first answer: the server dies as soon as the change is
            // committed, whether or not it had sent the answer yet.
            let first = Task { try? await URLSession.shared.data(for: request) }
            let deadline = ContinuousClock.now + .seconds(60)
            while try await db.pool.query("SELECT count(*) FROM asset", [])[0].decode(Int.self, 0) == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            server.kill()
            _ = await first.value
            server = try ServedArca(port: port, environment: env)
            try await server.ready()
            let (body, response) = try await URLSession.shared.data(for: request)

            let answer = try #require(response as? HTTPURLResponse)
            #expect(answer.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")
            #expect(answer.value(forHTTPHeaderField: "Idempotent-Replayed") == "true")
            #expect(try await db.pool.query("SELECT count(*) FROM asset", [])[0].decode(Int.self, 0) == 1)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aRequestKilledBeforeItSentItsChangeIsCarriedOutOnceOnRetry() async throws {
        try await withOfficer { env, db in
            let post = try AssetPost.prepare(env)
            let port = TestDatabase.freePort()
            var server = try ServedArca(port: port, environment: env)
            try await server.ready()
            let request = post.request(to: server)

            // The request's transaction has begun and holds its key, and waits for the case,
            // which the test has locked: its writes and their COMMIT are not sent yet.
            let backend = try await db.pool.transaction { test in
                _ = try await test.query("SELECT id FROM case_file WHERE id = $1::uuid FOR UPDATE", [post.caseID])
                let first = Task { try? await URLSession.shared.data(for: request) }
                var waiting: Int?
                for _ in 0..<3000 where waiting == nil {
                    waiting = try await db.pool.query(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'", []
                    ).first?.decode(Int.self, 0)
                    if waiting == nil { try await Task.sleep(for: .milliseconds(10)) }
                }
                // The server dies there: the client never hears back.
                server.kill()
                _ = await first.value
                return try #require(waiting, "the request never reached the case")
            }
            // The case is free again: the request's session finds its client gone and ends.
            for _ in 0..<3000 {
                let alive = try await db.pool.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", [backend])[0].decode(Int.self, 0)
                if alive == 0 { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(try await db.pool.query("SELECT count(*) FROM idempotency_record", [])[0].decode(Int.self, 0) == 0)
            #expect(try await db.pool.query("SELECT count(*) FROM asset", [])[0].decode(Int.self, 0) == 0, "nothing of the killed request stays")

            server = try ServedArca(port: port, environment: env)
            try await server.ready()
            let (body, response) = try await URLSession.shared.data(for: request)

            let answer = try #require(response as? HTTPURLResponse)
            #expect(answer.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")
            #expect(answer.value(forHTTPHeaderField: "Idempotent-Replayed") == nil, "carried out now, not replayed")
            #expect(try await db.pool.query("SELECT count(*) FROM asset", [])[0].decode(Int.self, 0) == 1)
        }
    }
}
