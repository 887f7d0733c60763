import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// A fresh database with the Belgian ARO registered, and the use cases on it.
func withOffice(_ body: (UseCases, Database, FreshDatabase) async throws -> Void) async throws {
    try await TestDatabase.withFresh { db in
        let database = Database(pool: db.pool)
        let useCases = UseCases(database: database, clock: TestClock().now)
        _ = try await useCases.addOffice(
            code: "BE-ARO", memberState: "BE", referencePrefix: nil, name: "Belgian Asset Recovery Office",
            by: .commandLine())
        try await body(useCases, database, db)
    }
}

func auditTrail(_ database: Database, entity: String, id: String) async throws -> [AuditEntry] {
    try await database.transaction { try await $0.audit.entries(entity: entity, id: id) }
}

@Suite("Use cases: offices, users and tokens")
struct AccessTests {
    @Test func anIssuedTokenAuthenticatesItsUser() async throws {
        try await withOffice { useCases, _, _ in
            // given an officer with a token
            let user = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            let token = try await useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            // when the token is presented
            let caller = try await useCases.authenticate(token: token.secret)
            // then it is that officer, in that office
            #expect(caller.userID == user.id)
            #expect(caller.role == .officer)
            #expect(caller.office?.value == "BE-ARO")
        }
    }

    @Test func aRevokedTokenNoLongerAuthenticates() async throws {
        try await withOffice { useCases, _, _ in
            _ = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            let token = try await useCases.issueToken(userName: "j.peeters", label: nil, by: .commandLine())
            let revoked = try await useCases.revokeTokens(userName: "j.peeters", tokenID: token.id, by: .commandLine())
            #expect(revoked == 1)
            await #expect(throws: UseCaseError.unauthenticated) { try await useCases.authenticate(token: token.secret) }
        }
    }

    @Test(arguments: ["", "Bearer", "arca_" + String(repeating: "0", count: 64), "garbage"])
    func anUnknownTokenIsUnauthenticated(_ token: String) async throws {
        try await withOffice { useCases, _, _ in
            await #expect(throws: UseCaseError.unauthenticated) { try await useCases.authenticate(token: token) }
        }
    }

    @Test func onlyAdministratorsManageUsers() async throws {
        try await withOffice { useCases, _, _ in
            let officer = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            await #expect(throws: UseCaseError.forbidden("the officer role may not administer users")) {
                try await useCases.addUser(name: "intruder", role: "admin", office: "BE-ARO", by: Caller(user: officer))
            }
        }
    }

    @Test func badInputNamesEveryFieldAndItsRule() async throws {
        try await withOffice { useCases, _, _ in
            let error = await refused(.invalid(["name user-name", "role role", "office office-code"])) {
                try await useCases.addUser(name: "J Peeters", role: "boss", office: "!", by: .commandLine())
            }
            guard case .invalid(let violations) = error else {
                Issue.record("expected invalid, got \(String(describing: error))")
                return
            }
            #expect(violations.map(\.field) == ["name", "role", "office"])
            #expect(violations.map(\.rule) == ["user-name", "role", "office-code"])
        }
    }

    @Test func aUserOfAnUnknownOfficeIsRefused() async throws {
        try await withOffice { useCases, _, _ in
            let error = await refused(.invalid(["office office-exists"])) {
                try await useCases.addUser(name: "a.janssens", role: "analyst", office: "BE-AMO", by: .commandLine())
            }
            #expect(error?.description.contains("BE-AMO") == true)
        }
    }

    @Test func aDuplicateUserIsAConflictAndLeavesNoAuditEntry() async throws {
        try await withOffice { useCases, database, db in
            _ = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            await #expect(throws: UseCaseError.conflict("a user named j.peeters already exists")) {
                try await useCases.addUser(name: "j.peeters", role: "analyst", office: "BE-ARO", by: .commandLine())
            }
            let entries = try await db.pool.query("SELECT count(*) FROM audit_entry WHERE operation = 'AddUser'")
            #expect(try entries[0].decode(Int.self, 0) == 1)
        }
    }

    @Test func addingAUserLeavesOneChangeEntryWithTheNewRecord() async throws {
        try await withOffice { useCases, database, _ in
            let user = try await useCases.addUser(name: "m.dubois", role: "liaison", office: "BE-ARO", by: .commandLine(account: "root"))
            let entries = try await auditTrail(database, entity: "user", id: user.id.uuidString.lowercased())
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.kind == .change)
            #expect(entry.operation == "AddUser")
            #expect(entry.actor.name == "cli:root")
            #expect(entry.before == nil)
            #expect(entry.after?.contains("\"liaison\"") == true)
        }
    }

    @Test func theTokenItselfNeverReachesTheDatabase() async throws {
        try await withOffice { useCases, _, db in
            _ = try await useCases.addUser(name: "j.peeters", role: "officer", office: "BE-ARO", by: .commandLine())
            let token = try await useCases.issueToken(userName: "j.peeters", label: "laptop", by: .commandLine())
            let hits = try await db.pool.query(
                "SELECT (SELECT count(*) FROM api_token WHERE token_hash = $1) + (SELECT count(*) FROM audit_entry WHERE after::text LIKE '%' || $1 || '%')",
                [token.secret])
            #expect(try hits[0].decode(Int.self, 0) == 0)
        }
    }

    @Test func evenTheSchemasOwnerCannotChangeOrDeleteAuditEntries() async throws {
        try await withOffice { _, _, db in
            for statement in ["UPDATE audit_entry SET actor_name = 'someone else'", "DELETE FROM audit_entry", "TRUNCATE audit_entry"] {
                let error = await #expect(throws: PostgresError.self) { try await db.asSuperuser(statement) }
                #expect(error?.message.contains("append-only") == true)
            }
        }
    }

    @Test func twoOfficesCannotShareAReferencePrefix() async throws {
        try await withOffice { useCases, _, _ in
            await #expect(throws: UseCaseError.conflict("another office already uses the reference prefix BE")) {
                try await useCases.addOffice(code: "BE-AMO", memberState: "BE", referencePrefix: "BE", name: "Belgian AMO", by: .commandLine())
            }
        }
    }

    @Test func greeceWrittenELIsRegisteredAsGR() async throws {
        try await TestDatabase.withFresh { db in
            let office = try await UseCases(database: Database(pool: db.pool), clock: TestClock().now).addOffice(
                code: "GR-ARO", memberState: "EL", referencePrefix: nil, name: "Hellenic ARO", by: .commandLine())
            #expect(office.memberState == .greece)
            #expect(office.referencePrefix == "GR")
        }
    }

    @Test func anOfficeNameOrATokenLabelIsOneLineOfText() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["name text"])) {
                try await world.useCases.addOffice(code: "BE-FIU", memberState: "BE", referencePrefix: "BEFIU", name: "Belgian\u{7} FIU", by: .commandLine())
            }
            await refused(.invalid(["label text"])) {
                try await world.useCases.issueToken(userName: "j.peeters", label: "laptop\nof the officer", by: .commandLine())
            }
        }
    }
}
