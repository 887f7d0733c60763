import LibPQ

/// A running watch on the outbox; `stop` ends it.
public struct OutboxWatch: Sendable {
    let listener: Listener

    public func stop() async {
        await listener.stop()
    }
}

extension Database {
    /// Calls `onWake` whenever a message is written to the outbox (migration 0019's trigger),
    /// and whenever the watch (re)starts listening, since a message may have been written
    /// while it was not: on a connection of its own, until `stop`.
    public func watchOutbox(_ onWake: @escaping @Sendable () -> Void) -> OutboxWatch {
        OutboxWatch(
            listener: pool.listen(
                on: "arca_outbox", confirming: "SELECT count(*) = 1 FROM pg_trigger WHERE tgname = 'exchange_outbox_announced'"
            ) { event in
                switch event {
                case .listening, .notified: onWake()
                case .lost: break
                }
            })
    }
}
