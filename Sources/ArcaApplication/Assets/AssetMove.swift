import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves assets and records each move: the new state and values, an event, and an audit
/// entry, in the caller's transaction. Every transition goes through here.
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
        try checkEventDate(of: asset, day, dayField: dayField)
        var valuations = try await store.valuations.forAsset(asset.id)
        if action == .sellInterim, let amount {
            // The asset is replaced by its proceeds: the price is its value from that day,
            // the latest of that day's valuations.
            let sale = Valuation(id: UUID(), assetID: asset.id, valuedOn: day, method: .sale, value: amount, recordedBy: caller.name)
            try await store.valuations.add(sale)
            try await store.audit.change(operation, by: caller, entity: "valuation", id: sale.id.lowercased, after: sale, reason: reason)
            valuations.insertEntered(sale)
        }
        let move = PlannedMove(
            asset: asset, action: action, reason: reason, amount: amount, valueConfiscationOfMoney: valueConfiscationOfMoney, outcome: outcome,
            disposal: disposal)
        let worked = try workOut(move, on: day, dayField: dayField, orderID: orderID, valuations: valuations)
        try await record([worked])
        return worked.after
    }

    /// Moves the assets of one step (an order's) on `day`: their valuations are read in one
    /// statement and their new states stored in one round trip, however many they are.
    /// An interim sale, which records a valuation of its own, moves one asset at a time.
    func apply(_ moves: [PlannedMove], on day: Day, dayField: String, orderID: UUID) async throws {
        precondition(!moves.contains { $0.action == .sellInterim }, "an interim sale is applied on its own")
        guard !moves.isEmpty else { return }
        let valuations = try await store.valuations.forAssets(moves.map(\.asset.id))
        // Each asset checked whole before the next, so the first refused is the one reported.
        let worked = try moves.map { move in
            try checkEventDate(of: move.asset, day, dayField: dayField)
            return try workOut(move, on: day, dayField: dayField, orderID: orderID, valuations: valuations[move.asset.id] ?? [])
        }
        try await record(worked)
    }

    private func checkEventDate(of asset: Asset, _ day: Day, dayField: String) throws {
        do throws(EventDateError) {
            try asset.checkEventDate(day)
        } catch {
            throw UseCaseError.invalid(dayField, "not-before-last-event", "asset \(asset.id.lowercased): \(error.description)")
        }
    }

    /// The asset after the move, and the event that records it; nothing stored yet.
    private func workOut(_ move: PlannedMove, on day: Day, dayField: String, orderID: UUID?, valuations: [Valuation]) throws -> WorkedMove {
        let asset = move.asset
        var moved = asset
        do throws(AssetTransitionError) {
            try moved.apply(
                move.action, on: day, valuations: valuations, valueConfiscationOfMoney: move.valueConfiscationOfMoney, realised: move.amount)
        } catch {
            throw UseCaseError.conflict("asset \(asset.id.lowercased) (\(asset.description.prefix(60))): \(error.description)")
        }
        moved.version += 1
        let event = AssetEvent(
            action: move.action.rawValue, from: asset.state, to: moved.state, occurredOn: day, actor: caller.name, reason: move.reason,
            orderID: orderID, amount: Self.amount(of: move.action, before: asset, after: moved, given: move.amount), outcome: move.outcome,
            costs: move.disposal.costs, recipientID: move.disposal.recipientID)
        return WorkedMove(planned: move, after: moved, event: event)
    }

    /// Stores the moves: every asset's new state in one round trip, refused if any changed
    /// meanwhile; their events and audit entries travel with the transaction's next statement.
    private func record(_ moves: [WorkedMove]) async throws {
        if let stale = try await store.assets.update(moves.map(\.after)).first {
            throw UseCaseError.conflict("asset \(stale.lowercased) was changed meanwhile: try again")
        }
        for move in moves {
            try await store.assetEvents.append(assetID: move.after.id, move.event)
            try await store.audit.change(
                operation, by: caller, entity: "asset", id: move.after.id.lowercased, before: move.planned.asset, after: move.after,
                reason: move.planned.reason)
        }
    }

    /// One asset's move worked out: as planned (the asset before it), the asset after, and its event.
    private struct WorkedMove {
        let planned: PlannedMove
        let after: Asset
        let event: AssetEvent
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
