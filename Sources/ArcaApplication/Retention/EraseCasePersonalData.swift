import ArcaDomain
import ArcaPersistence
import Foundation

/// Erases the personal data of a closed case whose review found it no longer needed (Dir
/// 2016/680 Arts 5, 16): its subjects keep their kind and part in the case, so the statistics
/// stay what they were, and lose their name, birth date, nationality, registration number and
/// seat. The trail's entries about them lose their values and keep their seals, and remembered
/// answers naming the case are forgotten. The database does it all in one function of its own
/// that also adds the sealed entry, with the reason, naming the subjects and no erased value.
public struct EraseCasePersonalData: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, _ input: RetentionDecision, by caller: Caller) async throws -> CaseErasure {
        let office = try caller.office(for: .reviewRetention)
        let reason = try input.checkedReason()

        return try await database.transaction { store in
            let file = try await store.cases.owned(id, by: office)
            guard file.status.allowsErasure else {
                throw UseCaseError.conflict("case \(file.reference) is \(file.status.rawValue): only a closed case's personal data is erased")
            }
            guard !(file.retention?.isErased ?? false),
                let erasure = try await store.retention.erase(caseID: id, by: caller.auditActor, reason: reason)
            else {
                throw UseCaseError.conflict("case \(file.reference)'s personal data was already erased")
            }
            return CaseErasure(
                record: try await store.cases.owned(id, by: office), subjectsErased: erasure.subjects,
                trailEntriesErased: erasure.trailEntries, rememberedAnswersForgotten: erasure.rememberedAnswers)
        }
    }
}
