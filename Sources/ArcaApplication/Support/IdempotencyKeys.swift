import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation
import Synchronization

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
/// answer remembered **in the same transaction** as the change it made, so a change is
/// never committed without its answer (a crash or a lost connection leaves either both or
/// neither). A retry with the same body gets that answer back; a reuse of the key for
/// another body is refused; a retry while the first is still running is told to wait.
/// Only successful answers are remembered, so a refused request can be corrected and sent
/// again under the same key. Answers are forgotten after `retention`.
public final class IdempotencyKeys: Sendable {
    let database: Database
    let clock: @Sendable () -> Date
    public let retention: Duration
    private let lastPurge = Mutex<Date?>(nil)

    public static let defaultRetention = Duration.seconds(24 * 3600)
    /// Expired answers are deleted at most this often, by the request that finds them due.
    static let purgeInterval: TimeInterval = 600

    public init(database: Database, retention: Duration = IdempotencyKeys.defaultRetention, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.retention = retention
        self.clock = clock
    }

    public enum Outcome: Sendable, Equatable {
        case carriedOut(RememberedResponse)
        case replayed(RememberedResponse)
    }

    public static let keyLength = 1...200

    /// Carries `work` out once for `key`: `work` runs the use case (whose transaction joins
    /// this one) and renders its answer.
    public func carryOut(
        key: String, method: String, path: String, body: Data, by caller: Caller, _ work: () async throws -> RememberedResponse
    ) async throws -> Outcome {
        guard let userID = caller.userID else { throw UseCaseError.forbidden("idempotency keys belong to signed-in users") }
        guard Self.keyLength.contains(key.unicodeScalars.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw UseCaseError.invalid("Idempotency-Key", "idempotency-key", "an idempotency key has 1 to 200 visible ASCII characters")
        }
        var hasher = SHA256()
        hasher.update(data: Data("\(method) \(path)\n".utf8))
        hasher.update(data: body)
        let hash = hasher.finalize().hexadecimal
        let now = clock()
        let expiredBefore = now.addingTimeInterval(-retention.seconds)
        await purgeIfDue(now: now, expiredBefore: expiredBefore)
        return try await database.transaction { store in
            guard try await store.idempotency.hold(userID: userID, key: key) else {
                throw UseCaseError.conflict("the first request under idempotency key \(key) is still being answered; retry shortly")
            }
            if let remembered = try await store.idempotency.find(userID: userID, key: key, since: expiredBefore) {
                guard remembered.requestHash == hash else { throw UseCaseError.keyReused }
                return .replayed(RememberedResponse(status: remembered.status, headers: remembered.headers, body: remembered.body))
            }
            let response = try await work()
            try await store.idempotency.remember(
                userID: userID, key: key, requestHash: hash, at: now, status: response.status, headers: response.headers, body: response.body)
            return .carriedOut(response)
        }
    }

    /// Housekeeping never fails a request: a purge that does not go through is tried again by
    /// the next request.
    private func purgeIfDue(now: Date, expiredBefore: Date) async {
        let due = lastPurge.withLock { last in last.map { now.timeIntervalSince($0) >= Self.purgeInterval || now < $0 } ?? true }
        guard due, (try? await database.transaction({ try await $0.idempotency.forget(before: expiredBefore) })) != nil else { return }
        lastPurge.withLock { $0 = now }
    }
}

extension Duration {
    var seconds: TimeInterval { TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18 }
}
