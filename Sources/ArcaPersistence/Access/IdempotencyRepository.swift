import Foundation
import LibPQ

/// Responses remembered under a client's `Idempotency-Key`, per user.
public struct IdempotencyRepository: Sendable {
    let db: Transaction

    public struct Remembered: Sendable, Equatable {
        public let requestHash: String
        public let status: Int
        public let headers: [String: String]
        public let body: String
    }

    /// Holds the key for this transaction; false when another transaction holds it (the
    /// first request under the key is still being carried out). A lock, not a row, so a
    /// process that dies mid-request leaves nothing behind.
    public func hold(userID: UUID, key: String) async throws -> Bool {
        try await db.query("SELECT pg_try_advisory_xact_lock(hashtextextended($1::uuid::text || ' ' || $2, 0))", [userID, key]).first?
            .decode(Bool.self, 0) ?? false
    }

    /// The answer remembered for the key, if it was given at or after `since`.
    public func find(userID: UUID, key: String, since: Date) async throws -> Remembered? {
        try await db.query(
            "SELECT request_hash, status, headers::text, body FROM idempotency_record WHERE user_id = $1 AND key = $2 AND created_at >= $3",
            [userID, key, since]
        ).first.map { row in
            let headers = try JSONDecoder().decode([String: String].self, from: Data(row.decode(String.self, 2).utf8))
            return try Remembered(
                requestHash: row.decode(String.self, 0), status: row.decode(Int.self, 1), headers: headers,
                body: row.decode(String.self, 3))
        }
    }

    /// Remembers the answer; an expired answer still stored under the key is replaced.
    public func remember(userID: UUID, key: String, requestHash: String, at time: Date, status: Int, headers: [String: String], body: String) async throws {
        let headerJSON = String(decoding: try JSONEncoder().encode(headers), as: UTF8.self)
        try await db.write(
            """
            INSERT INTO idempotency_record (user_id, key, request_hash, status, headers, body, created_at)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
            ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
                headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = EXCLUDED.created_at
            """, [userID, key, requestHash, status, headerJSON, body, time])
    }

    /// Deletes the answers given before `time`.
    @discardableResult
    public func forget(before time: Date) async throws -> Int {
        try await db.execute("DELETE FROM idempotency_record WHERE created_at < $1", [time])
    }
}
