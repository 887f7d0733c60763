import ArcaDomain
import ArcaPersistence
import Foundation

/// Records the review of a case's personal data that finds it still needed (Dir 2016/680
/// Art 5): the case is next reviewed a whole period from today. The decision and its reason
/// are audited.
public struct KeepCaseAfterReview: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, _ input: RetentionDecision, by caller: Caller) async throws -> Case {
        let office = try caller.office(for: .reviewRetention)
        let reason = try input.checkedReason()

        return try await database.transaction { store in
            let before = try await store.cases.owned(id, by: office)
            guard let reviewOn = try await store.retention.keep(caseID: id) else {
                throw UseCaseError.conflict("case \(before.reference)'s personal data was erased: there is nothing left to keep")
            }
            try await store.audit.change(
                "KeepCaseAfterReview", by: caller, entity: "case", id: id.lowercased,
                before: before.retention.map { ReviewDay(reviewOn: $0.reviewOn.description) }, after: ReviewDay(reviewOn: reviewOn.description),
                reason: reason)
            return try await store.cases.owned(id, by: office)
        }
    }
}
