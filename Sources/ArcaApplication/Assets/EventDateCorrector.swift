import ArcaDomain
import ArcaPersistence
import Foundation

/// Records that an asset event happened on another day than recorded, in the caller's
/// transaction: a `correct_date` event, the asset's days and values taken again from its
/// history, and the audit entry. Corrections of an asset's own moves and of an order's steps
/// both go through here.
struct EventDateCorrector {
    let store: Store
    let caller: Caller
    let operation: String

    func correct(_ event: AssetEvent, of asset: Asset, to day: Day, recordedOn today: Day, reason: String) async throws -> Asset {
        guard let eventID = event.id else { return try unreachable() }
        let wrongDay = AssetHistory(events: try await store.assetEvents.forAsset(asset.id)).day(of: event)
        try await store.assetEvents.append(
            assetID: asset.id,
            AssetEvent(
                action: AssetEvent.correctDate, from: asset.state, to: asset.state, occurredOn: today, actor: caller.name, reason: reason,
                orderID: event.orderID, correction: DateCorrection(eventID: eventID, correctedOn: day)))
        // The estimate typed with the asset was its value on the day it was identified, and an
        // interim sale's price its value on the day of the sale: they move with their day.
        let dated: [String: ValuationMethod] = ["identify": .estimate, AssetAction.sellInterim.rawValue: .sale]
        if let method = dated[event.action] {
            for moved in try await store.valuations.redate(method, of: asset.id, from: wrongDay, to: day) {
                try await store.audit.change(operation, by: caller, entity: "valuation", id: moved.id.lowercased, after: moved, reason: reason)
            }
        }
        var changed = asset
        changed.redate(
            from: AssetHistory(events: try await store.assetEvents.forAsset(asset.id)), valuations: try await store.valuations.forAsset(asset.id))
        changed.version += 1
        guard try await store.assets.update(changed) else { throw UseCaseError.conflict("asset \(asset.id.lowercased) was changed meanwhile: try again") }
        try await store.audit.change(operation, by: caller, entity: "asset", id: asset.id.lowercased, before: asset, after: changed, reason: reason)
        return changed
    }
}
