import ArcaDomain
import Foundation
import LibPQ

public struct OfficeRepository: Sendable {
    let db: Transaction

    public func add(_ office: Office) async throws {
        try await translatingConstraints {
            try await db.execute(
                "INSERT INTO office (code, member_state, reference_prefix, name, time_zone) VALUES ($1, $2, $3, $4, $5)",
                [office.code.value, office.memberState.code, office.referencePrefix, office.name, office.timeZone.identifier])
        }
    }

    public func find(_ code: OfficeCode, forUpdate: Bool = false) async throws -> Office? {
        let rows = try await db.query(
            "SELECT code, member_state, reference_prefix, name, time_zone, purpose_required FROM office WHERE code = $1 \(forUpdate ? "FOR UPDATE" : "")",
            [code.value])
        return try rows.first.map(Self.office)
    }

    public func setTimeZone(of code: OfficeCode, to zone: TimeZone) async throws {
        try await db.execute("UPDATE office SET time_zone = $2 WHERE code = $1", [code.value, zone.identifier])
    }

    public func setPurposeRequired(of code: OfficeCode, to required: Bool) async throws {
        try await db.execute("UPDATE office SET purpose_required = $2 WHERE code = $1", [code.value, required])
    }

    public func all() async throws -> [Office] {
        try await db.query("SELECT code, member_state, reference_prefix, name, time_zone, purpose_required FROM office ORDER BY code").map(Self.office)
    }

    /// The Member State this deployment serves, once its first office is registered.
    public func deploymentState() async throws -> MemberState? {
        try await db.query("SELECT member_state FROM deployment", []).first.map { row in
            try MemberState(code: row.decode(String.self, 0)).orThrow("member_state")
        }
    }

    /// Makes `state` the deployment's: the first office's state, recorded once.
    public func settleDeploymentState(_ state: MemberState) async throws {
        try await db.execute("INSERT INTO deployment (member_state) VALUES ($1) ON CONFLICT DO NOTHING", [state.code])
    }

    static func office(_ row: Row) throws -> Office {
        try Office(
            code: OfficeCode(row.decode(String.self, 0)),
            memberState: MemberState(code: row.decode(String.self, 1)).orThrow("member_state"),
            referencePrefix: row.decode(String.self, 2), name: row.decode(String.self, 3),
            timeZone: TimeZone(identifier: row.decode(String.self, 4)).orThrow("time_zone"), purposeRequired: row.decode(Bool.self, 5))
    }
}

public struct UserRepository: Sendable {
    let db: Transaction
    static let columns = "u.id, u.name, u.role, u.office_code, o.time_zone, o.purpose_required, u.os_account, u.disabled_at, u.disabled_reason"
    static let joined = "app_user u JOIN office o ON o.code = u.office_code"

    public func add(_ user: User) async throws {
        try await translatingConstraints {
            try await db.execute(
                "INSERT INTO app_user (id, name, role, office_code, os_account) VALUES ($1, $2, $3, $4, $5)",
                [user.id, user.name.value, user.role.rawValue, user.office.value, user.osAccount?.value])
        }
    }

    public func map(_ id: UUID, to account: OSAccountName?) async throws {
        try await db.execute("UPDATE app_user SET os_account = $2 WHERE id = $1", [id, account?.value])
    }

    /// Records the user's disabling, or clears it.
    public func setDisabled(_ id: UUID, _ disabling: User.Disabling?) async throws {
        try await db.execute(
            "UPDATE app_user SET disabled_at = $2, disabled_reason = $3 WHERE id = $1", [id, disabling?.at, disabling?.reason])
    }

    public func find(name: UserName, forUpdate: Bool = false) async throws -> User? {
        try await db.query("SELECT \(Self.columns) FROM \(Self.joined) WHERE u.name = $1\(forUpdate ? " FOR NO KEY UPDATE OF u" : "")", [name.value])
            .first.map(Self.user)
    }

