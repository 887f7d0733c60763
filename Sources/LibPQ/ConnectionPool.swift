import Foundation
import Logging
import Synchronization

/// A fixed-size pool of libpq connections, each served on its own thread. Connections are
/// opened on demand up to `size`; callers beyond that wait in arrival order, for at most
/// `acquireTimeout`, and stop waiting when their task is cancelled. A connection found
/// broken is discarded and replaced, so a server restart costs no process restart.
public final class ConnectionPool: PostgresQueryable {
    public let size: Int
    public let acquireTimeout: Duration
    private let conninfo: String
    private let logger: Logger
    private let state: Mutex<State>
    private let trips = RoundTrips()

    private enum Grant {
        case link(Link)
        case openNew
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Grant, any Error>
    }

    private struct State {
        var idle: [Link] = []
        var open = 0
        var waiters: [Waiter] = []
        var nextWaiter: UInt64 = 0
        var closed = false
        /// Connections open beside the pool (`transactionOnOwnConnection`).
        var own = 0
    }

    /// - Parameters:
    ///   - conninfo: a `postgresql://` URL or a libpq `key=value` string.
    ///   - size: the most connections open at once.
    ///   - acquireTimeout: how long a caller waits for a connection when all are in use.
    public init(
        conninfo: String, size: Int = 4, acquireTimeout: Duration = .seconds(10), logger: Logger = Logger(label: "arca.libpq")
    ) {
        precondition(size > 0, "a pool needs at least one connection")
        self.conninfo = conninfo
        self.size = size
        self.acquireTimeout = acquireTimeout
        self.logger = logger
        self.state = Mutex(State())
    }

    /// How many callers are waiting for a connection right now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// How many of the pool's connections are lent out right now.
    public var inUse: Int { state.withLock { $0.open - $0.idle.count } }

    /// How many times the pool's connections (its own and those opened beside it) have waited
    /// for the server's answer since the pool was made: each statement sent alone, each
    /// pipeline (with the preparations it carries), each preparation of a statement sent alone
    /// and new to its connection, and the session settings of each new connection (not its
    /// login). What a use case costs the database in latency is counted in these.
    public var roundTrips: Int { trips.value }

    /// Lends one connection to `body` for its whole duration.
    public func withSession<T>(_ body: (Session) async throws -> T) async throws -> T {
        let link = try await acquire()
        let result: T
        do {
            result = try await withTaskExecutorPreference(link.executor) {
                try await body(Session(link: link))
            }
        } catch {
            await release(link)
            throw error
        }
        await release(link)
        return result
    }

    /// Runs `body` in a transaction on a connection of its own, opened for it beside the
    /// pool's and closed after: for work that holds a pooled connection and needs more at the
    /// same time, which waiting for the pool could deadlock.
    /// At most as many are open beside the pool as in it; past that, a caller waits for one to
    /// close (its holders wait for nothing else), up to `acquireTimeout`.
    @discardableResult
    public func transactionOnOwnConnection<T>(isolation: IsolationLevel = .readCommitted, _ body: (Transaction) async throws -> T) async throws -> T {
        try await reserveOwnConnection()
        defer { state.withLock { $0.own -= 1 } }
        let link = try await Link.open(conninfo: conninfo, logger: logger, roundTrips: trips)
        let result: T
        do {
            result = try await withTaskExecutorPreference(link.executor) {
                try await Session(link: link).transaction(isolation: isolation, body)
            }
        } catch {
            await link.close()
            throw error
        }
        await link.close()
        return result
    }

