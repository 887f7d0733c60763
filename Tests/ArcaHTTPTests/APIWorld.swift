import ArcaApplication
import ArcaDomain
import ArcaHTTP
import ArcaPersistence
import ArcaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import Testing

/// A live API on the test world (`TestWorld`: the Belgian ARO and asset management office,
/// a user of every role at the ARO and an officer at the management office), each user with
/// a token.
struct APIWorld: Sendable {
    let client: any TestClientProtocol
    let db: FreshDatabase
    let tokens: [String: String]
    /// The use cases behind the API, for what a test sets up outside it (a partner's keys).
    let useCases: UseCases

    static let roles = ["officer", "liaison", "analyst", "auditor", "admin"]

    static func with(_ body: @escaping @Sendable (APIWorld) async throws -> Void) async throws {
        try await TestWorld.with { world in
            var tokens: [String: String] = [:]
            for user in TestWorld.users {
                tokens[user.key] = try await world.useCases.issueToken(userName: user.name, label: nil, by: .commandLine()).secret
            }
            let app = ArcaAPI(useCases: world.useCases).application(host: "127.0.0.1", port: 0, logger: TestDatabase.quietLogger)
            let frozenTokens = tokens
            let db = world.db
            let useCases = world.useCases
            try await app.test(.live) { client in
                try await body(APIWorld(client: client, db: db, tokens: frozenTokens, useCases: useCases))
            }
        }
    }

    struct Answer: Sendable {
        let status: Int
        let headers: HTTPFields
        let body: Data

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        var isProblem: Bool { headers[.contentType] == "application/problem+json" }

        /// The `errors` of a problem document as "field rule" pairs.
        var fieldErrors: [String] {
            (json["errors"] as? [[String: Any]] ?? []).map { "\($0["field"] ?? "") \($0["rule"] ?? "")" }
        }
    }

    func call(
        _ method: HTTPRequest.Method, _ uri: String, as role: String? = "officer", json: String? = nil, bytes: [UInt8]? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> Answer {
        var headers = HTTPFields()
        if let role { headers[.authorization] = "Bearer \(tokens[role]!)" }
        if json != nil || bytes != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        let body = bytes.map { ByteBuffer(bytes: $0) } ?? json.map { ByteBuffer(string: $0) }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Data(buffer: response.body))
    }

    static let meltwater = #"{"title":"Operation Meltwater","offences":["money_laundering","fraud"],"openedOn":"2026-03-14","criminalFileReference":"BR.21.L8.004512/25"}"#

    /// Opens a case as the Belgian officer and returns its id.
    func openCase(_ json: String = APIWorld.meltwater) async throws -> String {
        let answer = try await call(.post, "/v1/cases", json: json)
        guard answer.status == 201, let id = answer.json["id"] as? String else {
            throw TestFailure("could not open a case: \(answer.status) \(answer.text)")
        }
        return id
    }

    func count(_ table: String) async throws -> Int {
        try await db.pool.query("SELECT count(*) FROM \(table)")[0].decode(Int.self, 0)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension APIWorld {
    /// Every table's row count and a digest of its rows: two snapshots around a refused
    /// request must be equal, whether it would have inserted, updated or deleted.
    func snapshot() async throws -> [String: String] {
        let tables = try await db.pool.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", []
        ).map { try $0.decode(String.self, 0) }
        // A token's last use records the sign-in itself, which a refused request also made.
        let sql = tables.map {
            "SELECT '\($0)', count(*) || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' ORDER BY (to_jsonb(t) - 'last_used_at')::text)), '') FROM \($0) t"
        }
            .joined(separator: " UNION ALL ")
        var state: [String: String] = [:]
        for row in try await db.pool.query(sql, []) { state[try row.decode(String.self, 0)] = try row.decode(String.self, 1) }
        return state
    }

    /// Calls like `call`; when the answer is a refusal (4xx), expects that no table changed.
    func attempt(
        _ method: HTTPRequest.Method, _ uri: String, as role: String? = "officer", json: String? = nil, headers: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        let before = try await snapshot()
        let answer = try await call(method, uri, as: role, json: json, headers: headers)
        if (400..<500).contains(answer.status) {
            #expect(
                try await snapshot() == before, "\(method) \(uri) as \(role ?? "nobody") was refused (\(answer.status)) but wrote",
                sourceLocation: sourceLocation)
        }
        return answer
    }

    /// Waits until `condition` holds, checking every few milliseconds: for a test that must
    /// know another connection reached a point (a lock wait) before it goes on.
    func until(_ what: String, _ condition: () async throws -> Bool) async throws {
        try await eventually(what, condition)
    }

    /// Runs SQL on the test's database as its owner, to give the database a rule or a fault.
    func execute(_ sql: String) async throws {
        try await db.asSuperuser(sql)
    }