    static func user(_ row: Row) throws -> User {
        try User(
            id: row.decode(UUID.self, 0), name: UserName(row.decode(String.self, 1)),
            role: Role(rawValue: row.decode(String.self, 2)).orThrow("role"),
            office: OfficeCode(row.decode(String.self, 3)), timeZone: TimeZone(identifier: row.decode(String.self, 4)).orThrow("time_zone"),
            purposeRequired: row.decode(Bool.self, 5), osAccount: row.decode(String?.self, 6).map { try OSAccountName($0) },
            disabled: row.decode(Date?.self, 7).map { User.Disabling(at: $0, reason: try row.decode(String.self, 8)) })
    }
}

public struct TokenRepository: Sendable {
    let db: Transaction

    public struct Issued: Sendable, Equatable {
        public let id: UUID
        public let userID: UUID
        public let label: String?
        public let issuedAt: Date
        public let revokedAt: Date?
        public let expiresAt: Date
        public let lastUsedAt: Date?
    }

    /// A token valid for `lifetime` seconds from now (the database's clock, as its issue).
    public func add(id: UUID, userID: UUID, hash: String, label: String?, lifetime: Int) async throws -> Date {
        try await db.query(
            """
            INSERT INTO api_token (id, user_id, token_hash, label, expires_at) VALUES ($1, $2, $3, $4, now() + $5 * interval '1 second')
            RETURNING expires_at
            """, [id, userID, hash, label, lifetime]
        )[0].decode(Date.self, 0)
    }

    /// The user behind a token neither revoked nor expired, unless the user is disabled, and
    /// how many seconds the token stays valid by the database's clock. The token's last use is
    /// written in the same statement when the one recorded is over a minute old, so concurrent
    /// checks of one token seldom wait on its row.
    public func activeUser(hash: String) async throws -> (user: User, remaining: Double)? {
        try await db.query(
            """
            WITH token AS (
                SELECT k.id, k.user_id, k.expires_at, k.last_used_at FROM api_token k JOIN app_user u ON u.id = k.user_id
                WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND k.expires_at > now() AND u.disabled_at IS NULL),
            touched AS (
                UPDATE api_token a SET last_used_at = now() FROM token t
                WHERE a.id = t.id AND (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute'))
            SELECT \(UserRepository.columns), floor(extract(epoch FROM t.expires_at - now()))::bigint
            FROM token t JOIN app_user u ON u.id = t.user_id JOIN office o ON o.code = u.office_code
            """, [hash]
        ).first.map { row in (try UserRepository.user(row), Double(try row.decode(Int.self, 9))) }
    }

    public func list(userID: UUID) async throws -> [Issued] {
        try await db.query(
            "SELECT id, user_id, label, issued_at, revoked_at, expires_at, last_used_at FROM api_token WHERE user_id = $1 ORDER BY issued_at, id",
            [userID]
        ).map { row in
            try Issued(
                id: row.decode(UUID.self, 0), userID: row.decode(UUID.self, 1), label: row.decode(String?.self, 2),
                issuedAt: row.decode(Date.self, 3), revokedAt: row.decode(Date?.self, 4), expiresAt: row.decode(Date.self, 5),
                lastUsedAt: row.decode(Date?.self, 6))
        }
    }

    /// Revokes the given tokens of the user that are still active; returns how many.
    public func revoke(userID: UUID, tokenID: UUID?) async throws -> Int {
        try await db.execute(
            """
            UPDATE api_token SET revoked_at = now()
            WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id = $2::uuid)
            """, [userID, tokenID])
    }
}

extension Optional {
    /// A stored value the domain no longer accepts: the database and the code disagree.
    func orThrow(_ column: String) throws -> Wrapped {
        guard let self else {
            throw PostgresError(kind: .decoding, message: "column \(column) holds a value this version of ARCA does not know")
        }
        return self
    }
}