    private func reserveOwnConnection() async throws {
        let deadline = ContinuousClock.now + acquireTimeout
        while true {
            let reserved: Bool = try state.withLock { state in
                if state.closed { throw Self.closedError }
                guard state.own < size else { return false }
                state.own += 1
                return true
            }
            if reserved { return }
            guard ContinuousClock.now < deadline else {
                throw PostgresError(
                    kind: .poolTimeout, message: "no connection of its own came free within \(acquireTimeout.components.seconds) s: \(size) are open")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    public func query(_ sql: String, _ parameters: [any PostgresEncodable]) async throws -> QueryResult {
        try await withSession { try await $0.query(sql, parameters) }
    }

    /// Runs `body` in a transaction on one connection: commit on return, rollback on throw.
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel = .readCommitted, _ body: (Transaction) async throws -> T
    ) async throws -> T {
        try await withSession { try await $0.transaction(isolation: isolation, body) }
    }

    /// Lends a connection to `body` with no transaction begun: each statement commits on its
    /// own, and a pipeline runs as one implicit transaction. For work that is one statement or
    /// one pipeline, whose BEGIN and COMMIT would triple its round trips; `savepoint` has no
    /// transaction to nest in here.
    public func withoutTransaction<T>(_ body: (Transaction) async throws -> T) async throws -> T {
        try await withSession { try await body(Transaction(session: $0)) }
    }

    /// Starts a `Listener` on the pool's server, on a connection outside the pool.
    public func listen(
        on channel: String, confirming: String? = nil, onEvent: @escaping @Sendable (Listener.Event) -> Void
    ) -> Listener {
        Listener(conninfo: conninfo, channel: channel, confirming: confirming, logger: logger, onEvent: onEvent)
    }

    /// Refuses new work, fails the waiters, and closes idle connections; connections in use
    /// close when they come back.
    public func close() async {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            state.open -= state.idle.count
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: Self.closedError) }
        for link in idle { await link.close() }
    }

    private static let closedError = PostgresError(kind: .poolClosed, message: "the connection pool is closed")

    private func acquire() async throws -> Link {
        enum Step {
            case use(Link)
            case openNew
            case wait
        }
        let step: Step = try state.withLock { state in
            if state.closed { throw Self.closedError }
            if let link = state.idle.popLast() { return .use(link) }
            if state.open < size {
                state.open += 1
                return .openNew
            }
            return .wait
        }
        switch step {
        case .use(let link):
            return link
        case .openNew:
            return try await openLink()
        case .wait:
            let id = state.withLock { state in
                state.nextWaiter += 1
                return state.nextWaiter
            }
            let timeout = Task { [weak self, acquireTimeout] in
                try await Task.sleep(for: acquireTimeout)
                self?.stopWaiting(
                    id,
                    PostgresError(
                        kind: .poolTimeout,
                        message: "no database connection came free within \(acquireTimeout.components.seconds) s: all \(self?.size ?? 0) are busy"))
            }
            defer { timeout.cancel() }
            let grant = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let refusal: (any Error)? = state.withLock { state in
                        if state.closed { return Self.closedError }
                        if Task.isCancelled { return CancellationError() }
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                        return nil
                    }
                    if let refusal { continuation.resume(throwing: refusal) }
                }
            } onCancel: {
                stopWaiting(id, CancellationError())
            }
            switch grant {
            case .link(let link): return link
            case .openNew: return try await openLink()
            }
        }
    }

    /// Takes a caller out of the queue, if it is still waiting, and fails its wait.
    private func stopWaiting(_ id: UInt64, _ error: any Error) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(throwing: error)
    }

    /// Opens a connection for a slot already counted in `open`; gives the slot back on failure.
    private func openLink() async throws -> Link {
        do {
            return try await Link.open(conninfo: conninfo, logger: logger, roundTrips: trips)
        } catch {
            freeSlot()
            throw error
        }
    }

    private func release(_ link: Link) async {
        guard await link.recycle() else {
            logger.debug("discarding a broken connection")
            await link.close()
            freeSlot()
            return
        }
        let waiter: Waiter? = state.withLock { state in
            if state.closed { return nil }
            if state.waiters.isEmpty {
                state.idle.append(link)
                return nil
            }
            return state.waiters.removeFirst()
        }
        if let waiter {
            waiter.continuation.resume(returning: .link(link))
        } else if state.withLock({ $0.closed }) {
            await link.close()
            state.withLock { $0.open -= 1 }
        }
    }

    /// A connection went away: the first waiter, if any, may open a new one in its place.
    private func freeSlot() {
        let waiter: Waiter? = state.withLock { state in
            if !state.closed, !state.waiters.isEmpty {
                return state.waiters.removeFirst()
            }
            state.open -= 1
            return nil
        }
        waiter?.continuation.resume(returning: .openNew)
    }
}
