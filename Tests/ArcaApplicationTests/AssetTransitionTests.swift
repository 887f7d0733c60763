import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

/// Drives one asset through the use cases: each move the way an officer makes it, directly
/// or through an order, each on a later day than the one before.
struct AssetDriver {
    let world: TestWorld
    var asset: Asset
    var freezes: [LegalOrder] = []
    var confiscation: LegalOrder?
    var day = try! Day("2026-04-01")

    /// The shortest way from `identified` to each state (DOMAIN §3.1).
    static let paths: [AssetState: [AssetAction]] = [
        .identified: [], .traced: [.trace], .frozen: [.freeze], .interimSold: [.freeze, .sellInterim],
        .confiscationOrdered: [.freeze, .orderConfiscation],
        .confiscationFinal: [.freeze, .orderConfiscation, .finaliseConfiscation],
        .recovered: [.freeze, .orderConfiscation, .finaliseConfiscation, .recordRecovery],
        .disposed: [.freeze, .orderConfiscation, .finaliseConfiscation, .recordRecovery, .dispose],
        .closed: [.freeze, .orderConfiscation, .finaliseConfiscation, .recordRecovery, .dispose, .close],
        .released: [.freeze, .release], .restituted: [.freeze, .restitute],
    ]

    static func new(in world: TestWorld, caseID: UUID, reaching state: AssetState) async throws -> AssetDriver {
        var driver = AssetDriver(world: world, asset: try await world.addCar(to: caseID))
        for action in paths[state]! { try await driver.perform(action) }
        return driver
    }

    var useCases: UseCases { world.useCases }

    mutating func next() -> String {
        day = day.adding(days: 1)
        return day.description
    }

    mutating func perform(_ action: AssetAction) async throws {
        switch action {
        case .freeze:
            let order = try await world.order("freezing", assets: [asset], on: next())
            freezes.append(order)
            _ = try await world.execute(order, on: next())
        case .orderConfiscation:
            confiscation = try await world.order("confiscation", type: "standard", assets: [asset], on: next())
        case .finaliseConfiscation:
            _ = try await world.finalise(confiscation!, on: next())
        case .recordRecovery:
            _ = try await world.execute(confiscation!, on: next(), [.init(asset: asset.id.lowercased, realised: MoneyInput(amount: "81000.00", currency: "EUR"))])
        case .release, .orderLifted, .confiscationLifted:
            // Every order that holds the asset is lifted, the freezes first: the last lifting releases it.
            for order in freezes + [confiscation].compactMap({ $0 }) {
                _ = try await world.lift(order, on: next())
            }
        case .sellInterim:
            _ = try await world.event(action.rawValue, asset, on: next(), amount: "81000.00")
        case .dispose:
            _ = try await world.event(action.rawValue, asset, on: next(), amount: "83500.00", outcome: "sold_auction")
        case .trace, .restitute, .close:
            _ = try await world.event(action.rawValue, asset, on: next())
        }
        asset = try await useCases.readAsset(id: asset.id, by: world.officer).asset
    }
}

@Suite("Use cases: every asset transition, legal and illegal (DOMAIN §3.1)")
struct AssetTransitionTests {
    /// The moves an officer can attempt on an asset in any state, directly or by a new order.
    static let attempts: [AssetAction] = [.trace, .freeze, .sellInterim, .orderConfiscation, .dispose, .restitute, .close]

    /// Moves through an order the asset already has, attempted where that order is there to
    /// take the step: a confiscation to make final or to execute, orders to lift.
    static func throughStandingOrders(_ state: AssetState) -> [AssetAction] {
        let allowed = AssetLifecycle.allowedActions(from: state)
        return [.finaliseConfiscation, .recordRecovery, .release].filter { allowed.contains($0) }
    }

    @Test(arguments: AssetState.allCases)
    func fromEachStateExactlyTheLegalMovesSucceed(_ state: AssetState) async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            for action in Self.attempts + Self.throughStandingOrders(state) {
                var driver = try await AssetDriver.new(in: world, caseID: file.id, reaching: state)
                #expect(driver.asset.state == state)
                let events = try await world.useCases.readAsset(id: driver.asset.id, by: world.officer).events.count
                let legal = AssetLifecycle.allowedActions(from: state).contains(action)
                do {
                    try await driver.perform(action)
                    #expect(legal, "\(action.rawValue) from \(state.rawValue) should have been refused")
                    #expect(driver.asset.state == (try AssetLifecycle.next(from: state, by: action)))
                    let history = try await world.useCases.readAsset(id: driver.asset.id, by: world.officer).events
                    #expect(history.count > events)
                    #expect(history.last?.action == action.rawValue)
                    #expect(history.last?.actor == "j.peeters")
                } catch let error as UseCaseError {
                    #expect(!legal, "\(action.rawValue) from \(state.rawValue) was refused: \(error)")
                    guard case .conflict(let message) = error else {
                        Issue.record("expected a conflict for \(action.rawValue) from \(state.rawValue), got \(error)")
                        continue
                    }
                    #expect(message.contains("an asset that is \(state.rawValue.replacingOccurrences(of: "_", with: " "))"))
                    let after = try await world.useCases.readAsset(id: driver.asset.id, by: world.officer)
                    #expect(after.asset.state == state)
                    #expect(after.events.count == events)
                }
            }
        }
    }
}
