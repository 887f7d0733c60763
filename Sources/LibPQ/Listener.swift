import CLibPQ
import Foundation
import Logging
import Synchronization

/// A connection of its own that LISTENs on one channel and reports, on its own thread, each
/// notification and every change of its own state. It reconnects by itself after the server
/// restarts; while it is not listening, notifications may be missed, which is why it reports
/// `lost` and, once listening again, `listening`: whoever relies on it must assume anything
/// may have changed in between. A connection that dies without closing (a cable pulled) is
/// noticed within about 15 s: TCP keepalives, a user timeout, and a `SELECT 1` when quiet.
public final class Listener: Sendable {
    public enum Event: Sendable, Equatable {
        /// LISTEN is in place: from now on no notification on the channel is missed.
        case listening
        /// A notification arrived, with its payload.
        case notified(String)
        /// The connection broke: notifications may be missed until `listening` again.
        case lost
    }

    private struct State {
        var stopping = false
        var ended = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    /// Written to by `stop`, so that the thread wakes at once from its wait for input.
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// How long the connection may stay silent before it is asked a `SELECT 1`.
    private static let quietLimit: Duration = .seconds(10)
    private static let reconnectDelay: Duration = .milliseconds(500)
    /// How long to wait before checking again that what is listened to is announced at all.
    private static let unconfirmedDelay: Duration = .seconds(5)
    /// Bounds on a connection that stops answering: connecting, idle (keepalives) and
    /// sending (user timeout, milliseconds).
    private static let connectionLimits = [
        ("connect_timeout", "5"), ("keepalives", "1"), ("keepalives_idle", "5"), ("keepalives_interval", "2"),
        ("keepalives_count", "3"), ("tcp_user_timeout", "10000"),
    ]

    /// Starts listening on `channel` (a plain identifier) at once. `confirming`, when given, is
    /// a query that must answer true before `listening` is reported (say, that the triggers
    /// which notify exist); until it does, the listener reports nothing and asks again every
    /// few seconds. `onEvent` runs on the listener's thread, so it must be quick and not block.
    public init(
        conninfo: String, channel: String, confirming: String? = nil, logger: Logger, onEvent: @escaping @Sendable (Event) -> Void
    ) {
        precondition(channel.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "a channel is a plain identifier")
        var descriptors: [Int32] = [0, 0]
        precondition(pipe(&descriptors) == 0, "a listener needs a pipe to be woken")
        wakeRead = descriptors[0]
        wakeWrite = descriptors[1]
        let thread = Thread { [self] in
            run(conninfo: conninfo, channel: channel, confirming: confirming, logger: logger, onEvent: onEvent)
            let waiters = state.withLock { state in
                state.ended = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.name = "arca.listen.\(channel)"
        thread.stackSize = 1 << 19
        thread.start()
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Stops listening and waits until the connection is closed.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ended = state.withLock { state in
                state.stopping = true
                if !state.ended { state.waiters.append(continuation) }
                return state.ended
            }
            if ended { continuation.resume() }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    private var shouldStop: Bool { state.withLock { $0.stopping } }

    private func run(conninfo: String, channel: String, confirming: String?, logger: Logger, onEvent: @Sendable (Event) -> Void) {
        var warnedUnconfirmed = false
        while !shouldStop {
            guard let handle = listen(conninfo: conninfo, channel: channel, logger: logger) else {
                pause(Self.reconnectDelay)
                continue
            }
            if let confirming, !Self.answersTrue(handle, confirming) {
                if !warnedUnconfirmed { logger.warning("nothing announces changes on \(channel) yet (\(confirming)); checking again") }
                warnedUnconfirmed = true
                PQfinish(handle)
                pause(Self.unconfirmedDelay)
                continue
            }
            onEvent(.listening)
            receive(on: handle, onEvent: onEvent)
            PQfinish(handle)
            if shouldStop { return }
            logger.warning("the connection listening on \(channel) broke; reconnecting")
            onEvent(.lost)
            pause(Self.reconnectDelay)
        }
    }

    /// A connection that has run LISTEN, or nil when the server cannot be reached.
    private func listen(conninfo: String, channel: String, logger: Logger) -> OpaquePointer? {
        // The given conninfo (a URL or key=value pairs) is expanded first; the limits follow it.
        let keys = ["dbname"] + Self.connectionLimits.map(\.0)
        let values = [conninfo] + Self.connectionLimits.map(\.1)
        let handle = Self.withCStrings(keys) { keys in Self.withCStrings(values) { values in PQconnectdbParams(keys, values, 1) } }
        guard let handle else { return nil }
        guard PQstatus(handle) == CONNECTION_OK else {
            logger.debug("cannot listen on \(channel) yet: \(PostgresError.oneLine(String(cString: PQerrorMessage(handle))))")
            PQfinish(handle)
            return nil
        }
        let result = PQexec(handle, "LISTEN \(channel)")
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            logger.warning("LISTEN \(channel) failed: \(PostgresError.oneLine(String(cString: PQerrorMessage(handle))))")
            PQfinish(handle)
            return nil
        }
        return handle
    }

    private static func answersTrue(_ handle: OpaquePointer, _ query: String) -> Bool {
        let result = PQexec(handle, query)
        defer { PQclear(result) }
        return PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1 && String(cString: PQgetvalue(result, 0, 0)) == "t"
    }

    /// A null-terminated array of C strings, alive for the duration of `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Hands every notification to `onEvent` until the connection breaks or `stop` is called.
    private func receive(on handle: OpaquePointer, onEvent: @Sendable (Event) -> Void) {
        let clock = ContinuousClock()
        var lastHeard = clock.now
        while !shouldStop {
            var descriptors = [pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, Int32(Self.quietLimit.components.seconds * 1000))
            if ready < 0, errno == EINTR { continue }
            if descriptors[1].revents != 0 { return }
            if descriptors[0].revents != 0 {
                guard PQconsumeInput(handle) == 1 else { return }
                lastHeard = clock.now
                deliverNotifications(of: handle, to: onEvent)
            } else if clock.now - lastHeard >= Self.quietLimit {
                let result = PQexec(handle, "SELECT 1")
                let alive = PQresultStatus(result) == PGRES_TUPLES_OK
                PQclear(result)
                guard alive else { return }
                lastHeard = clock.now
                // The answer may have brought notifications with it.
                deliverNotifications(of: handle, to: onEvent)
            }
            guard PQstatus(handle) == CONNECTION_OK else { return }
        }
    }

    private func deliverNotifications(of handle: OpaquePointer, to onEvent: @Sendable (Event) -> Void) {
        while let notification = PQnotifies(handle) {
            let payload = String(cString: notification.pointee.extra)
            PQfreemem(notification)
            onEvent(.notified(payload))
        }
    }

    /// Waits `delay`, or until `stop` is called.
    private func pause(_ delay: Duration) {
        var wake = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)
        _ = poll(&wake, 1, milliseconds)
    }
}
