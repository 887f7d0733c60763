import ArcaDomain
import LibPQ
import Synchronization

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
    public var retention: CaseRetentionRepository { CaseRetentionRepository(db: transaction) }
    public var idempotency: IdempotencyRepository { IdempotencyRepository(db: transaction) }
    public var assets: AssetRepository { AssetRepository(db: transaction) }
    public var valuations: ValuationRepository { ValuationRepository(db: transaction) }
    public var assetEvents: AssetEventRepository { AssetEventRepository(db: transaction) }
    public var management: ManagementRepository { ManagementRepository(db: transaction) }
    public var recoveredValues: RecoveredValueRepository { RecoveredValueRepository(db: transaction) }
    public var orders: OrderRepository { OrderRepository(db: transaction) }
    public var settings: SettingRepository { SettingRepository(db: transaction) }
    public var requests: RequestRepository { RequestRepository(db: transaction) }
    public var requestEvents: RequestEventRepository { RequestEventRepository(db: transaction) }
    public var certificates: CertificateRepository { CertificateRepository(db: transaction) }
    public var partnerships: PartnershipRepository { PartnershipRepository(db: transaction) }
    public var outbox: OutboxRepository { OutboxRepository(db: transaction) }
    public var inbox: InboxRepository { InboxRepository(db: transaction) }
    public var rates: RateRepository { RateRepository(db: transaction) }
    public var statistics: StatisticsRepository { StatisticsRepository(db: transaction) }
}

extension Database {
    /// The transaction the current task is in, so that a use case run inside another
    /// transaction (an idempotent request, which remembers its answer in the same
    /// transaction) joins it instead of committing on its own.
    @TaskLocal static var enclosing: EnclosingTransaction?

    /// Task-locals reach child tasks too: a child that joined while another part of the
    /// work used the connection would interleave statements on one session, so a join while
    /// one is under way is refused as the programming error it is.
    final class EnclosingTransaction: Sendable {
        let database: ObjectIdentifier
        let store: Store
        private let joined = Mutex(false)

        init(database: ObjectIdentifier, store: Store) {
            self.database = database
            self.store = store
        }

        func join<T>(_ body: (Store) async throws -> T) async throws -> T {
            guard !joined.withLock({ joined in defer { joined = true }; return joined }) else {
                preconditionFailure("two tasks joined one transaction at once; open child tasks outside Database.transaction")
            }
            defer { joined.withLock { $0 = false } }
            return try await body(store)
        }
    }

    /// How often a transaction that lost a deadlock or a serialization conflict is run again
    /// before the caller is told to retry later.
    static let attemptsOnConflict = 3

    /// Runs `body` in one transaction: commit when it returns, rollback when it throws.
    /// Inside another transaction of this database, `body` joins it and the outer one
    /// commits. A deadlock or serialization failure runs `body` again (it must do nothing
    /// but database work); when it keeps failing, `DatabaseBusy`. A database that cannot
    /// be reached is `DatabaseUnavailable`; a row the database's own rules refuse is a
    /// `ConstraintViolation`.
    public func transaction<T>(_ body: (Store) async throws -> T) async throws -> T {
        try await run(body, explicitly: true)
    }

    /// Runs `body` in one transaction that sees one snapshot of the database throughout
    /// (REPEATABLE READ): a report made of several queries reads them all as of one instant.
    public func snapshot<T>(_ body: (Store) async throws -> T) async throws -> T {
        try await run(body, explicitly: true, isolation: .repeatableRead)
    }

    /// Logs the consultation of what a snapshot read, in a transaction of its own: an entry is
    /// sealed on the audit chain's current head, which a snapshot cannot see move (migration
    /// 0025). Called before the answer is shown, so nothing is shown unlogged.
    public func logConsultation(by actor: AuditEntry.Actor, operation: String, entity: String, id: String) async throws {
        try await transaction { try await $0.audit.appendConsultation(by: actor, operation: operation, entity: entity, id: id) }
    }

    /// Runs `body` in one snapshot, as `snapshot` does, with readers that run further reads of
    /// the same snapshot on connections of their own at the same time (opened beside the pool,
    /// as many as it holds): a long report made of independent queries then uses
    /// more than one of the database's cores, and still reads everything as of one instant
    /// (`pg_export_snapshot`).
    public func sharedSnapshot<T>(_ body: (Store, SnapshotReaders) async throws -> T) async throws -> T {
        // Inside another transaction, `snapshot` would join it, whose snapshot the readers cannot share.
        precondition(Self.enclosing?.database != ObjectIdentifier(self), "sharedSnapshot inside a transaction of the same database")
        return try await snapshot { store in
            let id = try await store.transaction.query("SELECT pg_export_snapshot()")[0].decode(String.self, 0)
            return try await body(store, SnapshotReaders(database: self, snapshot: id))
        }
    }

    /// Runs `body`, which sends one statement or one pipeline, with no BEGIN and COMMIT
    /// around it: the statement, or the pipeline as one implicit transaction, commits on its
    /// own, so the work costs one round trip instead of three. Inside another transaction of
    /// this database, `body` joins it. Errors as for `transaction`.
    public func oneRoundTrip<T>(_ body: (Store) async throws -> T) async throws -> T {
        try await run(body, explicitly: false)
    }

