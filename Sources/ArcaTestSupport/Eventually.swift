import Foundation

/// Waits until `condition` holds, checking every few milliseconds, for a minute at most (or
/// `limit`, when what is waited for has a deadline of its own): for a test that must know
/// another connection, thread or process reached a point before it goes on. Never a fixed
/// sleep: the wait ends as soon as the point is reached.
public func eventually(_ what: String, within limit: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitedInVain(what: what, limit: limit) }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// What a test waited for did not happen in time.
public struct WaitedInVain: Error, CustomStringConvertible {
    public let what: String
    public let limit: Duration

    public var description: String { "waited \(limit.components.seconds) s in vain for: \(what)" }
}
