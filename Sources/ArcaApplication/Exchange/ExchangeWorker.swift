import ArcaPersistence
import Foundation
import Synchronization

/// The outbox worker `arca serve` runs: it delivers what is due, then sleeps until a message
/// is written (LISTEN/NOTIFY) or the next retry is due, never polling in a tight loop.
public struct ExchangeWorker: Sendable {
    let database: Database
    let deliver: DeliverMessages
    /// Where the worker says what it did and what went wrong (the server's log).
    let report: @Sendable (_ message: String, _ isProblem: Bool) -> Void
    /// The longest sleep: a notification missed while the database was away costs at most this.
    static let longestSleep: TimeInterval = 30

    public init(database: Database, courier: any Courier, report: @escaping @Sendable (_ message: String, _ isProblem: Bool) -> Void) {
        self.database = database
        self.deliver = DeliverMessages(database: database, courier: courier)
        self.report = report
    }

    /// Runs until the task is cancelled.
    public func run() async {
        let bell = Doorbell()
        let watch = database.watchOutbox { bell.ring() }
        while !Task.isCancelled {
            var sleep = Self.longestSleep
            do {
                let round = try await deliver()
                if round.delivered + round.refused + round.failed > 0 {
                    report("exchange: delivered \(round.delivered), refused \(round.refused), to retry \(round.failed)", false)
                }
                if let next = round.nextDue { sleep = min(max(next.timeIntervalSinceNow, 0), Self.longestSleep) }
            } catch {
                report("exchange: the outbox could not be read: \(error)", true)
                sleep = 5
            }
            if sleep > 0 { await bell.wait(upTo: sleep) }
        }
        await watch.stop()
    }
}

/// Wakes one waiter: at once if it was rung since the last wait, else when rung or when the
/// time is up.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    func wait(upTo seconds: TimeInterval) async {
        let timer = Task { [self] in
            guard (try? await Task.sleep(for: .seconds(seconds))) != nil else { return }
            ring()
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            ring()
        }
        timer.cancel()
        state.withLock { $0.rung = false }
    }
}
