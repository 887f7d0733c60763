import ArcaDomain
import ArcaPersistence
import Foundation

/// Changes a case of the caller's office, provided the caller saw its current version.
public struct UpdateCase: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(id: UUID, changes: CaseChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Case {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let title = changes.title.flatMap { validation.title("title", $0) }
        let offences = changes.offences.flatMap { validation.offences("offences", $0) }
        let status = validation.optional("status", changes.status, "case-status") { (code) throws(VocabularyError) in
            try CaseStatus(rawValue: code).orRefuse(code, as: "a case status (\(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let criminalFile = changes.criminalFileReference.parsed { validation.criminalFileReference("criminalFileReference", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.cases.owned(id, by: office)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "case \(current.reference)")
            if let status, status != current.status, !CaseLifecycle.canMove(from: current.status, to: status) {
                let allowed = CaseLifecycle.allowedNext(from: current.status).map(\.rawValue).joined(separator: ", ")
                throw UseCaseError.conflict(
                    "case \(current.reference) is \(current.status.rawValue) and cannot move to \(status.rawValue); allowed: \(allowed.isEmpty ? "nothing, it is closed" : allowed)")
            }
            let changed = Case(
                id: current.id, reference: current.reference, office: current.office, title: title ?? current.title,
                offences: offences ?? current.offences, openedOn: current.openedOn, status: status ?? current.status,
                origin: current.origin, criminalFileReference: criminalFile.applied(to: current.criminalFileReference),
                version: current.version + 1, createdAt: current.createdAt, updatedAt: clock())
            guard try await store.cases.update(changed) else {
                throw UseCaseError.changedMeanwhile("case \(current.reference)", expected: expectedVersion)
            }
            try await store.audit.change("UpdateCase", by: caller, entity: "case", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}
