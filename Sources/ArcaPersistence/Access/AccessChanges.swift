import LibPQ

/// What the database announces about tokens, users and offices (migration 0013).
public enum AccessChange: Sendable, Equatable {
    /// Announcements are heard from now on.
    case watching
    /// Something a token grants may have changed: a token, a user or an office was changed.
    case changed
    /// Announcements may be missed until `watching` again.
    case unwatched
}

/// A running watch on access changes; `stop` ends it.
public struct AccessWatch: Sendable {
    let listener: Listener

    public func stop() async {
        await listener.stop()
    }
}

extension Database {
    /// The channel migration 0013's triggers announce access changes on.
    static let accessChannel = "arca_access"

    /// Reports every access change on a connection of its own, from now until `stop`. Until
    /// migration 0013's triggers are there (a server started before `arca migrate`), nothing
    /// announces a change, so the watch does not report `watching` before it finds them.
    public func watchAccessChanges(_ onChange: @escaping @Sendable (AccessChange) -> Void) -> AccessWatch {
        AccessWatch(
            listener: pool.listen(
                on: Self.accessChannel,
                confirming: """
                    SELECT count(*) = 3 FROM pg_trigger
                    WHERE tgname IN ('api_token_access_changed', 'app_user_access_changed', 'office_access_changed')
                    """
            ) { event in
                switch event {
                case .listening: onChange(.watching)
                case .notified: onChange(.changed)
                case .lost: onChange(.unwatched)
                }
            })
    }
}
