import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import ArcaPersistence
import Foundation
import Testing

/// An Idempotency-Key makes a request safe to send again: its answer is remembered with the
/// change, in one transaction, for a retention period.
@Suite("Idempotency keys: one change per key, remembered with it")
struct IdempotencyTests {
    static let created = RememberedResponse(status: 201, headers: ["Location": "/v1/cases/x"], body: #"{"id":"x"}"#)

    /// Creates the Meltwater case inside `carryOut`, as the API's POST /v1/cases does.
    func createCase(_ world: TestWorld, key: String, body: String = #"{"title":"Meltwater"}"#, by caller: Caller? = nil, answer: RememberedResponse = created)
        async throws -> IdempotencyKeys.Outcome
    {
        try await world.useCases.idempotencyKeys.carryOut(
            key: key, method: "POST", path: "/v1/cases", body: Data(body.utf8), by: caller ?? world.officer
        ) {
            _ = try await world.openCase()
            return answer
        }
    }

    @Test func aRetryGetsTheFirstAnswerAndChangesNothing() async throws {
        try await TestWorld.with { (world) async throws in
            let first = try await createCase(world, key: "meltwater-2026-03-14")
            let retry = try await createCase(world, key: "meltwater-2026-03-14")
            #expect(first == .carriedOut(Self.created))
            #expect(retry == .replayed(Self.created))
            #expect(try await world.count("SELECT count(*) FROM case_file") == 1)
        }
    }

    @Test func aChangeWhoseAnswerCannotBeRememberedIsNotCommitted() async throws {
        try await TestWorld.with { (world) async throws in
            // Status 0 breaks the record's CHECK: remembering fails after the case was written.
            let unrememberable = RememberedResponse(status: 0, headers: [:], body: "")
            await #expect(throws: ConstraintViolation.self) {
                try await createCase(world, key: "meltwater-2026-03-14", answer: unrememberable)
            }
            #expect(try await world.count("SELECT count(*) FROM case_file") == 0)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'CreateCase'") == 0)
        }
    }

    @Test func aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() async throws {
        try await TestWorld.with { (world) async throws in
            await #expect(throws: UseCaseError.invalid("title", "required", "title is required")) {
                try await world.useCases.idempotencyKeys.carryOut(
                    key: "meltwater-2026-03-14", method: "POST", path: "/v1/cases", body: Data("{}".utf8), by: world.officer
                ) {
                    _ = try await world.useCases.createCase(NewCase(title: nil, offences: ["fraud"], openedOn: "2026-03-14"), by: world.officer)
                    return Self.created
                }
            }
            #expect(try await createCase(world, key: "meltwater-2026-03-14") == .carriedOut(Self.created))
        }
    }

    @Test func aKeyReusedForAnotherRequestIsRefused() async throws {
        try await TestWorld.with { (world) async throws in
            _ = try await createCase(world, key: "meltwater-2026-03-14")
            await #expect(throws: UseCaseError.keyReused) {
                try await createCase(world, key: "meltwater-2026-03-14", body: #"{"title":"Other"}"#)
            }
            #expect(try await world.count("SELECT count(*) FROM case_file") == 1)
        }
    }

    @Test func keysBelongToTheirUser() async throws {
        try await TestWorld.with { (world) async throws in
            _ = try await createCase(world, key: "meltwater-2026-03-14", by: world.officer)
            let other = try await createCase(world, key: "meltwater-2026-03-14", by: world.liaison)
            #expect(other == .carriedOut(Self.created))
            #expect(try await world.count("SELECT count(*) FROM case_file") == 2)
        }
    }

    @Test func aKeyOfTwoHundredVisibleCharactersIsTaken() async throws {
        try await TestWorld.with { (world) async throws in
            #expect(try await createCase(world, key: String(repeating: "~", count: 200)) == .carriedOut(Self.created))
        }
    }

    @Test(arguments: ["", String(repeating: "k", count: 201), "two words", "clé-2026", "tab\tkey"])
    func aKeyIsOneToTwoHundredVisibleASCIICharacters(_ key: String) async throws {
        try await TestWorld.with { (world) async throws in
            await #expect(
                throws: UseCaseError.invalid("Idempotency-Key", "idempotency-key", "an idempotency key has 1 to 200 visible ASCII characters")
            ) {
                try await createCase(world, key: key)
            }
            #expect(try await world.count("SELECT count(*) FROM case_file") == 0)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func aRetryWhileTheFirstIsStillRunningIsAConflictAndChangesNothing() async throws {
        try await TestWorld.with { (world) async throws in
            let (started, startedSignal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let first = Task {
                try await world.useCases.idempotencyKeys.carryOut(
                    key: "meltwater-2026-03-14", method: "POST", path: "/v1/cases", body: Data(), by: world.officer
                ) {
                    _ = try await world.openCase()
                    startedSignal.yield()
                    for await _ in release { break }
                    return Self.created
                }
            }
            for await _ in started { break }
            await #expect(
                throws: UseCaseError.conflict("the first request under idempotency key meltwater-2026-03-14 is still being answered; retry shortly")
            ) {
                try await world.useCases.idempotencyKeys.carryOut(
                    key: "meltwater-2026-03-14", method: "POST", path: "/v1/cases", body: Data(), by: world.officer
                ) {
                    _ = try await world.openCase()
                    return Self.created
                }
            }
            releaseSignal.yield()
            #expect(try await first.value == .carriedOut(Self.created))
            #expect(try await world.count("SELECT count(*) FROM case_file") == 1)
        }
    }

    @Test func anAnswerIsForgottenAfterTheRetentionPeriod() async throws {
        let clock = TestClock()
        try await TestWorld.with(clock: clock) { (world) async throws in
            _ = try await createCase(world, key: "meltwater-2026-03-14")
            clock.advance(hours: 23.9)
            #expect(try await createCase(world, key: "meltwater-2026-03-14") == .replayed(Self.created))
            clock.advance(hours: 0.2)
            // Past 24 hours the key is free again, and the old answer is deleted.
            let afresh = try await createCase(world, key: "meltwater-2026-03-14", body: #"{"title":"Next year"}"#)
            #expect(afresh == .carriedOut(Self.created))
            #expect(try await world.count("SELECT count(*) FROM case_file") == 2)
            _ = try await createCase(world, key: "another-key")
            clock.advance(hours: 25)
            _ = try await createCase(world, key: "a-third-key")
            #expect(try await world.count("SELECT count(*) FROM idempotency_record") == 1)
        }
    }
}
