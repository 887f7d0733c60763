import ArcaPersistence
import Foundation
import LibPQ
import Logging
import PostgresCluster

/// PostgreSQL for tests: `ARCA_TEST_DATABASE_URL` when set, else a throwaway cluster started
/// once per test process through the same code as `arca db start`, and removed at exit.
/// Each test gets its own database, copied from a migrated template, so tests run in
/// parallel without seeing each other's rows. If no server can be had, tests fail loudly.
public enum TestDatabase {
    /// A fresh, migrated database; `body` gets its URL and a pool on it; dropped afterwards.
    public static func withFresh<T>(
        migrated: Bool = true, poolSize: Int = 4, _ body: (FreshDatabase) async throws -> T
    ) async throws -> T {
        let server = try await TestServer.shared.ready()
        let name = "test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        let template = migrated ? server.migratedTemplate : "template0"
        _ = try await server.admin.execute("CREATE DATABASE \(name) TEMPLATE \(template)")
        // A migrated database is used as ARCA uses it, as the application role; an empty one is
        // built by its owner, as migrations are.
        let url = migrated ? server.applicationURL(database: name) : server.url(database: name)
        let fresh = FreshDatabase(
            url: url, ownerURL: server.url(database: name), name: name,
            pool: ConnectionPool(conninfo: url, size: poolSize, acquireTimeout: patience, logger: quietLogger))
        let result: T
        do {
            result = try await body(fresh)
        } catch {
            await fresh.pool.close()
            _ = try? await server.admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        await fresh.pool.close()
        _ = try? await server.admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        return result
    }

    /// A home folder for a private cluster (for tests that stop or kill their server),
    /// reachable by the server account when running as root.
    public static func temporaryHome(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arca-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return url
    }

    /// A TCP port nobody listens on right now.
    public static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// How long test code waits for a pooled connection: the whole suite runs at once on
    /// few cores, so waits are long; no test is about this wait except the pool's own.
    public static let patience: Duration = .seconds(600)

    public static let quietLogger: Logger = {
        var logger = Logger(label: "arca.test")
        logger.logLevel = .warning
        return logger
    }()
}

public struct FreshDatabase: Sendable {
    /// What `pool` connects as: for a migrated database the application role (what ARCA
    /// itself may do), for an empty one its owner.
    public let url: String
    /// As the schema's owner (the cluster's superuser), who runs the migrations.
    public let ownerURL: String
    public let name: String
    public let pool: ConnectionPool

    /// Runs `sql` (one or more statements) as the cluster's superuser: what someone holding
    /// the database's keys could do behind ARCA's back.
    public func asSuperuser(_ sql: String) async throws {
        _ = try await withSuperuserSession { try await $0.simpleQuery(sql) }
    }

    /// Runs `body` on a session of the cluster's superuser, on a connection of its own.
    public func withSuperuserSession<T>(_ body: (Session) async throws -> T) async throws -> T {
        let superuser = ConnectionPool(conninfo: ownerURL, size: 1, acquireTimeout: TestDatabase.patience, logger: TestDatabase.quietLogger)
        do {
            let result = try await superuser.withSession(body)
            await superuser.close()
            return result
        } catch {
            await superuser.close()
            throw error
        }
    }
}

/// The server the whole test process shares, set up once.
actor TestServer {
    static let shared = TestServer()

    struct Ready: Sendable {
        let baseURL: String
        /// The same server as the application role.
        let applicationBaseURL: String
        let admin: ConnectionPool
        let migratedTemplate: String

        func url(database: String) -> String {
            TestServer.replacingDatabase(in: baseURL, with: database)
        }

        func applicationURL(database: String) -> String {
            TestServer.replacingDatabase(in: applicationBaseURL, with: database)
        }
    }

    private var setup: Task<Ready, any Error>?

    func ready() async throws -> Ready {
        if let setup { return try await setup.value }
        let task = Task { try await Self.prepare() }
        setup = task
        return try await task.value
    }

    private static func prepare() async throws -> Ready {
        let baseURL: String
        let applicationBaseURL: String
        if let external = ProcessInfo.processInfo.environment["ARCA_TEST_DATABASE_URL"], !external.isEmpty {
            baseURL = external
            // The external server's superuser acts as the application role (migration 0026 makes it).
            applicationBaseURL = actingAsApplication(external)
        } else {
            let home = try TestDatabase.temporaryHome("test-cluster")
            let cluster = EmbeddedCluster(home: home, logger: TestDatabase.quietLogger)
            try cluster.start(port: TestDatabase.freePort())
            ThrowawayCluster.register(cluster)
            baseURL = try cluster.url(database: "postgres")
            applicationBaseURL = try cluster.applicationURL(database: "postgres")
        }
        // Every test in the run creates its database through this pool, so callers queue here.
        let admin = ConnectionPool(
            conninfo: replacingDatabase(in: baseURL, with: "postgres"), size: 2, acquireTimeout: TestDatabase.patience,
            logger: TestDatabase.quietLogger)
        let template = "arca_template_\(getpid())"
        _ = try await admin.execute("DROP DATABASE IF EXISTS \(template)")
        _ = try await admin.execute("CREATE DATABASE \(template) TEMPLATE template0")
        let templatePool = ConnectionPool(conninfo: replacingDatabase(in: baseURL, with: template), size: 1, logger: TestDatabase.quietLogger)
        try await Migrator(pool: templatePool, migrations: try Migration.embedded()).migrate()
        await templatePool.close()
        return Ready(baseURL: baseURL, applicationBaseURL: applicationBaseURL, admin: admin, migratedTemplate: template)
    }

    /// A superuser's URL whose sessions take the application role as they start.
    static func actingAsApplication(_ url: String) -> String {
        let option = "-c role=\(EmbeddedCluster.applicationRole)"
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"), var components = URLComponents(string: url) {
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "options", value: option)]
            return components.string ?? url
        }
        return url + " options='\(option)'"
    }

    /// Points a `postgresql://` URL or a `key=value` conninfo at another database.
    static func replacingDatabase(in url: String, with database: String) -> String {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"), var components = URLComponents(string: url) {
            components.path = "/" + database
            return components.string ?? url
        }
        return url + " dbname=\(database)"
    }
}

/// Removes the test process's own cluster when the process exits.
enum ThrowawayCluster {
    nonisolated(unsafe) private static var cluster: EmbeddedCluster?

    static func register(_ cluster: EmbeddedCluster) {
        self.cluster = cluster
        atexit {
            try? ThrowawayCluster.cluster?.destroy()
            if let home = ThrowawayCluster.cluster?.home { try? FileManager.default.removeItem(at: home) }
        }
    }
}
