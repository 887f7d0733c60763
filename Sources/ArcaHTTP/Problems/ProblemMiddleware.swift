import ArcaApplication
import Hummingbird
import Logging

/// Turns every error escaping a handler, and every 404 of an unknown route, into
/// `application/problem+json`. Unexpected errors are logged and answered with a 500 that
/// reveals nothing of them.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as UseCaseError {
            var response = try Problem(error).response(from: request, context: context)
            if error == .unauthenticated { response.headers[.wwwAuthenticate] = #"Bearer realm="arca""# }
            if case .throttled(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
            return response
        } catch let error as DatabaseUnavailable {
            context.logger.warning("\(error)")
            var response = try Problem.serviceUnavailable(
                "The database does not answer; try again shortly, with the same Idempotency-Key if you sent one.").response(from: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as DatabaseBusy {
            context.logger.warning("\(error)")
            var response = try Problem.serviceUnavailable("Concurrent changes kept the request from completing; nothing was done. Send it again.")
                .response(from: request, context: context)
            response.headers[.retryAfter] = "1"
            return response
        } catch let violation as ConstraintViolation {
            context.logger.warning("the database refused a row: \(violation.kind) \(violation.constraint) on \(violation.table ?? "?")")
            return try Problem(violation).response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty else {
                return try Problem.notFound("No resource at \(request.method.rawValue) \(request.uri.path).").response(from: request, context: context)
            }
            var response = try Problem.http(
                .methodNotAllowed, detail: "\(request.uri.path) answers \(allowed.joined(separator: ", ")), not \(request.method.rawValue)."
            ).response(from: request, context: context)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch let error as HTTPError {
            return try Problem.http(error.status, detail: error.body).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try Problem.http(error.status, detail: nil).response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error: \(String(describing: error))")
            return try Problem.internalError().response(from: request, context: context)
        }
    }
}

/// The router's routes by path pattern, to tell "no such resource" (404) from "not with
/// this method" (405).
struct RouteTable: Sendable {
    private let patterns: [(segments: [Substring], method: String)]

    init(_ routes: [Router<ArcaRequestContext>.RouteDescription]) {
        patterns = routes.map { route in (route.path.description.split(separator: "/"), route.method.rawValue) }
    }

    /// The methods some route answers at `path`, in a stable order.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        let matching = patterns.filter { pattern in
            pattern.segments.count == segments.count
                && zip(pattern.segments, segments).allSatisfy { $0.first == "{" || $0.first == ":" || $0 == $1 }
        }
        return Set(matching.map(\.method)).sorted()
    }
}
