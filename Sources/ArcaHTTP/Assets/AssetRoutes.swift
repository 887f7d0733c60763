import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// Assets, their valuations and history, and the orders that move them.
struct AssetRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        let post = IdempotentPost(keys: useCases.idempotencyKeys)

        v1.post("cases/{id}/assets") { request, context -> Reply in
            let caseID = try context.id()
            return try await post(request, context) { body in
                var input = NewAsset(
                    category: body.string("category"), description: body.string("description"), identifiers: body.identifiers(),
                    country: body.string("country"), propertyRole: body.string("propertyRole"), owners: body.strings("owners"),
                    estimatedValue: body.money("estimatedValue"), identifiedOn: body.string("identifiedOn"))
                input.unreadable = body.finish()
                let asset = try await useCases.addAsset(caseID: caseID, input, by: try context.requireCaller())
                return Reply(AssetResource(asset), status: .created, etag: asset.version, location: "/v1/assets/\(asset.id.lowercased)")
            }
        }

        v1.get("assets") { request, context -> Reply in
            let query = request.uri.queryParameters
            let page = try await useCases.listAssets(
                AssetListRequest(
                    caseID: query.get("case"), category: query.get("category"), country: query.get("country"),
                    state: query.get("state"), identifiedFrom: query.get("identifiedFrom"), identifiedTo: query.get("identifiedTo"),
                    text: query.get("q"), valueMissing: query.get("valueMissing"), limit: try request.limit(), cursor: query.get("cursor")),
                by: try context.requireCaller())
            return Reply(PageResource(items: page.items.map(AssetResource.init), next: page.next))
        }

        v1.get("assets/{id}") { _, context -> Reply in
            let file = try await useCases.readAsset(id: try context.id(), by: try context.requireCaller())
            return Reply(AssetFileResource(file), etag: file.asset.version)
        }

        v1.patch("assets/{id}") { request, context -> Reply in
            let id = try context.id()
            let body = try JSONObjectReader.body(try await bodyData(request, context))
            var changes = AssetChanges(
                description: body.string("description"), identifiers: body.changeObject("identifiers", IdentifierInput.read),
                country: body.string("country"), propertyRole: body.change("propertyRole"), owners: body.strings("owners"))
            changes.unreadable = body.finish()
            let asset = try await useCases.updateAsset(
                id: id, changes: changes, expectedVersion: try ETag.expectedVersion(request), by: try context.requireCaller())
            return Reply(AssetResource(asset), etag: asset.version)
        }

        v1.get("assets/{id}/events") { _, context -> Reply in
            let file = try await useCases.readAsset(id: try context.id(), by: try context.requireCaller())
            return Reply(PageResource(items: AssetEventResource.ledger(file.events), next: nil))
        }

        v1.post("assets/{id}/events") { request, context -> Reply in
            let assetID = try context.id()
            return try await post(request, context) { body in
                var input = NewAssetEvent(
                    action: body.string("action"), occurredOn: body.string("occurredOn"), reason: body.string("reason"),
                    amount: body.money("amount"), outcome: body.string("outcome"), costs: body.money("costs"),
                    recipient: body.string("recipientSubjectId"))
                input.unreadable = body.finish()
                let asset = try await useCases.recordAssetEvent(assetID: assetID, input, by: try context.requireCaller())
                return Reply(AssetResource(asset), status: .created, etag: asset.version, location: "/v1/assets/\(assetID.lowercased)/events")
            }
        }

        v1.post("assets/{id}/management") { request, context -> Reply in
            let assetID = try context.id()
            return try await post(request, context) { body in
                var input = NewManagementEvent(
                    kind: body.string("kind"), occurredOn: body.string("occurredOn"), manager: body.string("manager"),
                    purpose: body.string("purpose"), amount: body.money("amount"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let event = try await useCases.recordManagementEvent(assetID: assetID, input, by: try context.requireCaller())
                return Reply(ManagementEventResource(event), status: .created, location: "/v1/assets/\(assetID.lowercased)")
            }
        }

        v1.post("assets/{id}/events/{event}/correction") { request, context -> Reply in
            let assetID = try context.id()
            guard let eventID = context.parameters.get("event").flatMap(Int64.init) else { throw UseCaseError.notFound("event") }
            return try await post(request, context) { body in
                var input = EventDateCorrection(occurredOn: body.string("occurredOn"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let file = try await useCases.correctEventDate(assetID: assetID, eventID: eventID, input, by: try context.requireCaller())
                return Reply(AssetFileResource(file), status: .created, etag: file.asset.version, location: "/v1/assets/\(assetID.lowercased)/events")
            }
        }

        v1.post("assets/{id}/valuations") { request, context -> Reply in
            let assetID = try context.id()
            return try await post(request, context) { body in
                var input = NewValuation(valuedOn: body.string("valuedOn"), method: body.string("method"), value: body.money("value"))
                input.unreadable = body.finish()
                let valuation = try await useCases.recordValuation(assetID: assetID, input, by: try context.requireCaller())
                return Reply(ValuationResource(valuation), status: .created, location: "/v1/assets/\(assetID.lowercased)")
            }
        }

        v1.post("cases/{id}/orders") { request, context -> Reply in
            let caseID = try context.id()
            return try await post(request, context) { body in
                var input = NewOrder(
                    kind: body.string("kind"), urgent: body.bool("urgent"), confirms: body.string("confirms"),
                    confiscationType: body.string("confiscationType"), issuingState: body.string("issuingState"),
                    issuingAuthority: body.string("issuingAuthority"), executingState: body.string("executingState"),
                    decisionReference: body.string("decisionReference"), decisionDate: body.string("decisionDate"),
                    assets: body.strings("assets"), subjects: body.strings("subjects"), coveredAmount: body.money("coveredAmount"))
                input.unreadable = body.finish()
                let order = try await useCases.createOrder(caseID: caseID, input, by: try context.requireCaller())
                return Reply(OrderResource(order), status: .created, etag: order.version, location: "/v1/orders/\(order.id.lowercased)")
            }
        }

        v1.get("orders/{id}") { _, context -> Reply in
            let order = try await useCases.readOrder(id: try context.id(), by: try context.requireCaller())
            return Reply(OrderResource(order), etag: order.version)
        }

        v1.post("orders/{id}/finality") { request, context -> Reply in
            let orderID = try context.id()
            return try await post(request, context) { body in
                var input = OrderFinality(on: body.string("finalOn"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let order = try await useCases.finaliseOrder(orderID: orderID, input, by: try context.requireCaller())
                return Reply(OrderResource(order), etag: order.version)
            }
        }

        v1.post("orders/{id}/execution") { request, context -> Reply in
            let orderID = try context.id()
            return try await post(request, context) { body in
                var input = OrderExecutionInput(
                    on: body.string("executedOn"), reason: body.string("reason"),
                    assets: body.objects("assets") { part in
                        OrderExecutionInput.Part(asset: part.string("asset"), realised: part.money("realised"))
                    },
                    amount: body.money("amount"))
                input.unreadable = body.finish()
                let order = try await useCases.executeOrder(orderID: orderID, input, by: try context.requireCaller())
                return Reply(OrderResource(order), etag: order.version)
            }
        }

        v1.post("orders/{id}/corrections") { request, context -> Reply in
            let orderID = try context.id()
            return try await post(request, context) { body in
                var input = OrderDateCorrectionInput(
                    step: body.string("step"), asset: body.string("asset"), execution: body.int("execution"), on: body.string("on"),
                    reason: body.string("reason"))
                input.unreadable = body.finish()
                let order = try await useCases.correctOrderDate(orderID: orderID, input, by: try context.requireCaller())
                return Reply(OrderResource(order), status: .created, etag: order.version, location: "/v1/orders/\(orderID.lowercased)")
            }
        }

        v1.post("orders/{id}/lifting") { request, context -> Reply in
            let orderID = try context.id()
            return try await post(request, context) { body in
                var input = OrderLifting(on: body.string("liftedOn"), ground: body.string("ground"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let order = try await useCases.liftOrder(orderID: orderID, input, by: try context.requireCaller())
                return Reply(OrderResource(order), etag: order.version)
            }
        }
    }
}

extension JSONObjectReader {
    /// `{"iban": …, "vin": …, …}`: the identifiers of an asset.
    func identifiers() -> IdentifierInput? {
        object("identifiers", IdentifierInput.read)
    }

    /// `{"amount": "1234.56", "currency": "EUR"}`; an amount sent as a JSON number is a
    /// type error, since a binary float may already have lost a cent.
    func money(_ key: String) -> MoneyInput? {
        object(key) { field in MoneyInput(amount: field.string("amount"), currency: field.string("currency")) }
    }
}

extension Request {
    /// The `limit` query parameter, when given, as a whole number.
    func limit() throws -> Int? {
        try uri.queryParameters.get("limit").map { text -> Int in
            guard let limit = Int(text) else {
                throw Problem.unprocessable("limit must be a whole number.", errors: [.init(field: "limit", rule: "type", message: "limit must be a whole number")])
            }
            return limit
        }
    }
}

extension IdentifierInput {
    static func read(_ field: JSONObjectReader) -> IdentifierInput {
        IdentifierInput(
            iban: field.string("iban"), vin: field.string("vin"), landRegistryReference: field.string("landRegistryReference"),
            walletAddress: field.string("walletAddress"), registrationMark: field.string("registrationMark"))
    }
}
