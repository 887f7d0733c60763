import ArcaApplication
import ArcaDomain
import ArcaHTTP
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import PostgresCluster
import Prometheus
import Testing

/// The API over real HTTP (HummingbirdTesting's live mode binds a port on 127.0.0.1).
func withLiveAPI(
    database: Database, _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let api = ArcaAPI(useCases: UseCases(database: database, clock: TestClock().now))
    let app = api.application(host: "127.0.0.1", port: 0, logger: TestDatabase.quietLogger)
    try await app.test(.live, body)
}

func decodeJSON<T: Decodable>(_ type: T.Type, _ body: ByteBuffer) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(buffer: body))
}

@Suite("HTTP: liveness, readiness, unknown routes")
struct SystemRoutesTests {
    @Test func healthzAnswersWhileTheProcessIsUp() async throws {
        try await TestDatabase.withFresh { db in
            try await withLiveAPI(database: Database(pool: db.pool)) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try decodeJSON([String: String].self, response.body)
                    #expect(body == ["status": "up"])
                }
            }
        }
    }

    @Test func readyzIs200WhenTheDatabaseAnswers() async throws {
        try await TestDatabase.withFresh { db in
            try await withLiveAPI(database: Database(pool: db.pool)) { client in
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try decodeJSON([String: String].self, response.body)
                    #expect(body == ["status": "ready"])
                }
            }
        }
    }

    @Test func readyzIs503ProblemWhenTheDatabaseIsStopped() async throws {
        // given a server whose database was answering and then stopped
        let home = try TestDatabase.temporaryHome("readyz")
        let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        try cluster.start(port: TestDatabase.freePort())
        let database = Database(url: try cluster.url(), poolSize: 2, logger: TestDatabase.quietLogger)
        try await database.ping()
        try cluster.stop()

        try await withLiveAPI(database: database) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try decodeJSON(Problem.self, response.body)
                #expect(problem.status == 503)
                #expect(problem.type == "urn:arca:problem:service-unavailable")
            }
            // and it recovers once the database is back
            try cluster.start()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        await database.close()
    }

    @Test func aV1RouteIs503ProblemWhileTheDatabaseIsDownAndRecovers() async throws {
        // given a server with an officer whose database then stops
        let home = try TestDatabase.temporaryHome("v1-503")
        let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        try cluster.start(port: TestDatabase.freePort())
        let database = Database(url: try cluster.url(), poolSize: 2, logger: TestDatabase.quietLogger)
        try await database.migrator().migrate()
        let useCases = UseCases(database: database, clock: TestClock().now)
        _ = try await useCases.addOffice(code: "BE-ARO", memberState: "BE", referencePrefix: nil, name: "Belgian ARO", by: .commandLine())
        _ = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
        let token = try await useCases.issueToken(userName: "j.peeters", label: nil, by: .commandLine()).secret
        try cluster.stop()

        try await withLiveAPI(database: database) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            try await client.execute(uri: "/v1/cases", method: .get, headers: headers) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.retryAfter] == "5")
            }
            try cluster.start()
            try await client.execute(uri: "/v1/cases", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
            }
        }
        await database.close()
    }

    @Test func aKnownPathWithAnotherMethodIs405NamingTheAllowedOnes() async throws {
        try await TestDatabase.withFresh { db in
            try await withLiveAPI(database: Database(pool: db.pool)) { client in
                let cases: [(HTTPRequest.Method, String, String)] = [
                    (.post, "/healthz", "GET"), (.delete, "/v1/cases", "GET, POST"),
                    (.put, "/v1/cases/6e44d14e-0c91-401b-a2b6-872c187c3dc7", "GET, PATCH"),
                ]
                for (method, uri, allowed) in cases {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == allowed)
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                }
            }
        }
    }

    @Test func anUnknownRouteIsAProblemJSON404() async throws {
        try await TestDatabase.withFresh { db in
            try await withLiveAPI(database: Database(pool: db.pool)) { client in
                try await client.execute(uri: "/v1/no-such-thing", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try decodeJSON(Problem.self, response.body)
                    #expect(problem.status == 404)
                    #expect(problem.title == "Not found")
                    #expect(problem.instance == "/v1/no-such-thing")
                }
            }
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        try await TestDatabase.withFresh { db in
            try await withLiveAPI(database: Database(pool: db.pool)) { client in
                try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).hasPrefix("openapi: 3.1"))
                }
            }
        }
    }

    /// Every route the router serves is described, method and path, in Docs/openapi.yaml;
    /// and the document describes no route the router lacks.
    @Test func theOpenAPIDocumentDescribesExactlyTheRoutesServed() async throws {
        try await TestDatabase.withFresh { db in
            let router = ArcaAPI(useCases: UseCases(database: Database(pool: db.pool), clock: TestClock().now), metrics: PrometheusCollectorRegistry())
                .router()
            let served = Set(
                router.routes.map { route in
                    let path = route.path.description
                    return "\(route.method.rawValue.lowercased()) \(path.hasPrefix("/") ? path : "/" + path)"
                })
            let documented = OpenAPIOperations.parse(OpenAPIDocument.text)
            #expect(served.subtracting(documented).sorted() == [], "routes missing from Docs/openapi.yaml")
            #expect(documented.subtracting(served).sorted() == [], "Docs/openapi.yaml describes routes that are not served")
            #expect(served.count >= 8)
        }
    }
}

