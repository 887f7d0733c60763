import ArcaDomain
import ArcaPersistence
import Foundation

/// Why a use case did not do what it was asked. The interfaces turn each into their own
/// form: an HTTP status with a problem document, or a one-line CLI error.
public enum UseCaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No valid credentials.
    case unauthenticated
    /// A message from another deployment that cannot be trusted: an unknown sender or a
    /// signature that is not its own, on the named field.
    case untrusted(FieldViolation)
    /// The caller's role or office may not do this.
    case forbidden(String)
    /// The record does not exist, or the caller may not know it does.
    case notFound(String)
    /// The request broke one or more rules, each on a named field.
    case invalid([FieldViolation])
    /// The request clashes with what is recorded (a duplicate, an illegal transition).
    case conflict(String)
    /// The idempotency key is already bound to a different request: the request itself is
    /// well formed and would be carried out under a new key, so this is a conflict with the
    /// server's state (409), not a broken rule of the request (422).
    case keyReused
    /// The caller's copy is not the current version.
    case stale(String)
    /// A change was sent without the version it was made against.
    case versionRequired
    /// Too many failed sign-ins from the same place lately: try again after that many seconds.
    case throttled(retryAfterSeconds: Int)

    public var description: String {
        switch self {
        case .unauthenticated: return "not signed in: a valid API token is needed"
        case .untrusted(let violation): return violation.description
        case .forbidden(let why): return why
        case .notFound(let what): return "\(what) not found"
        case .invalid(let violations): return violations.map(\.description).joined(separator: "; ")
        case .conflict(let why): return why
        case .keyReused: return Self.keyReusedMessage
        case .stale(let why): return why
        case .versionRequired: return "the current version (ETag) is required to change this record"
        case .throttled(let seconds): return "too many failed sign-ins from this address: try again in \(seconds) s"
        }
    }

    public static let keyReusedMessage = "this key was used for a different request; use a new key for a new request"

    public static func invalid(_ field: String, _ rule: String, _ message: String) -> UseCaseError {
        .invalid([FieldViolation(field: field, rule: rule, message: message)])
    }

    /// A change is made against the version the caller read (the API's If-Match): refused
    /// when none is given, and when the record has moved on since.
    static func requireCurrent(_ expected: ExpectedVersion?, _ current: Int, of record: String) throws(UseCaseError) {
        guard let expected else { throw .versionRequired }
        guard expected.matches(current) else { throw .stale("\(record) is at version \(current), not \(expected): read it again") }
    }
}

extension UseCaseError {
    /// Another change of the record committed between reading and writing it. A client that
    /// named the version it read is told its copy is stale (412); one that sent `If-Match: *`
    /// named none, so the change simply lost a race (409).
    static func changedMeanwhile(_ record: String, expected: ExpectedVersion?) -> UseCaseError {
        expected == .anyCurrent
            ? .conflict("\(record) was changed meanwhile by another request: send yours again")
            : .stale("\(record) was changed meanwhile: read it again")
    }
}

/// The version a change was made against: the API's `If-Match` (RFC 9110 §13.1.1).
public enum ExpectedVersion: Sendable, Equatable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// `If-Match: *`: whichever version is current.
    case anyCurrent
    /// One of these versions; none when the header held only tags that can never match
    /// (weak or malformed ones).
    case oneOf(Set<Int>)

    public init(integerLiteral version: Int) {
        self = .oneOf([version])
    }

    public static func exactly(_ version: Int) -> ExpectedVersion { .oneOf([version]) }

    func matches(_ current: Int) -> Bool {
        switch self {
        case .anyCurrent: return true
        case .oneOf(let versions): return versions.contains(current)
        }
    }

    public var description: String {
        switch self {
        case .anyCurrent: return "*"
        case .oneOf(let versions) where versions.isEmpty: return "a version (the If-Match tag names none)"
        case .oneOf(let versions): return versions.sorted().map(String.init).joined(separator: " or ")
        }
    }
}

