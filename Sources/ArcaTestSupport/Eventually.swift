import Foundation

/// Waits until `condition` holds, checking every few milliseconds, for a minute at most: for a
/// test that must know another connection, thread or process reached a point before it goes
/// on. Never a fixed sleep: the wait ends as soon as the point is reached.
public func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitedInVain(what: what) }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// What a test waited for did not happen within a minute.
public struct WaitedInVain: Error, CustomStringConvertible {
    public let what: String

    public var description: String { "waited a minute in vain for: \(what)" }
}
