import Foundation
import LibPQ

/// Applies pending migrations in order, each in its own transaction, under an advisory
/// lock so that two processes migrating at once apply every file exactly once.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    private let pool: ConnectionPool

    /// The advisory lock key all migrating processes agree on.
    static let lockKey: Int64 = 0x4152_4341_4D49_4752  // "ARCAMIGR"

    public init(pool: ConnectionPool, migrations: [Migration]) {
        self.pool = pool
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public struct Entry: Sendable, Equatable {
        public enum State: String, Sendable {
            case applied, pending
        }

        public let version: Int
        public let name: String
        public let state: State
        public let appliedAt: Date?
    }

    /// Applied and pending migrations; refuses a database whose history disagrees with the files.
    public func status() async throws -> [Entry] {
        try await pool.withSession { session in
            try await ensureHistoryTable(session)
            let applied = try await appliedMigrations(session)
            try verify(applied)
            return migrations.map { migration in
                let record = applied[migration.version]
                return Entry(
                    version: migration.version, name: migration.name,
                    state: record == nil ? .pending : .applied, appliedAt: record?.appliedAt)
            }
        }
    }

    /// Applies what is pending and returns what it applied.
    @discardableResult
    public func migrate(progress: (Migration) -> Void = { _ in }) async throws -> [Migration] {
        try await pool.withSession { session in
            try await session.execute("SELECT pg_advisory_lock($1)", [Self.lockKey])
            do {
                let done = try await applyPending(session, progress: progress)
                try await session.execute("SELECT pg_advisory_unlock($1)", [Self.lockKey])
                return done
            } catch {
                _ = try? await session.execute("SELECT pg_advisory_unlock($1)", [Self.lockKey])
                throw error
            }
        }
    }

    private func applyPending(_ session: Session, progress: (Migration) -> Void) async throws -> [Migration] {
        try await ensureHistoryTable(session)
        let applied = try await appliedMigrations(session)
        try verify(applied)
        var done: [Migration] = []
        for migration in migrations where applied[migration.version] == nil {
            progress(migration)
            try await session.transaction { transaction in
                try await transaction.session.simpleQuery(migration.sql)
                try await transaction.execute(
                    "INSERT INTO arca_migration (version, name, checksum) VALUES ($1, $2, $3)",
                    [migration.version, migration.name, migration.checksum])
            }
            done.append(migration)
        }
        return done
    }

    private struct Applied {
        let name: String
        let checksum: String
        let appliedAt: Date
    }

    private func ensureHistoryTable(_ session: Session) async throws {
        try await session.simpleQuery(
            """
            CREATE TABLE IF NOT EXISTS arca_migration (
                version integer PRIMARY KEY CHECK (version > 0),
                name text NOT NULL UNIQUE,
                checksum char(64) NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    private func appliedMigrations(_ session: Session) async throws -> [Int: Applied] {
        let rows = try await session.query("SELECT version, name, checksum, applied_at FROM arca_migration ORDER BY version")
        var applied: [Int: Applied] = [:]
        for row in rows {
            applied[try row.decode(Int.self, 0)] = Applied(
                name: try row.decode(String.self, 1), checksum: try row.decode(String.self, 2),
                appliedAt: try row.decode(Date.self, 3))
        }
        return applied
    }

    private func verify(_ applied: [Int: Applied]) throws {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for (version, record) in applied.sorted(by: { $0.key < $1.key }) {
            guard let migration = known[version] else { throw MigrationError.unknownApplied(name: record.name) }
            guard migration.checksum == record.checksum else {
                throw MigrationError.changedAfterApply(name: migration.name, applied: record.checksum, now: migration.checksum)
            }
        }
    }
}
