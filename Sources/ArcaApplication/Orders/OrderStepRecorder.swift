import ArcaDomain
import ArcaPersistence
import Foundation

/// How one asset moves: in an order's step, or on its own.
struct PlannedMove {
    let asset: Asset
    let action: AssetAction
    let reason: String
    var amount: Money? = nil
    var valueConfiscationOfMoney = false
    var outcome: DisposalOutcome? = nil
    var disposal = DisposalDetails()
}

/// One step in an order's life, in the use case's transaction: the order changes, each of
/// its assets moves as the step says, and both are audited.
struct OrderStepRecorder {
    let store: Store
    let caller: Caller
    let operation: String

    /// `moves` sees the order before and after the step and its assets (locked), and says
    /// how each moves.
    func record(
        _ orderID: UUID, of office: OfficeCode, on day: Day, dayField: String, reason: String?, step: (inout LegalOrder) throws(OrderRuleError) -> Void,
        newExecutions: () -> [OrderExecution] = { [] },
        moves: (LegalOrder, LegalOrder, [Asset]) async throws -> [PlannedMove]
    ) async throws -> LegalOrder {
        let before = try await store.orders.owned(orderID, by: office)
        var order = before
        do throws(OrderRuleError) {
            try step(&order)
        } catch {
            throw error.isAboutTheRequest
                ? UseCaseError.invalid(
                    error.isAboutTheDay ? dayField : error.field, error.stepRule, "order \(order.decisionReference): \(error.description)")
                : UseCaseError.conflict("order \(order.decisionReference): \(error.description)")
        }
        // The assets are locked before the executions naming them are written, as every use
        // case locks order, then assets: two steps on one asset wait for each other, never
        // for each other's foreign-key checks.
        let assets = try await store.assets.lock(order.assetIDs, inCase: order.caseID)
        guard try await store.orders.update(order, newExecutions: newExecutions(), by: caller.name) else {
            throw UseCaseError.conflict("order \(orderID.lowercased) was changed meanwhile: try again")
        }
        try await AssetMove(store: store, caller: caller, operation: operation).apply(
            try await moves(before, order, assets), on: day, dayField: dayField, orderID: order.id)
        try await store.audit.change(operation, by: caller, entity: "order", id: orderID.lowercased, before: before, after: order, reason: reason)
        return order
    }
}