    /// Every write route on a case, with a body the owning office sees accepted when the
    /// routes are taken in this order: the case's own, its subject's, asset's and orders'
    /// routes (given a subject, an asset, a freezing order and a value confiscation order),
    /// the frozen asset's management and the money recovered in the case among them.
    func writeRoutes(onCase caseID: String) async throws -> [(method: HTTPRequest.Method, uri: String, body: String)] {
        let world = self
        let subject = try await world.call(.post, "/v1/cases/\(caseID)/subjects", json: #"{"kind":"natural_person","name":"Jan Vermeulen","role":"suspect"}"#)
        let subjectID = try #require(subject.json["id"] as? String)
        let assetID = try await world.addAsset(to: caseID)
        let orderID = try await world.createOrder(
            in: caseID,
            #"{"kind":"freezing","issuingAuthority":"Investigating judge, Brussels","decisionReference":"IJ/2026/77","decisionDate":"2026-04-02","assets":["\#(assetID)"]}"#)
        let valueOrderID = try await world.createOrder(
            in: caseID,
            #"{"kind":"confiscation","confiscationType":"value","issuingAuthority":"Brussels criminal court","decisionReference":"2026/0412/C","decisionDate":"2026-04-20","coveredAmount":{"amount":"40000.00","currency":"EUR"}}"#)
        let history = try await world.call(.get, "/v1/assets/\(assetID)/events")
        let identify = try #require((history.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
        return [
            (.patch, "/v1/cases/\(caseID)", #"{"title":"Operation Meltwater II","offences":["fraud"],"status":"tracing","criminalFileReference":"BR.21.L8.004512/26"}"#),
            (.post, "/v1/cases/\(caseID)/shares", #"{"office":"BE-AMO"}"#),
            (
                .post, "/v1/cases/\(caseID)/subjects",
                #"{"kind":"legal_person","name":"Vermeulen BV","role":"owner","registrationNumber":"0403.170.701","seat":"BE"}"#
            ),
            (.patch, "/v1/subjects/\(subjectID)", #"{"name":"Jan Vermeulen-Claes","role":"accused","birthDate":"1979-06-02","nationality":"BE"}"#),
            (
                .post, "/v1/cases/\(caseID)/assets",
                #"{"category":"motor_vehicle","description":"Audi A6, grey","identifiers":{"vin":"WAUZZZ4G7DN012345","registrationMark":"1-ABC-123"},"country":"BE","propertyRole":"proceeds_direct","owners":["\#(subjectID)"],"estimatedValue":{"amount":"21000.00","currency":"EUR"},"identifiedOn":"2026-03-20"}"#
            ),
            (
                .patch, "/v1/assets/\(assetID)",
                #"{"description":"Savings account at KBC","identifiers":{"iban":"BE68 5390 0754 7034","landRegistryReference":"21001/A/0123"},"country":"BE","propertyRole":"proceeds_direct","owners":["\#(subjectID)"]}"#
            ),
            (.post, "/v1/assets/\(assetID)/valuations", #"{"valuedOn":"2026-03-25","method":"book","value":{"amount":"48900.00","currency":"EUR"}}"#),
            (.post, "/v1/assets/\(assetID)/events", #"{"action":"trace","occurredOn":"2026-03-26","reason":"bank statement obtained"}"#),
            (.post, "/v1/assets/\(assetID)/events/\(identify)/correction", #"{"occurredOn":"2026-03-19","reason":"identified the day before"}"#),
            (
                .post, "/v1/cases/\(caseID)/orders",
                #"{"kind":"confiscation","confiscationType":"value","issuingState":"BE","issuingAuthority":"Brussels criminal court","decisionReference":"2026/0412/C","decisionDate":"2026-04-20","coveredAmount":{"amount":"40000.00","currency":"EUR"},"subjects":["\#(subjectID)"]}"#
            ),
            (.post, "/v1/orders/\(orderID)/execution", #"{"executedOn":"2026-04-03","reason":"bank confirmed the freeze"}"#),
            (
                .post, "/v1/assets/\(assetID)/management",
                #"{"kind":"cost","occurredOn":"2026-04-04","purpose":"bank fees for the blocked account","amount":{"amount":"35.00","currency":"EUR"},"reason":"fee note of KBC"}"#
            ),
            (
                .post, "/v1/cases/\(caseID)/recoveries",
                #"{"amount":{"amount":"2450.00","currency":"EUR"},"receivedOn":"2026-04-10","source":"seized_cash","destination":"state_budget","reason":"cash seized at the search, paid in"}"#
            ),
            (.post, "/v1/orders/\(valueOrderID)/finality", #"{"finalOn":"2026-05-02","reason":"no appeal"}"#),
            (.post, "/v1/orders/\(orderID)/lifting", #"{"liftedOn":"2026-05-03","ground":"acquittal","reason":"acquitted by the criminal court"}"#),
            (.post, "/v1/orders/\(orderID)/corrections", #"{"step":"decision","on":"2026-04-01","reason":"the order is dated 1 April"}"#),
        ]
    }
}
