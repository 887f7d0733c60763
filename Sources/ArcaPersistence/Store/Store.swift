import LibPQ

/// The repositories of one transaction. A use case gets a `Store` from
/// `Database.transaction` and everything it reads or writes through it commits together,
/// or not at all.
public struct Store: Sendable {
    let transaction: Transaction

    public var offices: OfficeRepository { OfficeRepository(db: transaction) }
    public var users: UserRepository { UserRepository(db: transaction) }
    public var tokens: TokenRepository { TokenRepository(db: transaction) }
    public var audit: AuditRepository { AuditRepository(db: transaction) }
    public var cases: CaseRepository { CaseRepository(db: transaction) }
    public var subjects: SubjectRepository { SubjectRepository(db: transaction) }
    public var idempotency: IdempotencyRepository { IdempotencyRepository(db: transaction) }
    public var assets: AssetRepository { AssetRepository(db: transaction) }
    public var valuations: ValuationRepository { ValuationRepository(db: transaction) }
    public var assetEvents: AssetEventRepository { AssetEventRepository(db: transaction) }
    public var orders: OrderRepository { OrderRepository(db: transaction) }
}

extension Database {
    /// Runs `body` in one transaction: commit when it returns, rollback when it throws.
    /// A database that cannot be reached, or is shutting down, is `DatabaseUnavailable`.
    public func transaction<T>(_ body: (Store) async throws -> T) async throws -> T {
        do {
            return try await pool.transaction { try await body(Store(transaction: $0)) }
        } catch let error as PostgresError where error.meansUnavailable {
            throw DatabaseUnavailable(reason: error.message)
        }
    }
}

/// The database cannot do the work now (down, restarting, refusing connections); the same
/// request may succeed later.
public struct DatabaseUnavailable: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public var description: String { "the database is unavailable: \(reason)" }
}

extension PostgresError {
    /// A broken or refused connection, a closed pool, no connection free in time, or the
    /// server's own "connection exception" (08) and "operator intervention" (57: shutdown,
    /// cannot connect now) classes.
    var meansUnavailable: Bool {
        kind == .connection || kind == .poolClosed || kind == .poolTimeout || sqlState?.hasPrefix("08") == true || sqlState?.hasPrefix("57") == true
    }
}

/// A constraint the database enforces, reported in the application's terms.
public struct ConstraintViolation: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case duplicate
        case missingReference
    }

    public let kind: Kind
    /// The database constraint's name, which says which rule was broken.
    public let constraint: String

    static func from(_ error: any Error) -> ConstraintViolation? {
        guard let error = error as? PostgresError, let constraint = error.constraint else { return nil }
        switch error.sqlState {
        case PostgresError.State.uniqueViolation: return ConstraintViolation(kind: .duplicate, constraint: constraint)
        case PostgresError.State.foreignKeyViolation: return ConstraintViolation(kind: .missingReference, constraint: constraint)
        default: return nil
        }
    }
}

/// Runs a write and turns unique and foreign-key violations into `ConstraintViolation`.
@discardableResult
func translatingConstraints<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        if let violation = ConstraintViolation.from(error) { throw violation }
        throw error
    }
}
