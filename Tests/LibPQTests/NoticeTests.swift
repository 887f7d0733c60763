import ArcaTestSupport
import Foundation
import LibPQ
import Logging
import Synchronization
import Testing

/// Keeps what was logged, to check where server messages end up.
final class CapturedLog: Sendable {
    let lines = Mutex<[(Logger.Level, String)]>([])

    var logger: Logger {
        Logger(label: "captured") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.lines.withLock { $0.append((event.level, event.message.description)) }
        }
    }
}

@Suite("LibPQ: server messages")
struct NoticeTests {
    @Test func serverWarningsGoToTheLoggerNotStderr() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let log = CapturedLog()
            let pool = ConnectionPool(conninfo: db.url, size: 1, logger: log.logger)
            try await pool.execute("DO $$ BEGIN RAISE WARNING 'deadline of request % passed', 'NL-2026-7'; END $$")
            await pool.close()
            let warnings = log.lines.withLock { $0.filter { $0.0 == .warning }.map(\.1) }
            #expect(warnings.contains { $0.contains("deadline of request NL-2026-7 passed") })
        }
    }
}
