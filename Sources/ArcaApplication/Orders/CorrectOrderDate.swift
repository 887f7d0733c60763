import ArcaDomain
import ArcaPersistence
import Foundation

/// Corrects the date of a step of an order recorded with a wrong one (DOMAIN §3.1): the order
/// keeps the date first recorded and a correction names the step and the right day; the asset
/// events the step made are corrected alongside, and the assets' values fixed again for their
/// days. The order's dates and each asset's history must stay in order. A correction is
/// rectification, so a closed case takes it too.
public struct CorrectOrderDate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderDateCorrectionInput, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        let today = caller.today(clock())
        var validation = Validation(reading: input)
        let step = validation.required("step", input.step, "order-step") { (code) throws(VocabularyError) in
            try OrderDateStep(rawValue: code).orRefuse(code, as: "a step (\(OrderDateStep.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let asset = input.asset.flatMap { validation.id("asset", $0) }
        if step == .execution, (input.asset == nil) == (input.execution == nil) {
            validation.add("asset", "required", "an execution is named by its asset, or a sum executed by its execution id: one of them")
        }
        if let step, step != .execution, input.asset != nil || input.execution != nil {
            validation.add("asset", "not-applicable", "only an execution is named by its asset or id")
        }
        let day = validation.pastDay("on", input.on, today: today)
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let step, let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let before = try await store.orders.owned(orderID, by: office, toRecord: false)
            var order = before
            do throws(OrderRuleError) {
                try order.correct(step, asset: asset, execution: input.execution, to: day, reason: reason, by: caller.name)
            } catch {
                if case .noSuchStep = error { throw UseCaseError.invalid(step == .execution ? "asset" : "step", "order-step", error.description) }
                throw UseCaseError.invalid("on", "order-date", "order \(order.decisionReference): \(error.description)")
            }
            let assets = try await store.assets.lock(order.assetIDs, inCase: order.caseID)
            guard try await store.orders.update(order, by: caller.name) else {
                throw UseCaseError.conflict("order \(orderID.lowercased) was changed meanwhile: try again")
            }
            guard let correction = order.corrections.last else { return try unreachable() }
            try await store.orders.addCorrection(correction, of: orderID)
            let corrector = EventDateCorrector(store: store, caller: caller, operation: "CorrectOrderDate")
            let actions = order.assetActions(of: step)
            for asset in assets where step != .execution || asset.id == correction.asset {
                let history = AssetHistory(events: try await store.assetEvents.forAsset(asset.id))
                // An event the migration already dated right needs no correction of its own.
                for event in history.moves where event.orderID == orderID && actions.contains(event.action) && history.day(of: event) != day {
                    guard let eventID = event.id else { continue }
                    do throws(DateCorrectionError) {
                        _ = try history.checkCorrection(of: eventID, to: day, byOrder: orderID)
                    } catch {
                        throw UseCaseError.invalid("on", "event-date-correction", "asset \(asset.id.lowercased): \(error.description)")
                    }
                    _ = try await corrector.correct(
                        event, of: try await store.assets.owned(asset.id, by: office, locked: true), to: day, recordedOn: today, reason: reason)
                }
            }
            try await store.audit.change("CorrectOrderDate", by: caller, entity: "order", id: orderID.lowercased, before: before, after: order, reason: reason)
            return order
        }
    }
}
