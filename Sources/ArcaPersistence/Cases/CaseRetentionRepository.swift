import ArcaDomain
import Foundation
import LibPQ

/// The review days and erasures of cases (migration 0030).
public struct CaseRetentionRepository: Sendable {
    let db: Transaction

    /// What erasing a case's personal data blanked and forgot.
    public struct Erasure: Sendable, Equatable {
        public let subjects: [UUID]
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

    /// Marks the case erased, then blanks what identifies its subjects (leaving their kind and
    /// part, which the statistics count), erases the values the trail recorded about them
    /// (their seals stay provable) and forgets the remembered answers of idempotent requests
    /// that name the case or a subject. One round trip; nil when the case was already erased.
    public func erase(caseID: UUID) async throws -> Erasure? {
        let results = try await db.pipeline([
            Statement("UPDATE case_retention SET erased_at = now() WHERE case_id = $1 AND erased_at IS NULL RETURNING 1", [caseID]),
            Statement(
                """
                SELECT erase_case_audit_values($1)
                WHERE EXISTS (SELECT 1 FROM case_retention WHERE case_id = $1 AND erased_at IS NOT NULL)
                """, [caseID]),
            Statement(
                """
                WITH erased AS (
                    UPDATE subject SET name = $2, birth_date = NULL, nationality = NULL, registration_number = NULL, seat_country = NULL,
                        erased_at = now(), version = version + 1
                    WHERE case_id = $1 AND erased_at IS NULL
                        AND EXISTS (SELECT 1 FROM case_retention WHERE case_id = $1 AND erased_at = now())
                    RETURNING id),
                forgotten AS (
                    DELETE FROM idempotency_record
                    WHERE EXISTS (SELECT 1 FROM case_retention WHERE case_id = $1 AND erased_at = now())
                        AND body LIKE ANY (ARRAY(SELECT '%' || id::text || '%' FROM subject WHERE case_id = $1) || ('%' || $1::text || '%'))
                    RETURNING 1)
                SELECT ARRAY(SELECT id::text FROM erased ORDER BY id), (SELECT count(*) FROM forgotten)
                """, [caseID, Subject.erasedName]),
        ])
        guard !results[0].isEmpty, let counts = results[2].first else { return nil }
        return Erasure(
            subjects: try counts.decode([String].self, 0).map { try UUID(uuidString: $0).orThrow("subject") },
            trailEntries: try results[1].first.orThrow("erased").decode(Int.self, 0),
            rememberedAnswers: try counts.decode(Int.self, 1))
    }
}
