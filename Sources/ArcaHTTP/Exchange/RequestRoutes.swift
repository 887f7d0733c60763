import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/requests`: cross-border information requests, their moves and their deadlines.
struct RequestRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        let post = IdempotentPost(keys: useCases.idempotencyKeys)

        v1.post("requests") { request, context -> Reply in
            try await post(request, context) { body in
                var input = NewRequest(
                    direction: body.string("direction"), kind: body.string("kind"), caseID: body.string("caseId"),
                    counterpartState: body.string("counterpartState"), counterpartOffice: body.string("counterpartOffice"),
                    channel: body.string("channel"), externalReference: body.string("externalReference"), urgent: body.bool("urgent"),
                    urgencyReason: body.string("urgencyReason"), directlyAccessible: body.bool("directlyAccessible"),
                    receivedAt: body.string("receivedAt"),
                    form: RequestForm(
                        offence: body.string("offence"), circumstances: body.string("circumstances"),
                        informationSought: body.string("informationSought"), reasonsToBelieve: body.string("reasonsToBelieve"),
                        purpose: body.string("purpose"), restrictions: body.string("restrictions")),
                    subjects: body.strings("subjects"), assets: body.strings("assets"))
                input.unreadable = body.finish()
                let file = try await useCases.registerRequest(input, by: try context.requireCaller())
                return try Reply(
                    RequestFileResource(file), status: .created, etag: file.request.version, location: "/v1/requests/\(file.request.id.lowercased)")
            }
        }

        v1.get("requests") { request, context -> Reply in
            let list = try await useCases.listRequests(try RequestListRequest(request), by: try context.requireCaller())
            return try Reply(
                PageResource(items: list.page.items.map { RequestResource($0, readAt: list.readAt, timeZone: list.timeZone) }, next: list.page.next))
        }

        v1.get("requests/{id}") { _, context -> Reply in
            let file = try await useCases.readRequest(id: try context.id(), by: try context.requireCaller())
            return try Reply(RequestFileResource(file), etag: file.request.version)
        }

        v1.post("requests/{id}/events") { request, context -> Reply in
            let requestID = try context.id()
            return try await post(request, context) { body in
                var input = RequestMoveInput(
                    action: body.string("action"), reason: body.string("reason"), refusalGround: body.string("refusalGround"),
                    expectedOn: body.string("expectedOn"), urgent: body.bool("urgent"), urgencyReason: body.string("urgencyReason"),
                    directlyAccessible: body.bool("directlyAccessible"), occurredAt: body.string("occurredAt"),
                    externalReference: body.string("externalReference"), caseID: body.string("caseId"))
                input.unreadable = body.finish()
                let file = try await useCases.moveRequest(
                    requestID: requestID, input, expectedVersion: try ETag.expectedVersion(request), by: try context.requireCaller())
                return try Reply(
                    RequestFileResource(file), status: .created, etag: file.request.version, location: "/v1/requests/\(requestID.lowercased)")
            }
        }
    }
}

extension RequestListRequest {
    /// The filters of a list of requests or certificates, from the query string.
    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        self.init(
            caseID: query.get("case"), direction: query.get("direction"), state: query.get("state"), overdue: query.get("overdue"),
            dueWithin: query.get("dueWithin"), limit: try request.limit(), cursor: query.get("cursor"))
    }
}
