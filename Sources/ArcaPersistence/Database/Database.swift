import LibPQ
import Logging

/// The application's handle on PostgreSQL: the connection pool and what is asked of the
/// database as a whole rather than of one repository.
public final class Database: Sendable {
    public let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public convenience init(url: String, poolSize: Int, logger: Logger) {
        self.init(pool: ConnectionPool(conninfo: url, size: poolSize, logger: logger))
    }

    /// Answers when the server accepts a statement.
    public func ping() async throws {
        _ = try await pool.query("SELECT 1")
    }

    public func migrator() throws -> Migrator {
        Migrator(pool: pool, migrations: try Migration.embedded())
    }

    public func close() async {
        await pool.close()
    }
}
