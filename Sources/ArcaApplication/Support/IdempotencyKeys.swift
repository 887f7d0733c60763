import ArcaPersistence
import Crypto
import Foundation

/// The answer a request got, kept so a retry under the same `Idempotency-Key` gets it again.
public struct RememberedResponse: Sendable, Equatable {
    public let status: Int
    public let headers: [String: String]
    public let body: String

    public init(status: Int, headers: [String: String], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Makes a `POST` safe to retry: the first request under a key is carried out and its
/// answer remembered; a retry with the same body gets that answer back, a reuse of the key
/// for another body is refused. Only successful answers are remembered, so a request that
/// failed can be corrected and sent again under the same key.
public struct IdempotencyKeys: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public enum Claim: Sendable, Equatable {
        /// Carry the request out, then `remember` or `release`.
        case proceed
        case replay(RememberedResponse)
    }

    /// A claim older than this whose answer never came is taken as abandoned (its process died).
    static let abandonAfterSeconds = 300

    public static let keyLength = 1...200

    public func claim(key: String, method: String, path: String, body: Data, by caller: Caller) async throws -> Claim {
        guard let userID = caller.userID else { throw UseCaseError.forbidden("idempotency keys belong to signed-in users") }
        guard Self.keyLength.contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw UseCaseError.invalid("Idempotency-Key", "idempotency-key", "an idempotency key has 1 to 200 visible ASCII characters")
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(method) \(path)\n".utf8))
        hasher.update(data: body)
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return try await database.transaction { store in
            if try await store.idempotency.claim(userID: userID, key: key, requestHash: hash, abandonAfter: Self.abandonAfterSeconds) {
                return .proceed
            }
            guard let remembered = try await store.idempotency.find(userID: userID, key: key) else {
                throw UseCaseError.conflict("the idempotency key \(key) is being released; send the request again")
            }
            guard remembered.requestHash == hash else {
                throw UseCaseError.invalid(
                    "Idempotency-Key", "idempotency-key-reuse", "this key was used for a different request; use a new key for a new request")
            }
            guard remembered.status != 0 else {
                throw UseCaseError.conflict("the first request under idempotency key \(key) is still being answered; retry shortly")
            }
            return .replay(RememberedResponse(status: remembered.status, headers: remembered.headers, body: remembered.body))
        }
    }

    public func remember(key: String, response: RememberedResponse, by caller: Caller) async throws {
        guard let userID = caller.userID else { return }
        try await database.transaction { store in
            try await store.idempotency.complete(userID: userID, key: key, status: response.status, headers: response.headers, body: response.body)
        }
    }

    public func release(key: String, by caller: Caller) async throws {
        guard let userID = caller.userID else { return }
        try await database.transaction { try await $0.idempotency.release(userID: userID, key: key) }
    }
}
