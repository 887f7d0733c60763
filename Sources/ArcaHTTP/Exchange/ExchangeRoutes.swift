import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/exchange`: the inbox partners deliver their signed messages to, and what was sent
/// to partners.
struct ExchangeRoutes {
    let useCases: UseCases

    /// `POST /v1/exchange/inbox`: authenticated by the envelope's signature, not a token.
    func registerInbox(on router: Router<ArcaRequestContext>) {
        router.post("v1/exchange/inbox") { request, context -> Reply in
            let body = try await bodyData(request, context)
            return Reply(json: try await useCases.receiveMessage(Array(body)))
        }
    }

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        v1.get("exchange/deliveries") { request, context -> Reply in
            let query = request.uri.queryParameters
            let deliveries = try await useCases.listDeliveries(
                requestID: query.get("requestId"), certificateID: query.get("certificateId"), limit: try request.limit(), by: try context.requireCaller())
            return try Reply(DeliveryListResource(deliveries))
        }
    }
}
