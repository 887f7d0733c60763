import CLibPQ
import Foundation
import Logging

/// A connection with its own thread. Jobs run one at a time in submission order.
final class Link: Sendable {
    private let worker: Worker
    private let connection: Connection

    private init(worker: Worker, connection: Connection) {
        self.worker = worker
        self.connection = connection
    }

    static func open(conninfo: String, logger: Logger, roundTrips: RoundTrips) async throws -> Link {
        let worker = Worker(name: "libpq")
        do {
            let connection = try await worker.run { try Connection(conninfo: conninfo, logger: logger, roundTrips: roundTrips) }
            return Link(worker: worker, connection: connection)
        } catch {
            worker.stop()
            throw error
        }
    }

    /// The worker, as the executor a session's caller runs on.
    var executor: any TaskExecutor { worker }

    func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let connection = self.connection
        if worker.isCurrent {
            try connection.ensureLive()
            return try body(connection)
        }
        return try await worker.run {
            try connection.ensureLive()
            return try body(connection)
        }
    }

    /// Prepares the link for the next borrower: ends a transaction left open, and reports
    /// whether the connection is still fit for the pool. Called when no job is running, so
    /// reading libpq's local state needs no trip to the worker thread.
    func recycle() async -> Bool {
        let connection = self.connection
        let status = connection.transactionStatus
        if status == PQTRANS_INTRANS || status == PQTRANS_INERROR {
            guard (try? await worker.run { try connection.simpleQuery("ROLLBACK") }) != nil else { return false }
        } else if status != PQTRANS_IDLE {
            return false
        }
        connection.discardDeferred()
        connection.needsLivenessCheck = true
        return !connection.isBroken
    }

    func close() async {
        let connection = self.connection
        _ = try? await worker.run { connection.close() }
        worker.stop()
    }
}

/// One statement with its `$1…$n` parameters, for a pipeline.
public struct Statement: Sendable {
    public let sql: String
    public let parameters: [any PostgresEncodable]

    public init(_ sql: String, _ parameters: [any PostgresEncodable] = []) {
        self.sql = sql
        self.parameters = parameters
    }
}

/// Something statements can run on: a session, a transaction, or the pool itself.
public protocol PostgresQueryable: Sendable {
    /// Runs one statement with `$1…$n` parameters and returns its rows.
    func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> QueryResult
}

extension PostgresQueryable {
    public func query(_ sql: String) async throws -> QueryResult {
        try await query(sql, [])
    }

    /// Runs one statement and returns how many rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        try await query(sql, parameters).affectedRows
    }
}

/// Exclusive use of one pooled connection for the duration of a closure.
public struct Session: PostgresQueryable {
    let link: Link

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> QueryResult {
        let binds = parameters.map(\.postgresBind)
        return try await link.run { try $0.query(sql, binds) }
    }

    /// Runs `statements` in order in one round trip (libpq's pipeline mode) and returns their
    /// results in the same order. Outside a transaction they form one implicit transaction;
    /// the first that fails is thrown and none after it runs.
    public func pipeline(_ statements: [Statement]) async throws -> [QueryResult] {
        let prepared = statements.map { (sql: $0.sql, binds: $0.parameters.map(\.postgresBind)) }
        return try await link.run { try $0.pipeline(prepared) }
    }

    /// Runs a script of statements without parameters (simple query protocol).
    @discardableResult
    public func simpleQuery(_ sql: String) async throws -> QueryResult {
        try await link.run { try $0.simpleQuery(sql) }
    }

    /// Runs `COPY … FROM STDIN` (text format) and feeds it the rows `produce` appends.
    /// Returns the number of rows copied. `produce` runs on the connection's thread.
    public func copyIn(_ sql: String, _ produce: @escaping @Sendable (inout CopyWriter) throws -> Void) async throws -> Int {
        try await link.run { try $0.copyIn(sql, produce) }
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    /// BEGIN travels with the first statement, and COMMIT with the writes deferred by
    /// `Transaction.write`, so a transaction costs no round trips of its own.
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel = .readCommitted, _ body: (Transaction) async throws -> T
    ) async throws -> T {
        let begin = "BEGIN ISOLATION LEVEL \(isolation.rawValue)"
        try await link.run { $0.beginLater(begin) }
        let result: T
        do {
            result = try await body(Transaction(session: self, defersWrites: true))
            try await link.run { try $0.commit() }
        } catch {
            _ = try? await link.run { try $0.rollback() }
            throw error
        }
        return result
    }
}

public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

/// Statements inside a transaction; `savepoint` nests a part that can fail on its own.
public struct Transaction: PostgresQueryable {
    public let session: Session
    let depth: Int
    /// Inside BEGIN … COMMIT, `write` may wait for the next statement; without them each
    /// statement commits on its own and must be sent at once.
    let defersWrites: Bool

    init(session: Session, depth: Int = 0, defersWrites: Bool = false) {
        self.session = session
        self.depth = depth
        self.defersWrites = defersWrites
    }

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> QueryResult {
        try await session.query(sql, parameters)
    }

    /// A write whose outcome the caller does not look at (no rows, no count): in a
    /// transaction it is sent with the next statement or with COMMIT, in the same round trip,
    /// and a failure is thrown there, still inside the transaction, which then rolls back.
    public func write(_ sql: String, _ parameters: [any PostgresEncodable]) async throws {
        guard defersWrites else {
            try await session.execute(sql, parameters)
            return
        }
        let binds = parameters.map(\.postgresBind)
        try await session.link.run { $0.sendLater(sql, binds) }
    }

    public func copyIn(_ sql: String, _ produce: @escaping @Sendable (inout CopyWriter) throws -> Void) async throws -> Int {
        try await session.copyIn(sql, produce)
    }

    /// Runs `statements` in one round trip, within this transaction (see `Session.pipeline`).
    public func pipeline(_ statements: [Statement]) async throws -> [QueryResult] {
        try await session.pipeline(statements)
    }

    /// Runs `body` after a savepoint: when it throws, its work is rolled back to the
    /// savepoint and the error rethrown, while the enclosing transaction stays usable.
    @discardableResult
    public func savepoint<T>(_ body: (Transaction) async throws -> T) async throws -> T {
        let name = "arca_savepoint_\(depth + 1)"
        try await session.simpleQuery("SAVEPOINT \(name)")
        let result: T
        do {
            result = try await body(Transaction(session: session, depth: depth + 1, defersWrites: defersWrites))
            // The part's deferred writes travel with the release, and a refusal among them
            // fails the part, like any other of its statements.
            try await session.simpleQuery("RELEASE SAVEPOINT \(name)")
        } catch {
            // Writes of the failed part still deferred are dropped with it.
            _ = try? await session.link.run { connection in
                connection.discardDeferred()
                try connection.simpleQuery("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
        return result
    }
}