/// The database cannot be reached now: interfaces answer "try later" (HTTP 503).
public typealias DatabaseUnavailable = ArcaPersistence.DatabaseUnavailable
/// Concurrent changes kept rolling the work back: interfaces answer "try again" (HTTP 503).
public typealias DatabaseBusy = ArcaPersistence.DatabaseBusy
/// A row the database's own rules refused although the use case accepted it.
public typealias ConstraintViolation = ArcaPersistence.ConstraintViolation

/// One broken rule on one input field.
public struct FieldViolation: Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let rule: String
    public let message: String

    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// A request as an interface read it. What the interface could not read (a field of the
/// wrong type, an unknown field) travels with it, and the use case reports it together with
/// every rule the rest breaks, so a client learns all its mistakes at once.
public protocol RequestInput: Sendable {
    var unreadable: [FieldViolation] { get set }
}

/// Collects every violation of an input before refusing it, so a client learns all its
/// mistakes at once.
struct Validation {
    private(set) var violations: [FieldViolation] = []
    /// Fields the interface could not read: their value is missing, which is no second mistake.
    private var unreadableFields: Set<String> = []

    init() {}

    init(reading input: some RequestInput) {
        violations = input.unreadable
        unreadableFields = Set(input.unreadable.map(\.field))
    }

    mutating func add(_ field: String, _ rule: String, _ message: String) {
        guard !unreadableFields.contains(field) else { return }
        violations.append(FieldViolation(field: field, rule: rule, message: message))
    }

    /// Runs a parse; on failure records it under `field` and returns nil.
    mutating func check<T, E: Error & CustomStringConvertible>(
        _ field: String, _ rule: String, _ parse: () throws(E) -> T
    ) -> T? {
        do {
            return try parse()
        } catch {
            add(field, rule, error.description)
            return nil
        }
    }

    /// The value of a field the request must carry; records a `required` violation when absent.
    mutating func required<T>(_ field: String, _ value: T?) -> T? {
        if value == nil { add(field, "required", "\(field) is required") }
        return value
    }

    /// Parses a field the request must carry.
    mutating func required<S, T, E: Error & CustomStringConvertible>(
        _ field: String, _ value: S?, _ rule: String, _ parse: (S) throws(E) -> T
    ) -> T? {
        guard let value = required(field, value) else { return nil }
        return check(field, rule) { () throws(E) in try parse(value) }
    }

    /// Parses a field the request may leave out.
    mutating func optional<S, T, E: Error & CustomStringConvertible>(
        _ field: String, _ value: S?, _ rule: String, _ parse: (S) throws(E) -> T
    ) -> T? {
        guard let value else { return nil }
        return check(field, rule) { () throws(E) in try parse(value) }
    }

    /// A yes-or-no filter of a list, written `true` or `false`.
    mutating func optionalFlag(_ field: String, _ value: String?) -> Bool? {
        optional(field, value, "boolean") { (text) throws(VocabularyError) in try ["true": true, "false": false][text].orRefuse(text, as: "true or false") }
    }

    /// How many rows a page shows: `limit` if it is within bounds, else the default.
    mutating func pageLimit(_ requested: Int?) -> Int {
        let limit = requested ?? Validation.defaultPageLimit
        if !Validation.pageLimits.contains(limit) {
            add("limit", "range", "limit must be between \(Validation.pageLimits.lowerBound) and \(Validation.pageLimits.upperBound)")
        }
        return limit
    }

    static let pageLimits = 1...200
    static let defaultPageLimit = 50

    func finish() throws(UseCaseError) {
        if !violations.isEmpty { throw .invalid(violations) }
    }
}

/// Validation reported success yet a value is missing: a programming error, never input.
func unreachable<T>() throws -> T {
    throw UseCaseError.conflict("internal inconsistency in input validation")
}
