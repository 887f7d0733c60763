import CLibPQ
import Foundation
import Logging
import Synchronization

/// A blocking libpq connection. Every method must run on the connection's own worker
/// thread; `Session` is the async face that guarantees it.
final class Connection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private let conninfo: String
    private let noticeSink: NoticeSink
    private let roundTrips: RoundTrips
    private var statements: [StatementKey: String] = [:]
    private var statementCounter = 0
    /// Set when the connection comes back to the pool: the first job after the next
    /// checkout checks that the server has not closed it meanwhile (e.g. a restart).
    var needsLivenessCheck = false

    /// Statements sent with the next one that needs an answer, or with COMMIT: a transaction's
    /// BEGIN and its writes whose outcome nobody waits for, so that they cost no round trip
    /// of their own. A failure among them is thrown by the statement they travel with.
    private var deferred: [(sql: String, binds: [PostgresBind])] = []
    /// Whether `deferred` starts with a BEGIN not sent yet: a transaction that ends before
    /// anything was sent has nothing to commit or roll back on the server.
    private var beginUnsent = false

    /// Prepared statements kept per connection before the cache is cleared.
    private static let statementCacheLimit = 512

    private struct StatementKey: Hashable {
        let sql: String
        let types: [UInt32]
    }

    init(conninfo: String, logger: Logger, roundTrips: RoundTrips) throws {
        self.conninfo = conninfo
        self.noticeSink = NoticeSink(logger: logger)
        self.roundTrips = roundTrips
        try open()
    }

    deinit {
        close()
    }

    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        statements.removeAll()
        discardDeferred()
    }

    /// True when libpq has given up on the connection; the pool then discards it.
    var isBroken: Bool {
        guard let handle else { return true }
        return PQstatus(handle) != CONNECTION_OK
    }

    /// Whether the connection is idle, inside a transaction, or in a failed one.
    var transactionStatus: PGTransactionStatusType {
        guard let handle else { return PQTRANS_UNKNOWN }
        return PQtransactionStatus(handle)
    }

    private func open() throws {
        close()
        guard let handle = PQconnectdb(conninfo) else {
            throw PostgresError.connection("libpq could not allocate a connection")
        }
        self.handle = handle
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            close()
            throw PostgresError.connection(message)
        }
        let sink = Unmanaged.passUnretained(noticeSink).toOpaque()
        PQsetNoticeProcessor(handle, { argument, message in
            guard let argument, let message else { return }
            Unmanaged<NoticeSink>.fromOpaque(argument).takeUnretainedValue().receive(String(cString: message))
        }, sink)
        // Decoding assumes UTC timestamps in ISO style; the statement is fixed text.
        _ = try simpleQuery("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'")
    }

    /// Before the first use after a checkout: if the server closed the socket while the
    /// connection sat idle, reconnect now instead of failing the caller's statement.
    func ensureLive() throws {
        guard needsLivenessCheck else { return }
        needsLivenessCheck = false
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return try open() }
        // An idle connection has nothing to read unless the server spoke first: on shutdown
        // it sends a FATAL message and then closes, which may take two reads to see.
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        var reads = 0
        while reads < 3, poll(&descriptor, 1, 0) > 0 {
            reads += 1
            if PQconsumeInput(handle) == 0 || PQstatus(handle) != CONNECTION_OK {
                return try open()
            }
        }
    }

    private func requireHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError.connection("the connection is closed") }
        return handle
    }

    /// Runs one statement with parameters through a per-connection prepared statement, with
    /// the deferred statements before it in the same round trip.
    func query(_ sql: String, _ binds: [PostgresBind]) throws -> QueryResult {
        if !deferred.isEmpty {
            return try pipeline([(sql, binds)])[0]
        }
        let handle = try requireHandle()
        let types = binds.map(\.oid)
        let key = StatementKey(sql: sql, types: types)
        let name: String
        if let cached = statements[key] {
            name = cached
        } else {
            try makeRoomForStatements(1)
            name = nextStatementName()
            roundTrips.count()
            let prepared = types.withUnsafeBufferPointer { types in
                PQprepare(handle, name, sql, Int32(binds.count), types.baseAddress)
            }
            _ = try check(prepared, handle: handle)
            statements[key] = name
        }

        roundTrips.count()
        let result = try Self.withValues(binds) { values, lengths, formats in
            PQexecPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
        }
        return try check(result, handle: handle)
    }

    private func makeRoomForStatements(_ count: Int) throws {
        if statements.count + count > Self.statementCacheLimit {
            _ = try simpleQuery("DEALLOCATE ALL")
            statements.removeAll()
        }
    }

    private func nextStatementName() -> String {
        statementCounter += 1
        return "arca_\(statementCounter)"
    }

    /// Hands the parameters to libpq as C strings (text) or bytes (binary), freed afterwards.
    private static func withValues<R>(
        _ binds: [PostgresBind], _ body: (UnsafePointer<UnsafePointer<CChar>?>?, [Int32], [Int32]) -> R
    ) throws -> R {
        var values: [UnsafeMutablePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        values.reserveCapacity(binds.count)
        defer { values.forEach { free($0) } }
        for bind in binds {
            switch bind.value {
            case .null:
                values.append(nil)
                lengths.append(0)
                formats.append(0)
            case .text(let text):
                guard !text.utf8.contains(0) else {
                    throw PostgresError(
                        kind: .unsendableParameter, message: "a text parameter holds a NUL character, which PostgreSQL text cannot store",
                        sqlState: PostgresError.State.characterNotInRepertoire)
                }
                values.append(strdup(text))
                lengths.append(0)
                formats.append(0)
            case .binary(let bytes):
                let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
                bytes.withUnsafeBytes { source in
                    UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress!, byteCount: bytes.count)
                }
                values.append(buffer)
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        return values.withUnsafeBufferPointer { values in
            values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { body($0.baseAddress, lengths, formats) }
        }
    }

    /// Sends every statement before reading any answer (libpq's pipeline mode), so that all
    /// of them cost one round trip to the server. They run in order; outside a transaction
    /// they form one implicit transaction. The first that fails is thrown, and those after it
    /// do not run. Statements are prepared once per connection, as `query` prepares them.
    func pipeline(_ statements: [(sql: String, binds: [PostgresBind])]) throws -> [QueryResult] {
        let handle = try requireHandle()
        let carried = deferred.count
        let statements = deferred + statements
        discardDeferred()
        try makeRoomForStatements(statements.count)
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        // What each answer will be: a preparation (of this key and name) or a statement's result.
        var answers: [(key: StatementKey, name: String)?] = []
        var preparing: [StatementKey: String] = [:]
        var sendFailure: (any Error)?
        for (sql, binds) in statements where sendFailure == nil {
            let types = binds.map(\.oid)
            let key = StatementKey(sql: sql, types: types)
            var name = self.statements[key] ?? preparing[key]
            if name == nil {
                let fresh = nextStatementName()
                let sent = types.withUnsafeBufferPointer { PQsendPrepare(handle, fresh, sql, Int32(binds.count), $0.baseAddress) }
                guard sent == 1 else { sendFailure = PostgresError.connection(String(cString: PQerrorMessage(handle))); break }
                preparing[key] = fresh
                answers.append((key, fresh))
                name = fresh
            }
            do {
                let sent = try Self.withValues(binds) { values, lengths, formats in
                    PQsendQueryPrepared(handle, name, Int32(binds.count), values, lengths, formats, 0)
                }
                guard sent == 1 else { throw PostgresError.connection(String(cString: PQerrorMessage(handle))) }
            } catch {
                sendFailure = error
                break
            }
            answers.append(nil)
        }
        if sendFailure == nil, PQpipelineSync(handle) != 1 {
            sendFailure = PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        if let sendFailure {
            // Half a pipeline was sent: the connection cannot be trusted; the pool replaces it.
            close()
            throw sendFailure
        }
        roundTrips.count()
        var results: [QueryResult] = []
        var failure: (any Error)?
        for answer in answers {
            guard let result = PQgetResult(handle) else {
                failure = failure ?? PostgresError.connection(String(cString: PQerrorMessage(handle)))
                break
            }
            if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                PQclear(result)
            } else {
                do {
                    let outcome = try check(result, handle: handle)
                    if let answer { self.statements[answer.key] = answer.name } else if failure == nil { results.append(outcome) }
                } catch {
                    failure = failure ?? error
                }
            }
            // Each command's results end with a null result.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync point, then back to ordinary mode.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        guard PQexitPipelineMode(handle) == 1 else {
            close()
            throw failure ?? PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        if let failure { throw failure }
        return Array(results.dropFirst(carried))
    }

    /// Sends `BEGIN …` with the transaction's first statement rather than on its own.
    func beginLater(_ sql: String) {
        precondition(deferred.isEmpty, "a transaction begins with nothing deferred")
        deferred = [(sql, [])]
        beginUnsent = true
    }

    /// Sends `sql` with the next statement that needs an answer, or with COMMIT.
    func sendLater(_ sql: String, _ binds: [PostgresBind]) {
        deferred.append((sql, binds))
    }

    /// COMMIT, with whatever was deferred in the same round trip.
    func commit() throws {
        if beginUnsent, deferred.count == 1 { return discardDeferred() }
        _ = try pipeline([("COMMIT", [])])
    }

    /// ROLLBACK; deferred statements are dropped unsent, and a transaction whose BEGIN was
    /// never sent needs nothing from the server.
    func rollback() throws {
        let begun = !beginUnsent
        discardDeferred()
        // A COMMIT that failed has already ended the transaction.
        if begun, transactionStatus != PQTRANS_IDLE { try simpleQuery("ROLLBACK") }
    }

    /// Drops deferred statements unsent: the work they belong to failed before they left.
    func discardDeferred() {
        deferred.removeAll()
        beginUnsent = false
    }

    /// Runs a script of one or more statements without parameters (the simple protocol),
    /// as migrations and session commands need. Returns the last statement's result.
    @discardableResult
    func simpleQuery(_ sql: String) throws -> QueryResult {
        let handle = try requireHandle()
        if !deferred.isEmpty { _ = try pipeline([]) }
        roundTrips.count()
        return try check(PQexec(handle, sql), handle: handle)
    }

    /// `COPY … FROM STDIN` in text format; `produce` appends rows through the writer.
    func copyIn(_ sql: String, _ produce: (inout CopyWriter) throws -> Void) throws -> Int {
        let handle = try requireHandle()
        if !deferred.isEmpty { _ = try pipeline([]) }
        // One trip to start the copy, one to end it; the rows stream in between.
        roundTrips.count(2)
        guard let start = PQexec(handle, sql) else {
            throw PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try check(start, handle: handle)
            throw PostgresError(kind: .protocolViolation, message: "statement is not a COPY … FROM STDIN: \(sql)")
        }
        PQclear(start)
        var writer = CopyWriter(handle: handle)
        var failure: (any Error)?
        do {
            try produce(&writer)
            try writer.flush()
        } catch {
            failure = error
        }
        let end: Int32
        if let failure {
            end = PQputCopyEnd(handle, "aborted by the client: \(failure)")
        } else {
            end = PQputCopyEnd(handle, nil)
        }
        var outcome: QueryResult?
        var serverError: (any Error)?
        while let result = PQgetResult(handle) {
            do {
                outcome = try check(result, handle: handle)
            } catch {
                serverError = serverError ?? error
            }
        }
        if let failure { throw failure }
        if let serverError { throw serverError }
        guard end == 1, let outcome else {
            throw PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        return outcome.affectedRows
    }

    private func check(_ result: OpaquePointer?, handle: OpaquePointer) throws -> QueryResult {
        guard let result else {
            throw PostgresError.connection(String(cString: PQerrorMessage(handle)))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(taking: result)
        default:
            let error = Self.serverError(result, handle: handle)
            PQclear(result)
            throw error
        }
    }

    private static func serverError(_ result: OpaquePointer, handle: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        guard let sqlState = field(CLIBPQ_DIAG_SQLSTATE) else {
            let message = String(cString: PQresultErrorMessage(result))
            return PostgresError.connection(message.isEmpty ? String(cString: PQerrorMessage(handle)) : message)
        }
        return PostgresError(
            kind: .server,
            message: field(CLIBPQ_DIAG_MESSAGE_PRIMARY) ?? "server error",
            sqlState: sqlState,
            severity: field(CLIBPQ_DIAG_SEVERITY),
            detail: field(CLIBPQ_DIAG_MESSAGE_DETAIL),
            hint: field(CLIBPQ_DIAG_MESSAGE_HINT),
            schema: field(CLIBPQ_DIAG_SCHEMA_NAME),
            table: field(CLIBPQ_DIAG_TABLE_NAME),
            column: field(CLIBPQ_DIAG_COLUMN_NAME),
            constraint: field(CLIBPQ_DIAG_CONSTRAINT_NAME))
    }
}

/// How many times a pool's connections have waited for the server's answer: a statement, a
/// pipeline of them, or a preparation. Shared by the pool and its connections.
final class RoundTrips: Sendable {
    private let total = Atomic<Int>(0)

    func count(_ trips: Int = 1) {
        total.add(trips, ordering: .relaxed)
    }

    var value: Int { total.load(ordering: .relaxed) }
}

/// Buffers COPY text rows and hands them to libpq in large chunks.
public struct CopyWriter {
    private let handle: OpaquePointer
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 18

    init(handle: OpaquePointer) {
        self.handle = handle
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Appends one row; nil fields are NULL.
    public mutating func append(_ fields: [String?]) throws {
        CopyText.appendRow(fields, to: &buffer)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Appends one row of bound values, rendered in their text form.
    public mutating func append(values: [any PostgresEncodable]) throws {
        try append(values.map { $0.postgresBind.textRepresentation })
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw PostgresError.connection(String(cString: PQerrorMessage(handle))) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Routes server NOTICE and WARNING messages to the logger instead of stderr.
final class NoticeSink: @unchecked Sendable {
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// NOTICEs are routine (e.g. "already exists, skipping") and go to debug; WARNINGs
    /// and anything else are worth seeing.
    func receive(_ message: String) {
        let line = PostgresError.oneLine(message)
        if line.hasPrefix("NOTICE:") || line.hasPrefix("DEBUG:") || line.hasPrefix("INFO:") {
            logger.debug("postgres: \(line)")
        } else {
            logger.warning("postgres: \(line)")
        }
    }
}
