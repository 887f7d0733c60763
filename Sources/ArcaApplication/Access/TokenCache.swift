import ArcaPersistence
import Foundation
import Synchronization

/// Who holds which token, kept in memory for a short while so that a request's token check
/// costs no round trip to the database. It is trusted only while the database's
/// announcements of access changes are heard (`Database.watchAccessChanges`): each one
/// empties it at once, and while they are not heard it keeps nothing. A lookup that started
/// before an announcement is not kept after it (`Ticket`), so a revoked token is never
/// remembered as valid.
public final class TokenCache: Sendable {
    /// How long a token is trusted without asking the database again, at most.
    public static let defaultLifetime: Duration = .seconds(60)
    /// Tokens kept at most; past that the cache starts again empty.
    static let capacity = 10_000

    private let lifetime: Duration
    private let clock = ContinuousClock()
    private let state = Mutex(State())

    private struct State {
        var trusted = false
        var generation: UInt64 = 0
        var callers: [String: (caller: Caller, until: ContinuousClock.Instant)] = [:]

        mutating func forget(trusted: Bool) {
            self.trusted = trusted
            generation &+= 1
            callers.removeAll()
        }
    }

    /// A lookup in progress: what it finds is kept only if nothing changed since it began.
    struct Ticket {
        let generation: UInt64
    }

    public init(lifetime: Duration = TokenCache.defaultLifetime) {
        self.lifetime = lifetime
    }

    /// Keeps the cache in step with `database` until the watch is stopped.
    public func watch(_ database: Database) -> AccessWatch {
        database.watchAccessChanges { [self] change in hear(change) }
    }

    func hear(_ change: AccessChange) {
        state.withLock { $0.forget(trusted: change != .unwatched) }
    }

    /// Forgets every token now: for a change made in this process, which need not wait for
    /// the database's announcement to come back.
    public func forgetAll() {
        state.withLock { $0.forget(trusted: $0.trusted) }
    }

    /// Whether announcements are heard, so that the cache keeps anything.
    var isTrusted: Bool { state.withLock { $0.trusted } }

    /// How many times the cache was emptied: lets a test see that an announcement arrived.
    var generation: UInt64 { state.withLock { $0.generation } }

    func caller(for tokenHash: String) -> Caller? {
        let now = clock.now
        return state.withLock { state in
            guard state.trusted, let kept = state.callers[tokenHash], kept.until > now else { return nil }
            return kept.caller
        }
    }

    /// Nil while announcements are not heard: then nothing found may be kept.
    func ticket() -> Ticket? {
        state.withLock { $0.trusted ? Ticket(generation: $0.generation) : nil }
    }

    /// Keeps `caller` for the cache's lifetime, or until the token expires if that is sooner.
    func keep(_ caller: Caller, for tokenHash: String, ticket: Ticket, expiresIn remaining: TimeInterval) {
        let until = clock.now + min(lifetime, .milliseconds(Int64(max(0, remaining) * 1000)))
        state.withLock { state in
            guard state.trusted, state.generation == ticket.generation else { return }
            if state.callers.count >= Self.capacity { state.callers.removeAll() }
            state.callers[tokenHash] = (caller, until)
        }
    }
}
