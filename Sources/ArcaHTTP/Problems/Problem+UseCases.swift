import ArcaApplication
import Hummingbird

extension Problem {
    static func badRequest(_ detail: String, errors: [FieldError]) -> Problem {
        Problem(type: typeURI("bad-request"), title: "Bad request", status: 400, detail: detail, errors: errors)
    }

    static func unprocessable(_ detail: String, errors: [FieldError]) -> Problem {
        Problem(type: typeURI("invalid-request"), title: "Invalid request", status: 422, detail: detail, errors: errors)
    }

    /// A use case's refusal in HTTP's terms.
    init(_ error: UseCaseError) {
        switch error {
        case .unauthenticated:
            self.init(type: Self.typeURI("unauthenticated"), title: "Unauthenticated", status: 401, detail: "Send Authorization: Bearer <token>; `arca token issue` makes one.")
        case .untrusted(let violation):
            self.init(
                type: Self.typeURI("untrusted-message"), title: "Untrusted message", status: 401, detail: violation.message,
                errors: [FieldError(field: violation.field, rule: violation.rule, message: violation.message)])
        case .forbidden(let why):
            self.init(type: Self.typeURI("forbidden"), title: "Forbidden", status: 403, detail: why)
        case .notFound(let what):
            self.init(type: Self.typeURI("not-found"), title: "Not found", status: 404, detail: "\(what) not found")
        case .invalid(let violations):
            self = .unprocessable(
                "The request breaks \(violations.count == 1 ? "a rule" : "\(violations.count) rules").",
                errors: violations.map { FieldError(field: $0.field, rule: $0.rule, message: $0.message) })
        case .conflict(let why):
            self.init(type: Self.typeURI("conflict"), title: "Conflict", status: 409, detail: why)
        case .keyReused:
            self.init(
                type: Self.typeURI("idempotency-key-reused"), title: "Conflict", status: 409, detail: "The Idempotency-Key was used for a different request.",
                errors: [FieldError(field: "Idempotency-Key", rule: "idempotency-key-reuse", message: UseCaseError.keyReusedMessage)])
        case .stale(let why):
            self.init(
                type: Self.typeURI("stale-version"), title: "Precondition failed", status: 412, detail: why,
                errors: [FieldError(field: "If-Match", rule: "current-version", message: "the ETag is not the record's current version")])
        case .versionRequired:
            self.init(
                type: Self.typeURI("version-required"), title: "Precondition required", status: 428,
                detail: "Send If-Match with the ETag of the version you read.",
                errors: [FieldError(field: "If-Match", rule: "required", message: "If-Match is required to change this record")])
        case .throttled(let seconds):
            self.init(
                type: Self.typeURI("too-many-sign-ins"), title: "Too many requests", status: 429,
                detail: "Too many requests with a token that is unknown, revoked or expired came from this address; try again in \(seconds) s.")
        }
    }
}

extension Problem {
    /// A rule only the database enforced: a duplicate is a conflict with what is recorded,
    /// anything else a value the request should not have carried.
    init(_ violation: ConstraintViolation) {
        let field = violation.column ?? violation.table ?? "body"
        switch violation.kind {
        case .duplicate:
            self.init(
                type: Self.typeURI("conflict"), title: "Conflict", status: 409,
                detail: "The record clashes with one already recorded (rule \(violation.constraint)).")
        case .missingReference, .check, .invalidValue:
            self = .unprocessable(
                "The database refused the record under its rule \(violation.constraint).",
                errors: [FieldError(field: field, rule: violation.constraint, message: "refused by the database rule \(violation.constraint)")])
        }
    }
}
