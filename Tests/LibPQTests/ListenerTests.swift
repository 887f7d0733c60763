import ArcaTestSupport
import Foundation
import LibPQ
import Synchronization
import Testing

/// What a listener reported, in order, and a way to wait for the next report.
final class HeardEvents: Sendable {
    private let events = Mutex<[Listener.Event]>([])

    func record(_ event: Listener.Event) {
        events.withLock { $0.append(event) }
    }

    var all: [Listener.Event] { events.withLock { $0 } }

    /// Waits (a minute at most) until the reports satisfy `condition`.
    func await(_ what: String, _ condition: ([Listener.Event]) -> Bool) async throws {
        try await eventually(what) { condition(all) }
    }
}

@Suite("LibPQ: listening for notifications")
struct ListenerTests {
    static func count(_ table: String, in db: FreshDatabase) async throws -> Int {
        try await db.pool.query("SELECT count(*) FROM \(table)")[0].decode(Int.self, 0)
    }

    @Test(.timeLimit(.minutes(10)))
    func aNotificationCommittedOnAnotherConnectionIsHeardWithItsPayload() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            // given a listener on the channel
            let heard = HeardEvents()
            let listener = db.pool.listen(on: "deadlines", onEvent: heard.record)
            try await heard.await("listening") { $0 == [.listening] }
            // when another connection notifies in a transaction that commits
            try await db.pool.transaction { try await $0.execute("SELECT pg_notify('deadlines', 'NL-2026-7')") }
            // then the listener hears it, once
            try await heard.await("heard the notification") { $0 == [.listening, .notified("NL-2026-7")] }
            await listener.stop()
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aNotificationRolledBackIsNeverHeard() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let heard = HeardEvents()
            let listener = db.pool.listen(on: "deadlines", onEvent: heard.record)
            try await heard.await("listening") { $0 == [.listening] }
            // given a notification in a transaction that fails, then one that commits
            await #expect(throws: PostgresError.self) {
                try await db.pool.transaction { transaction in
                    try await transaction.execute("SELECT pg_notify('deadlines', 'rolled back')")
                    try await transaction.execute("SELECT 1 / 0")
                }
            }
            try await db.pool.execute("SELECT pg_notify('deadlines', 'committed')")
            // then only the committed one is heard
            try await heard.await("heard the committed notification") { $0.contains(.notified("committed")) }
            #expect(heard.all == [.listening, .notified("committed")])
            await listener.stop()
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aListenerWhoseConnectionIsKilledSaysSoAndListensAgain() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let heard = HeardEvents()
            let listener = db.pool.listen(on: "deadlines", onEvent: heard.record)
            try await heard.await("listening") { $0 == [.listening] }
            // when the server ends the listener's connection
            let ended = try await db.pool.query(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN deadlines'")
            #expect(try ended[0].decode(Int.self, 0) == 1)
            // then it reports the loss, reconnects, and hears what is notified afterwards
            try await heard.await("listening again") { $0 == [.listening, .lost, .listening] }
            try await db.pool.execute("SELECT pg_notify('deadlines', 'after the reconnection')")
            try await heard.await("heard after reconnecting") { $0.last == .notified("after the reconnection") }
            await listener.stop()
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aListenerReportsListeningOnlyOnceItsConfirmationHolds() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            // given a confirmation that answers false, and counts how often it was asked
            try await db.pool.execute("CREATE TABLE announcing (ready boolean NOT NULL)")
            try await db.pool.execute("INSERT INTO announcing VALUES (false)")
            try await db.pool.execute("CREATE TABLE asked (at timestamptz NOT NULL DEFAULT now())")
            try await db.pool.execute(
                "CREATE FUNCTION announcing_yet() RETURNS boolean LANGUAGE sql AS 'INSERT INTO asked DEFAULT VALUES; SELECT ready FROM announcing'")
            let heard = HeardEvents()
            let listener = db.pool.listen(on: "deadlines", confirming: "SELECT announcing_yet()", onEvent: heard.record)
            // when it has been asked, and said no
            // (A loop rather than `eventually`: Swift 6.3 crashes compiling that closure here.)
            var asked = 0
            while asked == 0 {
                asked = try await Self.count("asked", in: db)
                if asked == 0 { try await Task.sleep(for: .milliseconds(5)) }
            }
            // then nothing is reported; once it holds, listening is
            #expect(heard.all.isEmpty)
            try await db.pool.execute("UPDATE announcing SET ready = true")
            try await heard.await("listening once confirmed") { $0 == [.listening] }
            await listener.stop()
            await listener.stop()
        }
    }
}
