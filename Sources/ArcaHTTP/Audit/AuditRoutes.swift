import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `GET /v1/audit-entries`: who consulted or changed what, for auditors and administrators.
struct AuditRoutes {
    let readAuditTrail: ReadAuditTrail

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        v1.get("audit-entries") { request, context -> Reply in
            let query = request.uri.queryParameters
            let page = try await readAuditTrail(
                AuditListRequest(
                    entity: query.get("entity"), entityID: query.get("entityId"), actor: query.get("actor"), kind: query.get("kind"),
                    operation: query.get("operation"), from: query.get("from"), to: query.get("to"), limit: try request.limit(),
                    cursor: query.get("cursor")),
                by: try context.requireCaller())
            return try Reply(PageResource(items: page.items.map(AuditEntryResource.init), next: page.next))
        }
    }
}
