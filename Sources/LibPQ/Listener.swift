import CLibPQ
import Foundation
import Logging
import Synchronization

/// A connection of its own that LISTENs on one channel and reports, on its own thread, each
/// notification and every change of its own state. It reconnects by itself after the server
/// restarts; while it is not listening, notifications may be missed, which is why it reports
/// `lost` and, once listening again, `listening`: whoever relies on it must assume anything
/// may have changed in between.
public final class Listener: Sendable {
    public enum Event: Sendable, Equatable {
        /// LISTEN is in place: from now on no notification on the channel is missed.
        case listening
        /// A notification arrived, with its payload.
        case notified(String)
        /// The connection broke: notifications may be missed until `listening` again.
        case lost
    }

    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// How long the thread waits for input before it checks whether it should stop.
    private static let wakeInterval: Int32 = 200
    /// How long the connection may stay silent before it is asked a `SELECT 1`, so that a
    /// connection that died without closing its socket is noticed.
    private static let quietLimit: Duration = .seconds(10)
    private static let reconnectDelay: Duration = .milliseconds(500)

    /// Starts listening on `channel` (a plain identifier) at once; `onEvent` runs on the
    /// listener's thread, so it must be quick and must not block.
    public init(conninfo: String, channel: String, logger: Logger, onEvent: @escaping @Sendable (Event) -> Void) {
        precondition(channel.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "a channel is a plain identifier")
        let thread = Thread { [self] in
            run(conninfo: conninfo, channel: channel, logger: logger, onEvent: onEvent)
            finished.signal()
        }
        thread.name = "arca.listen.\(channel)"
        thread.stackSize = 1 << 19
        thread.start()
    }

    /// Stops listening and waits for the connection to close.
    public func stop() async {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [finished] in
                finished.wait()
                continuation.resume()
            }
        }
    }

    private var shouldStop: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    private func run(conninfo: String, channel: String, logger: Logger, onEvent: @Sendable (Event) -> Void) {
        while !shouldStop {
            if let handle = listen(conninfo: conninfo, channel: channel, logger: logger) {
                onEvent(.listening)
                receive(on: handle, onEvent: onEvent)
                PQfinish(handle)
                if shouldStop { return }
                logger.warning("the connection listening on \(channel) broke; reconnecting")
                onEvent(.lost)
            }
            pause(Self.reconnectDelay)
        }
    }

    /// A connection that has run LISTEN, or nil when the server cannot be reached.
    private func listen(conninfo: String, channel: String, logger: Logger) -> OpaquePointer? {
        guard let handle = PQconnectdb(conninfo) else { return nil }
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

    /// Hands every notification to `onEvent` until the connection breaks or `stop` is called.
    private func receive(on handle: OpaquePointer, onEvent: @Sendable (Event) -> Void) {
        let clock = ContinuousClock()
        var lastHeard = clock.now
        while !shouldStop {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.wakeInterval)
            if ready < 0, errno == EINTR { continue }
            if ready > 0 {
                guard PQconsumeInput(handle) == 1 else { return }
                lastHeard = clock.now
                deliverNotifications(of: handle, to: onEvent)
            } else if clock.now - lastHeard > Self.quietLimit {
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

    private func pause(_ delay: Duration) {
        let clock = ContinuousClock()
        let end = clock.now + delay
        while !shouldStop, clock.now < end {
            usleep(20_000)
        }
    }
}
