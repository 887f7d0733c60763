import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves one asset and records the move: the new state and values, an event, and an
/// audit entry, in the caller's transaction. Every transition goes through here.
struct AssetMove {
    let store: Store
    let caller: Caller
    let operation: String

    /// `dayField` names the request's date, which a refusal of a date before the asset's
    /// latest event names too.
    func apply(
        _ action: AssetAction, to asset: Asset, on day: Day, dayField: String, reason: String, orderID: UUID? = nil,
        valueConfiscationOfMoney: Bool = false, amount: Money? = nil, outcome: DisposalOutcome? = nil, disposal: DisposalDetails = DisposalDetails()
    ) async throws -> Asset {
        do throws(EventDateError) {
            try asset.checkEventDate(day)
        } catch {
            throw UseCaseError.invalid(dayField, "not-before-last-event", "asset \(asset.id.lowercased): \(error.description)")
        }
        var valuations = try await store.valuations.forAsset(asset.id)
        if action == .sellInterim, let amount {
            // The asset is replaced by its proceeds: the price is its value from that day,
            // the latest of that day's valuations, as `forAsset` would list it once written.
            let sale = Valuation(id: UUID(), assetID: asset.id, valuedOn: day, method: .sale, value: amount, recordedBy: caller.name)
            try await store.valuations.add(sale)
            try await store.audit.change(operation, by: caller, entity: "valuation", id: sale.id.lowercased, after: sale, reason: reason)
            valuations.insert(sale, at: valuations.firstIndex { $0.valuedOn > day } ?? valuations.endIndex)
        }
        var moved = asset
        do throws(AssetTransitionError) {
            try moved.apply(action, on: day, valuations: valuations, valueConfiscationOfMoney: valueConfiscationOfMoney, realised: amount)
        } catch {
            throw UseCaseError.conflict("asset \(asset.id.lowercased) (\(asset.description.prefix(60))): \(error.description)")
        }
        moved.version += 1
        guard try await store.assets.update(moved) else {
            throw UseCaseError.conflict("asset \(asset.id.lowercased) was changed meanwhile: try again")
        }
        try await store.assetEvents.append(
            assetID: asset.id,
            AssetEvent(
                action: action.rawValue, from: asset.state, to: moved.state, occurredOn: day, actor: caller.name, reason: reason,
                orderID: orderID, amount: Self.amount(of: action, before: asset, after: moved, given: amount), outcome: outcome,
                costs: disposal.costs, recipientID: disposal.recipientID))
        try await store.audit.change(operation, by: caller, entity: "asset", id: asset.id.lowercased, before: asset, after: moved, reason: reason)
        return moved
    }

    /// The amount an event carries: the value it fixed, or the price, sum or proceeds it names.
    static func amount(of action: AssetAction, before: Asset, after: Asset, given: Money?) -> Money? {
        switch action {
        case .freeze: return before.frozenOn == nil ? after.valueAtFreezing : nil
        case .orderConfiscation: return after.valueAtConfiscation
        case .sellInterim, .recordRecovery, .dispose: return given
        default: return nil
        }
    }
}

/// What a disposal cost, and the victim who received the property or its proceeds.
struct DisposalDetails {
    var costs: Money?
    var recipientID: UUID?
}
