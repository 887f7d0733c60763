import ArcaApplication
import ArcaPersistence
import ArcaTestSupport
import Testing

@Suite("Use case: check readiness")
struct CheckReadinessTests {
    @Test func readyWhenTheDatabaseAnswers() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = await CheckReadiness(database: Database(pool: db.pool))()
            #expect(outcome == .ready)
        }
    }

    @Test func unavailableWithTheReasonWhenTheDatabaseDoesNotAnswer() async throws {
        let url = "postgresql://arca@127.0.0.1:\(TestDatabase.freePort())/arca?connect_timeout=2"
        let database = Database(url: url, poolSize: 1, logger: TestDatabase.quietLogger)
        let outcome = await CheckReadiness(database: database)()
        guard case .databaseUnavailable(let reason) = outcome else {
            Issue.record("expected unavailable, got \(outcome)")
            return
        }
        #expect(reason.contains("127.0.0.1"))
        await database.close()
    }
}
