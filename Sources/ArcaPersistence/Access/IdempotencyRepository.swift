import Foundation
import LibPQ

/// Responses remembered under a client's `Idempotency-Key`, per user.
public struct IdempotencyRepository: Sendable {
    let db: Transaction

    public struct Remembered: Sendable, Equatable {
        public let requestHash: String
        /// 0 while the first request is still being answered.
        public let status: Int
        public let headers: [String: String]
        public let body: String
    }

    /// Claims the key for a request; true when this request is the first to use it, or when
    /// an earlier claim was abandoned (its answer never recorded within `abandonAfter`).
    public func claim(userID: UUID, key: String, requestHash: String, abandonAfter seconds: Int) async throws -> Bool {
        try await db.execute(
            """
            INSERT INTO idempotency_record (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 0, '')
            ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
            WHERE idempotency_record.status = 0 AND idempotency_record.created_at < now() - make_interval(secs => $4)
            """, [userID, key, requestHash, seconds]) == 1
    }

    public func find(userID: UUID, key: String) async throws -> Remembered? {
        try await db.query(
            "SELECT request_hash, status, headers::text, body FROM idempotency_record WHERE user_id = $1 AND key = $2",
            [userID, key]
        ).first.map { row in
            let headers = try JSONDecoder().decode([String: String].self, from: Data(row.decode(String.self, 2).utf8))
            return try Remembered(
                requestHash: row.decode(String.self, 0), status: row.decode(Int.self, 1), headers: headers,
                body: row.decode(String.self, 3))
        }
    }

    public func complete(userID: UUID, key: String, status: Int, headers: [String: String], body: String) async throws {
        let headerJSON = String(decoding: try JSONEncoder().encode(headers), as: UTF8.self)
        try await db.execute(
            "UPDATE idempotency_record SET status = $3, headers = $4::jsonb, body = $5 WHERE user_id = $1 AND key = $2",
            [userID, key, status, headerJSON, body])
    }

    public func release(userID: UUID, key: String) async throws {
        try await db.execute("DELETE FROM idempotency_record WHERE user_id = $1 AND key = $2 AND status = 0", [userID, key])
    }
}
