import ArcaApplication
import Hummingbird
import Logging

/// Turns every error escaping a handler, and every 404 of an unknown route, into
/// `application/problem+json`. Unexpected errors are logged and answered with a 500 that
/// reveals nothing of them.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
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
            return response
        } catch let error as DatabaseUnavailable {
            context.logger.warning("\(error)")
            var response = try Problem.serviceUnavailable("The database does not answer; try again shortly.").response(from: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as HTTPError {
            let problem: Problem =
                error.status == .notFound
                ? .notFound("No resource at \(request.method.rawValue) \(request.uri.path).")
                : .http(error.status, detail: error.body)
            return try problem.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try Problem.http(error.status, detail: nil).response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error: \(String(reflecting: error))")
            return try Problem.internalError().response(from: request, context: context)
        }
    }
}
