import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Synchronization
import Testing

extension TestWorld {
    /// A money-laundering case of the Belgian office.
    func openCase(title: String = "Operation Meltwater: laundering through used-car dealers", openedOn: String = "2026-03-14") async throws -> Case {
        try await useCases.createCase(
            NewCase(title: title, offences: ["money_laundering", "fraud"], openedOn: openedOn, criminalFileReference: "BR.21.L8.004512/25"),
            by: officer)
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

/// A use case's refusal as a test states it: its kind and, for broken rules, each
/// "field rule" — what a client acts on, not the prose.
enum Refusal: Equatable, CustomStringConvertible {
    case unauthenticated, forbidden, notFound, conflict, keyReused, stale, versionRequired, throttled
    case invalid([String])
    case untrusted(String)

    init(_ error: UseCaseError) {
        switch error {
        case .unauthenticated: self = .unauthenticated
        case .untrusted(let violation): self = .untrusted("\(violation.field) \(violation.rule)")
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .conflict: self = .conflict
        case .keyReused: self = .keyReused
        case .stale: self = .stale
        case .versionRequired: self = .versionRequired
        case .throttled: self = .throttled
        case .invalid(let violations): self = .invalid(violations.map { "\($0.field) \($0.rule)" })
        }
    }

    var description: String {
        switch self {
        case .unauthenticated: return ".unauthenticated"
        case .forbidden: return ".forbidden"
        case .notFound: return ".notFound"
        case .conflict: return ".conflict"
        case .keyReused: return ".keyReused"
        case .stale: return ".stale"
        case .versionRequired: return ".versionRequired"
        case .throttled: return ".throttled"
        case .invalid(let rules): return ".invalid([\(rules.map { "\"\($0)\"" }.joined(separator: ", "))])"
        case .untrusted(let rule): return ".untrusted(\"\(rule)\")"
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
