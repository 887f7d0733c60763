import ArcaHTTP
import ArcaTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Every line a logger was given, with its metadata, as text.
final class LogCapture: LogHandler, @unchecked Sendable {
    let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLock { $0.append("\(event.message) \(all.map { "\($0)=\($1)" }.sorted().joined(separator: " "))") }
    }
}

@Suite("HTTP: what the server logs")
struct RequestLogTests {
    @Test func aSearchIsLoggedByItsPathWithoutTheNameSearchedFor() async throws {
        try await TestWorld.with { world in
            let token = try await world.useCases.issueToken(userName: TestWorld.userName("analyst"), label: nil, by: .commandLine()).secret
            let capture = LogCapture()
            let logger = Logger(label: "arca.test.capture") { _ in capture }
            let app = ArcaAPI(useCases: world.useCases).application(host: "127.0.0.1", port: 0, logger: logger)
            try await app.test(.live) { client in
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                try await client.execute(uri: "/v1/cases?q=Vermeulen", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                }
            }
            let lines = capture.lines.withLock { $0 }
            #expect(lines.contains { $0.contains("hb.request.path=/v1/cases") })
            #expect(!lines.contains { $0.contains("Vermeulen") })
        }
    }
}
