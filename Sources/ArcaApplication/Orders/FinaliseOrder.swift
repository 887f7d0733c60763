import ArcaDomain
import ArcaPersistence
import Foundation

/// Records that a confiscation order became final (Reg 2018/1805 Annex II section B): its
/// assets under ordered confiscation are confiscated for good.
public struct FinaliseOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderFinality, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("finalOn", input.on, today: caller.today(clock()))
        let reason = validation.reason("reason", input.reason)
        try validation.finish()
        guard let day else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "FinaliseOrder").record(
                orderID, of: office, on: day, dayField: "finalOn", reason: reason, step: { (order) throws(OrderRuleError) in try order.becomeFinal(on: day) },
                moves: { before, _, assets in
                    assets.filter { before.holds($0.id, in: $0.state) }.map {
                        PlannedMove(asset: $0, action: .finaliseConfiscation, reason: reason ?? "order \(before.decisionReference) final")
                    }
                })
        }
    }
}
