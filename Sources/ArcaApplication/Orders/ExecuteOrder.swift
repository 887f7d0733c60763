import ArcaDomain
import ArcaPersistence
import Foundation

/// Records that an order was carried out on some or all of its assets: a freezing order
/// freezes them (fixing their value at freezing on the first freeze); a final confiscation
/// order realises each asset's value. A value confiscation may be executed as a sum.
public struct ExecuteOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderExecutionInput, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("executedOn", input.on, today: caller.today(clock()))
        let reason = validation.reason("reason", input.reason)
        var named: [(UUID, Money?)] = []
        for (index, part) in (input.assets ?? []).enumerated() {
            let id = validation.required("assets[\(index)].asset", part.asset).flatMap { validation.id("assets[\(index)].asset", $0) }
            let realised = part.realised.flatMap { validation.money("assets[\(index)].realised", $0) }
            if let id { named.append((id, realised)) }
        }
        let sum = input.amount.flatMap { validation.money("amount", $0) }
        if input.assets?.isEmpty == true && input.amount == nil {
            validation.add(
                "assets", "required",
                "name the assets executed, leave the list out to execute every asset not executed yet, or give the amount executed")
        }
        try validation.finish()
        guard let day else { return try unreachable() }

        return try await database.transaction { store in
            var executions: [OrderExecution] = []
            return try await OrderStepRecorder(store: store, caller: caller, operation: "ExecuteOrder").record(
                orderID, of: office, on: day, dayField: "executedOn", reason: reason,
                step: { (order) throws(OrderRuleError) in
                    // Without assets named: the sum given, or else every asset not executed yet.
                    let parts = input.assets != nil ? named : sum != nil ? [] : order.pendingAssetIDs.map { ($0, Money?.none) }
                    executions = parts.map { OrderExecution(assetID: $0.0, executedOn: day, amount: $0.1) }
                    if let sum { executions.append(OrderExecution(assetID: nil, executedOn: day, amount: sum)) }
                    try order.execute(executions)
                },
                newExecutions: { executions },
                moves: { _, after, assets in
                    let executed = Dictionary(executions.compactMap { part in part.assetID.map { ($0, part.amount) } }) { first, _ in first }
                    return assets.compactMap { asset in
                        guard let realised = executed[asset.id] else { return nil }
                        return PlannedMove(
                            asset: asset, action: after.actionWhenExecuted,
                            reason: reason ?? "order \(after.decisionReference) executed", amount: realised)
                    }
                })
        }
    }
}
