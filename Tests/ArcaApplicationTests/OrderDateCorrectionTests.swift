import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

@Suite("Use cases: correcting the date of an order's step (DOMAIN §3.1)")
struct OrderDateCorrectionTests {
    @Test func aMistypedExecutionDateIsCorrectedWithItsFreezeAndTheValueAtFreezingFollows() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            _ = try await world.useCases.recordValuation(
                assetID: car.id, NewValuation(valuedOn: "2026-04-20", method: "expert", value: MoneyInput(amount: "88000.00", currency: "EUR")),
                by: world.officer)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            // executed on 3 April, typed as 30 April
            _ = try await world.execute(freezing, on: "2026-04-30")
            do {
                let mistyped = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
                #expect(mistyped.valueAtFreezing?.amountText == "88000.00")
            }
            await refused(.invalid(["occurredOn not-before-last-event"])) { try await world.event("sell_interim", car, on: "2026-04-10", amount: "90000.00") }

            let corrected = try await world.useCases.correctOrderDate(
                orderID: freezing.id,
                OrderDateCorrectionInput(step: "execution", asset: car.id.lowercased, on: "2026-04-03", reason: "seizure report dated 3 April"),
                by: world.officer)

            #expect(corrected.executedOn == (try Day("2026-04-03")))
            #expect(corrected.corrections.map(\.step) == [.execution])
            let file2 = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(file2.asset.frozenOn == (try Day("2026-04-03")))
            #expect(file2.asset.valueAtFreezing?.amountText == "95000.00")
            #expect(file2.asset.lastEventOn == (try Day("2026-04-03")))
            #expect(file2.events.map(\.action) == ["identify", "freeze", "correct_date"])
            #expect(AssetHistory(events: file2.events).day(of: file2.events[1]) == (try Day("2026-04-03")))
            _ = try await world.event("sell_interim", car, on: "2026-04-10", amount: "90000.00")
            // the execution keeps the date first recorded; the correction says which day it was
            let stored = try await world.count("SELECT count(*) FROM order_execution WHERE executed_on = '2026-04-30'")
            #expect(stored == 1)
            let reread = try await world.useCases.readOrder(id: freezing.id, by: world.officer)
            #expect(reread.executedOn == (try Day("2026-04-03")))
        }
    }

    @Test func aCorrectionThatWouldPutTheOrdersStepsOutOfOrderIsRefusedAndWritesNothing() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let error = await refused(.invalid(["on order-date"])) {
                try await world.useCases.correctOrderDate(
                    orderID: freezing.id, OrderDateCorrectionInput(step: "execution", asset: car.id.lowercased, on: "2026-04-01", reason: "misread"),
                    by: world.officer)
            }
            #expect(error?.violations.first?.message.contains("before its decision of 2026-04-02") == true)
            await refused(.invalid(["step order-step"])) {
                try await world.useCases.correctOrderDate(
                    orderID: freezing.id, OrderDateCorrectionInput(step: "lifting", on: "2026-04-05", reason: "misread"), by: world.officer)
            }
            let corrections = try await world.count("SELECT count(*) FROM order_correction")
            #expect(corrections == 0)
            let events = try await world.count("SELECT count(*) FROM asset_event WHERE action = 'correct_date'")
            #expect(events == 0)
        }
    }

    @Test func correctingAConfiscationsDecisionDateFixesTheValueAtConfiscationForTheRightDay() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.useCases.recordValuation(
                assetID: car.id, NewValuation(valuedOn: "2026-09-01", method: "expert", value: MoneyInput(amount: "70000.00", currency: "EUR")),
                by: world.officer)
            // decided on 15 September, typed as 15 August
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car], on: "2026-08-15")
            do {
                let early = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
                #expect(early.valueAtConfiscation?.amountText == "95000.00")
            }

            _ = try await world.useCases.correctOrderDate(
                orderID: confiscation.id, OrderDateCorrectionInput(step: "decision", on: "2026-09-15", reason: "judgment of 15 September"),
                by: world.officer)

            let read = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
            #expect(read.confiscationOrderedOn == (try Day("2026-09-15")))
            #expect(read.valueAtConfiscation?.amountText == "70000.00")
            let order = try await world.useCases.readOrder(id: confiscation.id, by: world.officer)
            #expect(order.decisionDate == (try Day("2026-09-15")))
            let change = try #require(try await world.audit(entity: "order", id: confiscation.id).last { $0.operation == "CorrectOrderDate" })
            #expect(change.reason == "judgment of 15 September")
        }
    }

    @Test func aLaterStepDoesNotOverwriteTheDateFirstRecorded() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let value = try await world.order("confiscation", type: "value", assets: [account], on: "2026-09-15", covered: "40000.00")
            _ = try await world.finalise(value, on: "2026-10-30")
            _ = try await world.useCases.correctOrderDate(
                orderID: value.id, OrderDateCorrectionInput(step: "finality", on: "2026-10-20", reason: "certificate of finality of 20 October"),
                by: world.officer)
            let executed = try await world.execute(
                value, on: "2026-10-25", [.init(asset: account.id.lowercased, realised: MoneyInput(amount: "40000.00", currency: "EUR"))])
            #expect(executed.finalOn == (try Day("2026-10-20")))
            let stored = try await world.count("SELECT count(*) FROM legal_order WHERE final_on = '2026-10-30'")
            #expect(stored == 1)
        }
    }

    @Test func aCorrectionThatWouldPutAnAssetsHistoryOutOfOrderIsRefusedAndTheOrderStaysAsItWas() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.event("sell_interim", car, on: "2026-04-10", amount: "90000.00")
            // the order's own dates allow 12 April, the car's interim sale of 10 April does not
            let error = await refused(.invalid(["on event-date-correction"])) {
                try await world.useCases.correctOrderDate(
                    orderID: freezing.id, OrderDateCorrectionInput(step: "execution", asset: car.id.lowercased, on: "2026-04-12", reason: "misread"),
                    by: world.officer)
            }
            #expect(error?.violations.first?.message.contains("after the sell_interim event of 2026-04-10") == true)
            let corrections = try await world.count("SELECT count(*) FROM order_correction")
            #expect(corrections == 0)
            let order = try await world.useCases.readOrder(id: freezing.id, by: world.officer)
            #expect(order.version == 2)
            #expect(order.executedOn == (try Day("2026-04-03")))
        }
    }

    @Test func theLatestCorrectionOfAStepWinsAndASumIsNamedByItsExecution() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let value = try await world.order("confiscation", type: "value", assets: [account], on: "2026-09-15", covered: "40000.00")
            _ = try await world.finalise(value, on: "2026-10-20")
            _ = try await world.useCases.executeOrder(
                orderID: value.id, OrderExecutionInput(on: "2026-11-20", amount: MoneyInput(amount: "5000.00", currency: "EUR")), by: world.officer)
            let sum = try #require(try await world.useCases.readOrder(id: value.id, by: world.officer).executions.first?.id)
            for day in ["2026-11-02", "2026-11-03"] {
                _ = try await world.useCases.correctOrderDate(
                    orderID: value.id, OrderDateCorrectionInput(step: "execution", execution: sum, on: day, reason: "bank statement"), by: world.officer)
            }
            let read = try await world.useCases.readOrder(id: value.id, by: world.officer)
            #expect(read.executedOn == (try Day("2026-11-03")))
            #expect(read.corrections.map(\.correctedOn.description) == ["2026-11-02", "2026-11-03"])
        }
    }
}
