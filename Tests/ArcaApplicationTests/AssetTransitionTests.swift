import ArcaApplication
import ArcaDomain
import Foundation
import Testing

/// Drives one asset through the use cases: each move the way an officer makes it, directly
/// or through an order.
struct AssetDriver {
    let world: TwoOffices
    var asset: Asset
    var freezing: LegalOrder?
    var confiscation: LegalOrder?

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

    static func new(in world: TwoOffices, caseID: UUID, reaching state: AssetState) async throws -> AssetDriver {
        var driver = AssetDriver(world: world, asset: try await world.addCar(to: caseID))
        for action in paths[state]! { try await driver.perform(action) }
        return driver
    }

    var useCases: UseCases { world.useCases }

    mutating func perform(_ action: AssetAction) async throws {
        let officer = world.officer
        switch action {
        case .freeze:
            let order = try await world.order("freezing", assets: [asset])
            freezing = order
            _ = try await useCases.executeOrder(orderID: order.id, OrderStep(on: "2026-04-03"), by: officer)
        case .orderConfiscation:
            confiscation = try await world.order("confiscation", type: "standard", assets: [asset], on: "2026-05-02")
        case .finaliseConfiscation:
            _ = try await useCases.executeOrder(orderID: confiscation!.id, OrderStep(on: "2026-06-01"), by: officer)
        case .release:
            let holder = asset.state == .confiscationOrdered ? confiscation! : freezing!
            _ = try await useCases.liftOrder(orderID: holder.id, OrderStep(on: "2026-06-02", reason: "quashed on appeal"), by: officer)
        case .sellInterim, .recordRecovery:
            _ = try await useCases.recordAssetEvent(
                assetID: asset.id,
                NewAssetEvent(action: action.rawValue, occurredOn: "2026-07-01", amount: MoneyInput(amount: "81000.00", currency: "EUR")), by: officer)
        case .trace, .dispose, .restitute, .close:
            _ = try await useCases.recordAssetEvent(assetID: asset.id, NewAssetEvent(action: action.rawValue, occurredOn: "2026-07-02"), by: officer)
        }
        asset = try await useCases.readAsset(id: asset.id, by: officer).asset
    }
}

@Suite("Use cases: every asset transition, legal and illegal (DOMAIN §3.1)")
struct AssetTransitionTests {
    /// The moves an officer can attempt on an asset in any state; `release` is attempted
    /// only where an order holds the asset, since lifting an order leaves what it no longer
    /// holds where it is.
    static let attempts: [AssetAction] = [.trace, .freeze, .sellInterim, .orderConfiscation, .recordRecovery, .dispose, .restitute, .close]

    @Test(arguments: AssetState.allCases)
    func fromEachStateExactlyTheLegalMovesSucceed(_ state: AssetState) async throws {
        try await TwoOffices.with { world in
            let file = try await world.openCase()
            for action in Self.attempts + (AssetLifecycle.allowedActions(from: state).contains(.release) ? [.release] : []) {
                var driver = try await AssetDriver.new(in: world, caseID: file.id, reaching: state)
                #expect(driver.asset.state == state)
                let events = try await world.useCases.readAsset(id: driver.asset.id, by: world.officer).events.count
                let legal = AssetLifecycle.allowedActions(from: state).contains(action)
                do {
                    try await driver.perform(action)
                    #expect(legal, "\(action.rawValue) from \(state.rawValue) should have been refused")
                    #expect(driver.asset.state == (try AssetLifecycle.next(from: state, by: action)))
                    let history = try await world.useCases.readAsset(id: driver.asset.id, by: world.officer).events
                    #expect(history.count == events + 1)
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
