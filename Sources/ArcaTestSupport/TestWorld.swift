import ArcaApplication
import ArcaPersistence
import Foundation
import LibPQ
import Synchronization

/// The world every use-case, HTTP and CLI test starts from: a fresh database with two Belgian
/// offices — the ARO (BE-ARO) and the asset management office (BE-AMO) — a user of every role
/// at the ARO and an officer at the AMO, and a clock fixed on 29 November 2026 so that no
/// test depends on the machine's date.
public struct TestWorld: Sendable {
    public let db: FreshDatabase
    public let database: Database
    public let useCases: UseCases
    /// The token cache the use cases keep, as a server's do, watching the test database.
    public let tokenCache: TokenCache
    public let clock: TestClock
    public let officer: Caller
    public let liaison: Caller
    public let analyst: Caller
    public let auditor: Caller
    public let admin: Caller
    /// The officer of the asset management office, with whom cases may be shared.
    public let amoOfficer: Caller

    /// The users, by the name tests use for them: a role at the ARO, or "amo".
    public static let users: [(key: String, name: String, role: String, office: String)] = [
        ("officer", "j.peeters", "officer", "BE-ARO"), ("liaison", "m.dubois", "liaison", "BE-ARO"),
        ("analyst", "a.janssens", "analyst", "BE-ARO"), ("auditor", "l.claes", "auditor", "BE-ARO"),
        ("admin", "s.admin", "admin", "BE-ARO"), ("amo", "p.devries", "officer", "BE-AMO"),
    ]

    @discardableResult
    public static func with<T>(clock: TestClock = TestClock(), _ body: (TestWorld) async throws -> T) async throws -> T {
        try await TestDatabase.withFresh { db in
            let database = Database(pool: db.pool)
            let tokenCache = TokenCache()
            let watch = tokenCache.watch(database)
            do {
                let world = try await populated(db: db, database: database, tokenCache: tokenCache, clock: clock)
                let result = try await body(world)
                await watch.stop()
                return result
            } catch {
                await watch.stop()
                throw error
            }
        }
    }

    private static func populated(db: FreshDatabase, database: Database, tokenCache: TokenCache, clock: TestClock) async throws -> TestWorld {
        let useCases = UseCases(database: database, clock: clock.now, tokenCache: tokenCache)
        let cli = Caller.commandLine()
        _ = try await useCases.addOffice(code: "BE-ARO", memberState: "BE", referencePrefix: nil, name: "Belgian ARO", by: cli)
        _ = try await useCases.addOffice(
            code: "BE-AMO", memberState: "BE", referencePrefix: "BEAMO", name: "Belgian asset management office", by: cli)
        var callers: [String: Caller] = [:]
        for user in Self.users {
            // The account running the tests acts as every user at the command line, as CLI tests do.
            let added = try await useCases.addUser(
                name: user.name, role: user.role, office: user.office, osAccount: osAccount, by: cli)
            callers[user.key] = Caller(user: added)
        }
        return TestWorld(
            db: db, database: database, useCases: useCases, tokenCache: tokenCache, clock: clock, officer: callers["officer"]!,
            liaison: callers["liaison"]!, analyst: callers["analyst"]!, auditor: callers["auditor"]!, admin: callers["admin"]!,
            amoOfficer: callers["amo"]!)
    }

    /// The operating-system account running the tests, which acts as every test user at the
    /// command line.
    public static let osAccount = Caller.operatingSystemAccount

    /// The name of the user a test calls `key` (a role at the ARO, or "amo").
    public static func userName(_ key: String) -> String {
        users.first { $0.key == key }!.name
    }

    public func count(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        try await db.pool.query(sql, parameters)[0].decode(Int.self, 0)
    }
}

/// A clock a test sets and moves: "now" for the use cases built with `clock.now`.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: String = "2026-11-29T10:00:00Z") {
        current = Mutex(ISO8601DateFormatter().date(from: start)!)
    }

    public var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    public func advance(hours: Double) {
        current.withLock { $0 = $0.addingTimeInterval(hours * 3600) }
    }
}

extension UseCases {
    /// Signs the user `name` in as the API would: a token issued at the command line, then
    /// checked; the caller carries their office's settings as they are now.
    public func signIn(_ name: String) async throws -> Caller {
        let token = try await issueToken(userName: name, label: "test sign-in", by: .commandLine())
        return try await authenticate(token: token.secret)
    }
}
