import Foundation
import Hummingbird

/// An RFC 9457 problem document: every error ARCA's API returns is one of these, with the
/// offending fields and the rule each broke when the request itself was at fault.
public struct Problem: Error, Codable, Sendable, Equatable {
    /// One broken rule on one field of the request.
    public struct FieldError: Codable, Sendable, Equatable {
        /// JSON pointer-like path of the field (`estimatedValue.amount`), or a header name.
        public var field: String
        /// A stable machine name for the rule (`required`, `iban-check-digits`…).
        public var rule: String
        public var message: String

        public init(field: String, rule: String, message: String) {
            self.field = field
            self.rule = rule
            self.message = message
        }
    }

    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    public var instance: String?
    public var errors: [FieldError]?

    public init(
        type: String, title: String, status: Int, detail: String? = nil, instance: String? = nil,
        errors: [FieldError]? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.errors = errors
    }

    /// Problem types are URNs so they never look like links to follow.
    static func typeURI(_ name: String) -> String { "urn:arca:problem:\(name)" }

    public static func notFound(_ detail: String? = nil) -> Problem {
        Problem(type: typeURI("not-found"), title: "Not found", status: 404, detail: detail)
    }

    public static func serviceUnavailable(_ detail: String) -> Problem {
        Problem(type: typeURI("service-unavailable"), title: "Service unavailable", status: 503, detail: detail)
    }

    public static func internalError() -> Problem {
        Problem(
            type: typeURI("internal-error"), title: "Internal error", status: 500,
            detail: "The server could not complete the request; the error is in its log.")
    }

    /// Any other HTTP status the server itself produced (405, 413, …).
    static func http(_ status: HTTPResponse.Status, detail: String?) -> Problem {
        let name = status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-")
        return Problem(type: typeURI(name), title: status.reasonPhrase, status: status.code, detail: detail)
    }
}

extension Problem: ResponseGenerator {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = problem.instance ?? request.uri.path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(problem)
        return Response(
            status: HTTPResponse.Status(code: problem.status),
            headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
