import ArcaDomain
import Foundation
import LibPQ

/// The review days and erasures of cases (migration 0030).
public struct CaseRetentionRepository: Sendable {
    let db: Transaction

    /// What erasing a case's personal data blanked and forgot.
    public struct Erasure: Sendable, Equatable {
        public let subjects: Int
        public let trailEntries: Int
        public let rememberedAnswers: Int
    }

    /// Moves the case's review day to the period after its office's today, as a review that
    /// keeps it decides; nil when its personal data was erased, so there is nothing to keep.
    public func keep(caseID: UUID) async throws -> Day? {
        try await db.query(
            """
            UPDATE case_retention r SET review_on = case_review_day(o.time_zone), reviewed_at = now()
            FROM case_file c JOIN office o ON o.code = c.office_code
            WHERE r.case_id = $1 AND c.id = r.case_id AND r.erased_at IS NULL
            RETURNING r.review_on::text
            """, [caseID]
        ).first.map { try Day($0.decode(String.self, 0)) }
    }

    /// Erases the personal data of a closed case through the database's own function
    /// (`erase_case_personal_data`, migration 0030), which also adds the sealed entry that says
    /// so with `reason`, then forgets the remembered answers of idempotent requests that name the
    /// case or a subject. One round trip; nil when the case was erased already.
    public func erase(caseID: UUID, by actor: AuditEntry.Actor, reason: String) async throws -> Erasure? {
        let results = try await db.pipeline([
            Statement(
                "SELECT cardinality(subjects), trail_entries FROM erase_case_personal_data($1, $2, $3, $4, $5, $6::jsonb, $7)",
                [caseID, Subject.erasedName, actor.userID, actor.name, actor.office?.value, actor.context, reason]),
            Statement(
                """
                WITH forgotten AS (
                    DELETE FROM idempotency_record
                    WHERE EXISTS (SELECT 1 FROM case_retention WHERE case_id = $1 AND erased_at = now())
                        AND body LIKE ANY (ARRAY(SELECT '%' || id::text || '%' FROM subject WHERE case_id = $1) || ('%' || $1::text || '%'))
                    RETURNING 1)
                SELECT count(*) FROM forgotten
                """, [caseID]),
        ])
        guard let erased = results[0].first else { return nil }
        return Erasure(
            subjects: try erased.decode(Int.self, 0), trailEntries: try erased.decode(Int.self, 1),
            rememberedAnswers: try results[1].first.orThrow("forgotten").decode(Int.self, 0))
    }
}
