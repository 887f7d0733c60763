import ArcaDomain
import ArcaPersistence
import Foundation

/// Records that an order was withdrawn or quashed. An asset it held is released only when no
/// other executed order holds it; a lifted confiscation that was not final leaves its assets
/// frozen while a freeze stands (DOMAIN §3.1). Assets that moved on stay where they are.
public struct LiftOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderLifting, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("liftedOn", input.on, today: caller.today(clock()))
        let ground = validation.required("ground", input.ground, "lifting-ground") { (code) throws(VocabularyError) in
            try LiftingGround(rawValue: code).orRefuse(code, as: "a lifting ground (\(LiftingGround.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let day, let ground, let reason else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "LiftOrder").record(
                orderID, of: office, on: day, dayField: "liftedOn", reason: reason, step: { (order) throws(OrderRuleError) in try order.lift(on: day, ground: ground) },
                moves: { before, _, assets in
                    let stillHeld = try await store.orders.heldByOtherFreezes(assets.map(\.id), besides: before.id)
                    return assets.compactMap { asset in
                        before.liftingMove(for: asset.id, in: asset.state, heldByAnotherFreeze: stillHeld.contains(asset.id)).map {
                            PlannedMove(asset: asset, action: $0, reason: reason)
                        }
                    }
                })
        }
    }
}
