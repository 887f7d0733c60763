import Foundation
import ArcaApplication
import ArcaDomain
import HTTPTypes
import Hummingbird

/// Per-request state: Hummingbird's core, and who is asking once the token is checked.
public struct ArcaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` on every `/v1` route.
    var caller: Caller?
    /// The address the request came from (the load balancer's, behind one).
    let client: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.client = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in caller; a route outside the authenticated group has none.
    func requireCaller() throws -> Caller {
        guard let caller else { throw UseCaseError.unauthenticated }
        return caller
    }
}

/// Finds the caller from `Authorization: Bearer <token>` and refuses the request with 401
/// when there is no valid token.
struct AuthenticationMiddleware: RouterMiddleware {
    let authenticate: Authenticate

    func handle(
        _ request: Request, context: ArcaRequestContext, next: (Request, ArcaRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else { throw UseCaseError.unauthenticated }
        var context = context
        let caller: Caller
        do {
            caller = try await authenticate(token: Self.token(afterScheme: header.dropFirst(7)), client: context.client)
        } catch let error as UseCaseError {
            // Who failed, from where: never the token itself.
            context.logger.notice("sign-in refused", metadata: ["client": .string(context.client ?? "-"), "why": .string(error.description)])
            throw error
        }
        context.caller = caller.consulting(for: try Self.purpose(of: request))
        context.logger[metadataKey: "user"] = .string(context.caller?.name ?? "")
        return try await next(request, context)
    }

    /// The token, without the blanks around it (Foundation's trimming cost more than the
    /// rest of the check, which a warm server answers from memory).
    static func token(afterScheme text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    static let purposeHeader = HTTPField.Name("X-Purpose")!

    /// Why the caller consults, from `X-Purpose` (percent-encoded when the free text is not
    /// ASCII); a purpose that cannot be read refuses the request.
    static func purpose(of request: Request) throws -> ConsultationPurpose? {
        guard let text = request.headers[purposeHeader] else { return nil }
        do {
            return try ConsultationPurpose(text.removingPercentEncoding ?? text)
        } catch {
            throw UseCaseError.invalid("X-Purpose", "purpose", error.description)
        }
    }
}
