import ArcaApplication
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/settings`: the deployment's settings, read by every user and changed by administrators.
struct SettingRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        v1.get("settings") { _, context -> Reply in
            _ = try context.requireCaller()
            return try Reply(PageResource(items: try await useCases.listSettings(), next: nil))
        }

        v1.put("settings/{key}") { request, context -> Reply in
            let body = try JSONObjectReader.body(try await bodyData(request, context))
            var change = SettingChange(value: body.string("value"))
            change.unreadable = body.finish()
            let key = context.parameters.get("key") ?? ""
            return try Reply(try await useCases.changeSetting(key: key, change, by: try context.requireCaller()))
        }
    }
}
