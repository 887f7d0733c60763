import Foundation

/// Everything that can go wrong talking to PostgreSQL, with the server's diagnostic fields
/// when the server produced the error.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The server refused a statement (see `sqlState`).
        case server
        /// The connection could not be opened, or broke.
        case connection
        /// The pool was closed before or while the call waited.
        case poolClosed
        /// Every connection stayed busy for the pool's acquire timeout.
        case poolTimeout
        /// A value could not be decoded into the Swift type asked for.
        case decoding
        /// libpq answered in a way the caller did not expect (e.g. COPY state).
        case protocolViolation
        /// A parameter cannot be sent as it is: text holding NUL, which libpq would cut short
        /// and PostgreSQL's text cannot hold (reported with SQLSTATE 22021, as the server would).
        case unsendableParameter
    }

    public var kind: Kind
    public var message: String
    public var sqlState: String?
    public var severity: String?
    public var detail: String?
    public var hint: String?
    public var schema: String?
    public var table: String?
    public var column: String?
    public var constraint: String?

    public init(
        kind: Kind, message: String, sqlState: String? = nil, severity: String? = nil,
        detail: String? = nil, hint: String? = nil, schema: String? = nil, table: String? = nil,
        column: String? = nil, constraint: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.schema = schema
        self.table = table
        self.column = column
        self.constraint = constraint
    }

    /// One line fit for a log: what went wrong and where, never the row it was about.
    /// The server's DETAIL ("Failing row contains …", "Key (name)=(…)") is left out, and so
    /// is the message of a refused value (class 22), which quotes the value.
    public var description: String {
        var text = sqlState?.hasPrefix("22") == true ? "a value was refused" : message
        var facts: [String] = []
        if let sqlState { facts.append("SQLSTATE \(sqlState)") }
        if let table { facts.append("table \(table)") }
        if let column { facts.append("column \(column)") }
        if let constraint { facts.append("constraint \(constraint)") }
        if !facts.isEmpty { text += " (" + facts.joined(separator: ", ") + ")" }
        return text
    }

    /// SQLSTATE codes the application reacts to.
    public enum State {
        public static let uniqueViolation = "23505"
        public static let foreignKeyViolation = "23503"
        public static let checkViolation = "23514"
        public static let notNullViolation = "23502"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let characterNotInRepertoire = "22021"
        public static let syntaxError = "42601"
        public static let undefinedTable = "42P01"
    }

    static func connection(_ message: String) -> PostgresError {
        PostgresError(kind: .connection, message: oneLine(message))
    }

    static func decoding(_ message: String) -> PostgresError {
        PostgresError(kind: .decoding, message: message)
    }

    /// libpq's messages end with a newline and may span lines; a log line or a CLI error
    /// wants one line.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