/// The code lists the document states, so that a client (or schemathesis) sends only what the
/// server takes, and a new code in ArcaDomain is not forgotten there.
@Suite("OpenAPI: the vocabularies the document states are the code's")
struct OpenAPIVocabularyTests {
    /// The values of `enum: [...]`, or of a `pattern: '^(?:A|B)$'` alternation, in the component
    /// schema `name`.
    static func values(of name: String, in yaml: String) -> [String]? {
        let lines = yaml.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "    \(name):") else { return nil }
        for line in lines[(start + 1)...].prefix(4) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("enum: [") {
                return trimmed.dropFirst("enum: [".count).dropLast().components(separatedBy: ", ")
            }
            if trimmed.hasPrefix("pattern: '^(?:") {
                return trimmed.dropFirst("pattern: '^(?:".count).dropLast(")$'".count).components(separatedBy: "|")
            }
        }
        return nil
    }

    @Test(arguments: [
        ("CaseStatus", CaseStatus.allCases.map(\.rawValue)),
        ("OffenceCategory", OffenceCategory.allCases.map(\.rawValue)),
        ("AssetCategory", AssetCategory.allCases.map(\.rawValue)),
        ("AssetState", AssetState.allCases.map(\.rawValue)),
        ("CurrencyCode", Currency.codes),
        ("CountryCode", (CountryCode.assigned + ["EL"]).sorted()),
        ("RequestState", RequestState.allCases.map(\.rawValue)),
        ("CertificateState", CertificateState.allCases.map(\.rawValue)),
        ("Channel", Channel.allCases.map(\.rawValue)),
    ])
    func theDocumentListsEveryCodeTheServerTakesAndNoOther(_ schema: String, _ codes: [String]) {
        #expect(Self.values(of: schema, in: OpenAPIDocument.text) == codes)
    }
}

/// The "method path" pairs of an OpenAPI document's `paths` section.
enum OpenAPIOperations {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    static func parse(_ yaml: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        // Blank lines (inside a description's block text, say) belong to no key.
        for line in yaml.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            if !line.hasPrefix(" ") {
                inPaths = line.hasPrefix("paths:")
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"),
                let path, methods.contains(String(line.dropFirst(4).dropLast()))
            {
                operations.insert("\(line.dropFirst(4).dropLast()) \(path)")
            }
        }
        return operations
    }
}
