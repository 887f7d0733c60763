import Foundation
import Synchronization

/// Failed sign-ins by client address, kept in this server's memory: an address that failed
/// `allowed` times within `window` is refused, without its token being looked at, until its
/// oldest failure in the window is `window` old (HTTP 429 with Retry-After). Guessing tokens
/// is thus slowed to a crawl; a user who mistyped waits a minute at most. Each server counts
/// its own clients.
public final class SignInAttempts: Sendable {
    public static let allowed = 10
    public static let window: Duration = .seconds(60)
    /// Addresses followed at most; past that the oldest record starts again empty.
    static let capacity = 50_000

    private let allowed: Int
    private let window: Duration
    private let clock = ContinuousClock()
    private let failures = Mutex<[String: [ContinuousClock.Instant]]>([:])

    public init(allowed: Int = SignInAttempts.allowed, window: Duration = SignInAttempts.window) {
        self.allowed = allowed
        self.window = window
    }

    /// Refuses an address that failed too often lately, saying when to come back.
    func check(_ client: String?) throws(UseCaseError) {
        guard let client else { return }
        let now = clock.now
        let wait: Duration? = failures.withLock { failures in
            let recent = (failures[client] ?? []).filter { now - $0 < window }
            failures[client] = recent.isEmpty ? nil : recent
            guard recent.count >= allowed, let oldest = recent.first else { return nil }
            return window - (now - oldest)
        }
        if let wait {
            let seconds = max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
            throw .throttled(retryAfterSeconds: seconds)
        }
    }

    /// Counts a failed sign-in from `client`.
    func failed(_ client: String?) {
        guard let client else { return }
        let now = clock.now
        failures.withLock { failures in
            if failures.count >= Self.capacity, failures[client] == nil { failures.removeAll() }
            failures[client, default: []].append(now)
            if failures[client]!.count > allowed { failures[client]!.removeFirst() }
        }
    }
}
