import ArcaDomain
import ArcaPersistence
import Foundation

/// Erases the personal data of a closed case whose review found it no longer needed (Dir
/// 2016/680 Arts 5, 16): its subjects keep their kind and part in the case, so the statistics
/// stay what they were, and lose their name, birth date, nationality, registration number and
/// seat. The trail's entries about them lose their values and keep their seals, and remembered
/// answers naming the case are forgotten. The erasure is audited with its reason, and names no
/// erased value.
public struct EraseCasePersonalData: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, _ input: RetentionDecision, by caller: Caller) async throws -> CaseErasure {
        let office = try caller.office(for: .reviewRetention)
        var validation = Validation(reading: input)
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let file = try await store.cases.owned(id, by: office)
            guard file.status.allowsErasure else {
                throw UseCaseError.conflict("case \(file.reference) is \(file.status.rawValue): only a closed case's personal data is erased")
            }
            guard let erasure = try await store.retention.erase(caseID: id) else {
                throw UseCaseError.conflict("case \(file.reference)'s personal data was already erased")
            }
            try await store.audit.change(
                "EraseCasePersonalData", by: caller, entity: "case", id: id.lowercased,
                after: ErasureRecord(
                    subjects: erasure.subjects.map(\.lowercased), trailEntries: erasure.trailEntries, rememberedAnswers: erasure.rememberedAnswers),
                reason: reason)
            return CaseErasure(
                record: try await store.cases.owned(id, by: office), subjectsErased: erasure.subjects.count,
                trailEntriesErased: erasure.trailEntries, rememberedAnswersForgotten: erasure.rememberedAnswers)
        }
    }
}

/// What an erasure reached, as the trail keeps it: ids and counts, never an erased value.
struct ErasureRecord: Encodable {
    let subjects: [String]
    let trailEntries: Int
    let rememberedAnswers: Int
}
