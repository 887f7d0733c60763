import Foundation
import LibPQ
import Logging

// Primary-key SELECT throughput through LibPQ's pool.
// Usage: arca-bench-db URL CONNECTIONS SECONDS [ROWS]
// Loads ROWS rows (default 100,000) into bench_account with COPY when the table is not
// there yet, then runs CONNECTIONS concurrent callers for SECONDS in two ways and prints
// `session_tps=N` (each caller holds a pooled session, as each pgbench client holds its
// connection) and `checkout_tps=N` (each statement borrows a connection and gives it back).
let arguments = CommandLine.arguments
guard arguments.count >= 4, let connections = Int(arguments[2]), let seconds = Double(arguments[3]) else {
    print("usage: arca-bench-db URL CONNECTIONS SECONDS [ROWS]")
    exit(2)
}
let url = arguments[1]
let rows = arguments.count > 4 ? Int(arguments[4]) ?? 100_000 : 100_000

var logger = Logger(label: "bench")
logger.logLevel = .warning
let pool = ConnectionPool(conninfo: url, size: connections, logger: logger)

let present = try await pool.query("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'bench_account'")[0].decode(Int.self, 0)
if present == 0 {
    try await pool.execute("CREATE TABLE bench_account (id integer PRIMARY KEY, owner text NOT NULL, balance numeric(18, 2) NOT NULL)")
    let copied = try await pool.withSession { session in
        try await session.copyIn("COPY bench_account (id, owner, balance) FROM STDIN") { writer in
            for id in 1...rows {
                try writer.append([String(id), "owner \(id)", "\(id % 100_000).\(id % 100)"])
            }
        }
    }
    try await pool.execute("VACUUM ANALYZE bench_account")
    print("loaded_rows=\(copied)")
}

/// One caller's loop: select a random row by primary key until the deadline.
func selectRows(on target: some PostgresQueryable, until deadline: Date) async throws -> Int {
    var done = 0
    var generator = SystemRandomNumberGenerator()
    while Date() < deadline {
        let id = Int.random(in: 1...rows, using: &generator)
        let result = try await target.query("SELECT owner, balance FROM bench_account WHERE id = $1", [id])
        guard result.count == 1 else { throw PostgresError(kind: .protocolViolation, message: "row \(id) missing") }
        _ = try result[0].decode(String.self, 0)
        done += 1
    }
    return done
}

/// Runs `connections` callers for `duration` seconds and returns statements per second.
func rate(for duration: Double, holdingSessions: Bool) async throws -> Int {
    let start = Date()
    let deadline = start.addingTimeInterval(duration)
    let total = try await withThrowingTaskGroup(of: Int.self) { group in
        for _ in 0..<connections {
            group.addTask {
                holdingSessions
                    ? try await pool.withSession { try await selectRows(on: $0, until: deadline) }
                    : try await selectRows(on: pool, until: deadline)
            }
        }
        return try await group.reduce(0, +)
    }
    return Int(Double(total) / Date().timeIntervalSince(start))
}

_ = try await rate(for: min(2, seconds / 4), holdingSessions: true)
print("session_tps=\(try await rate(for: seconds, holdingSessions: true))")
print("checkout_tps=\(try await rate(for: seconds, holdingSessions: false))")
await pool.close()