    /// Runs `body` on its own connection in a transaction that reads the snapshot `id` exported.
    fileprivate func read<T>(snapshot id: String, _ body: (Store) async throws -> T) async throws -> T {
        try await translatingErrors {
            // A child task of the exporting transaction's work: its own transaction, not that one.
            try await Self.$enclosing.withValue(nil) {
                try await pool.transactionOnOwnConnection(isolation: .repeatableRead) { connection in
                    _ = try await connection.query("SET TRANSACTION SNAPSHOT '\(id)'")
                    return try await body(Store(transaction: connection))
                }
            }
        }
    }

    /// The database's errors as the use cases know them: unavailable, or a rule it enforces.
    private func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresError {
            if error.meansUnavailable { throw DatabaseUnavailable(reason: error.message) }
            if let violation = ConstraintViolation.from(error) { throw violation }
            throw error
        }
    }

    private func run<T>(_ body: (Store) async throws -> T, explicitly: Bool, isolation: IsolationLevel = .readCommitted) async throws -> T {
        if let enclosing = Self.enclosing, enclosing.database == ObjectIdentifier(self) {
            return try await enclosing.join(body)
        }
        var attempt = 1
        while true {
            do {
                return try await translatingErrors {
                    let work = { (connection: Transaction) in
                        let store = Store(transaction: connection)
                        return try await Self.$enclosing.withValue(EnclosingTransaction(database: ObjectIdentifier(self), store: store)) {
                            try await body(store)
                        }
                    }
                    return try await explicitly ? pool.transaction(isolation: isolation, work) : pool.withoutTransaction(work)
                }
            } catch let error as PostgresError where error.meansLostConflict {
                guard attempt < Self.attemptsOnConflict else { throw DatabaseBusy(sqlState: error.sqlState ?? "") }
                attempt += 1
            }
        }
    }
}

/// The database cannot do the work now (down, restarting, refusing connections); the same
/// request may succeed later.
public struct DatabaseUnavailable: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public var description: String { "the database is unavailable: \(reason)" }
}

/// The transaction kept losing deadlocks or serialization conflicts with concurrent ones
/// and was rolled back each time: nothing was done, and the same request may succeed later.
public struct DatabaseBusy: Error, Equatable, Sendable, CustomStringConvertible {
    public let sqlState: String

    public var description: String { "the database rolled the work back \(Database.attemptsOnConflict) times under concurrent changes (SQLSTATE \(sqlState))" }
}

extension PostgresError {
    /// A broken or refused connection, a closed pool, no connection free in time, or the
    /// server's own "connection exception" (08) and "operator intervention" (57: shutdown,
    /// cannot connect now) classes.
    var meansUnavailable: Bool {
        kind == .connection || kind == .poolClosed || kind == .poolTimeout || sqlState?.hasPrefix("08") == true || sqlState?.hasPrefix("57") == true
    }

    /// The transaction was rolled back for a concurrent one and may simply be run again.
    var meansLostConflict: Bool {
        sqlState == State.deadlockDetected || sqlState == State.serializationFailure
    }
}

/// A rule the database enforces, reported in the application's terms: which rule (the
/// constraint's name, or the kind of value refused) on which table and column.
public struct ConstraintViolation: Error, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case duplicate
        case missingReference
        /// A CHECK or NOT NULL constraint.
        case check
        /// A value the column's type cannot hold (too long, out of range, NUL in text).
        case invalidValue
    }

    public let kind: Kind
    /// The database constraint's name, which says which rule was broken; for an invalid
    /// value, the SQLSTATE.
    public let constraint: String
    public var table: String? = nil
    public var column: String? = nil

    static func from(_ error: any Error) -> ConstraintViolation? {
        guard let error = error as? PostgresError, let state = error.sqlState else { return nil }
        let kind: Kind
        switch state {
        case PostgresError.State.uniqueViolation: kind = .duplicate
        case PostgresError.State.foreignKeyViolation: kind = .missingReference
        case PostgresError.State.checkViolation, PostgresError.State.notNullViolation: kind = .check
        case _ where state.hasPrefix("22"): kind = .invalidValue
        default: return nil
        }
        let rule = error.constraint ?? (state == PostgresError.State.notNullViolation ? "not-null" : "sqlstate-\(state)")
        return ConstraintViolation(kind: kind, constraint: rule, table: error.table, column: error.column)
    }
}

/// Runs a write and turns the database's refusal of a row into `ConstraintViolation`, so a
/// use case can catch the one it expects inside its transaction.
@discardableResult
func translatingConstraints<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        if let violation = ConstraintViolation.from(error) { throw violation }
        throw error
    }
}

/// Reads of one exported snapshot, each on a connection of its own (`Database.sharedSnapshot`).
public struct SnapshotReaders: Sendable {
    let database: Database
    /// As `pg_export_snapshot` names it: hexadecimal digits and dashes.
    let snapshot: String

    public func read<T: Sendable>(_ body: @Sendable (Store) async throws -> T) async throws -> T {
        precondition(snapshot.allSatisfy { $0.isHexDigit || $0 == "-" }, "not a snapshot id: \(snapshot)")
        return try await database.read(snapshot: snapshot, body)
    }
}
