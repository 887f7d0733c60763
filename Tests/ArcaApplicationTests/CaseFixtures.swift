import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Synchronization
import Testing

/// Two Belgian offices, the ARO and the asset management office, with a user of every role at the ARO and
/// an officer at the management office.
struct TwoOffices {
    let useCases: UseCases
    let database: Database
    let db: FreshDatabase
    let officer: Caller
    let liaison: Caller
    let analyst: Caller
    let auditor: Caller
    let admin: Caller
    let amoOfficer: Caller

    static func with(clock: @escaping @Sendable () -> Date = Date.init, _ body: (TwoOffices) async throws -> Void) async throws {
        try await TestDatabase.withFresh { db in
            let database = Database(pool: db.pool)
            let useCases = UseCases(database: database, clock: clock)
            let cli = Caller.commandLine()
            _ = try await useCases.addOffice(code: "BE-ARO", memberState: "BE", referencePrefix: nil, name: "Belgian ARO", by: cli)
            _ = try await useCases.addOffice(code: "BE-AMO", memberState: "BE", referencePrefix: "BEAMO", name: "Belgian asset management office", by: cli)
            func user(_ name: String, _ role: String, _ office: String = "BE-ARO") async throws -> Caller {
                Caller(user: try await useCases.addUser(name: name, role: role, office: office, by: cli))
            }
            try await body(
                TwoOffices(
                    useCases: useCases, database: database, db: db, officer: try await user("j.peeters", "officer"),
                    liaison: try await user("m.dubois", "liaison"), analyst: try await user("a.janssens", "analyst"),
                    auditor: try await user("l.claes", "auditor"), admin: try await user("s.admin", "admin"),
                    amoOfficer: try await user("p.devries", "officer", "BE-AMO")))
        }
    }

    /// A money-laundering case of the Belgian office.
    func openCase(title: String = "Operation Meltwater: laundering through used-car dealers", openedOn: String = "2026-03-14") async throws -> Case {
        try await useCases.createCase(
            NewCase(title: title, offences: ["money_laundering", "fraud"], openedOn: openedOn, criminalFileReference: "BR.21.L8.004512/25"),
            by: officer)
    }

    func count(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> Int {
        try await db.pool.query(sql, parameters)[0].decode(Int.self, 0)
    }

    func audit(entity: String, id: UUID) async throws -> [AuditEntry] {
        try await database.transaction { try await $0.audit.entries(entity: entity, id: id.uuidString.lowercased()) }
    }
}

extension UseCaseError {
    var violations: [FieldViolation] {
        if case .invalid(let violations) = self { return violations }
        return []
    }
}

/// A clock a test sets and moves: "now" for the use cases built with `clock.now`.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: String = "2026-11-29T10:00:00Z") {
        current = Mutex(ISO8601DateFormatter().date(from: start)!)
    }

    var now: @Sendable () -> Date { { self.current.withLock { $0 } } }

    func advance(hours: Double) {
        current.withLock { $0 = $0.addingTimeInterval(hours * 3600) }
    }
}

/// A use case's refusal as a test states it: its kind and, for broken rules, each
/// "field rule" — what a client acts on, not the prose.
enum Refusal: Equatable, CustomStringConvertible {
    case unauthenticated, forbidden, notFound, conflict, stale, versionRequired
    case invalid([String])

    init(_ error: UseCaseError) {
        switch error {
        case .unauthenticated: self = .unauthenticated
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .conflict: self = .conflict
        case .stale: self = .stale
        case .versionRequired: self = .versionRequired
        case .invalid(let violations): self = .invalid(violations.map { "\($0.field) \($0.rule)" })
        }
    }

    var description: String {
        switch self {
        case .unauthenticated: return ".unauthenticated"
        case .forbidden: return ".forbidden"
        case .notFound: return ".notFound"
        case .conflict: return ".conflict"
        case .stale: return ".stale"
        case .versionRequired: return ".versionRequired"
        case .invalid(let rules): return ".invalid([\(rules.map { "\"\($0)\"" }.joined(separator: ", "))])"
        }
    }
}

/// Expects `body` to be refused exactly as `expected` says; returns the error for checks of
/// its wording.
@discardableResult
func refused<T>(_ expected: Refusal, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async -> UseCaseError? {
    do {
        _ = try await body()
        Issue.record("expected the refusal \(expected); nothing was refused", sourceLocation: sourceLocation)
        return nil
    } catch let error as UseCaseError {
        #expect(Refusal(error) == expected, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected the refusal \(expected), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
