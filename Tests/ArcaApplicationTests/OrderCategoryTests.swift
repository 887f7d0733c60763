import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Orders keep their assets' categories and their first execution day (migration 0024)")
struct OrderCategoryTests {
    @Test func anOrderRecordsItsAssetsCategoriesAndNeitherItsAssetsNorTheirCategoriesChangeAfterwards() async throws {
        try await TestWorld.with { world in
            // given a freezing order on a car and an account
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let account = try await world.addAccount(to: file.id)
            let order = try await world.order("freezing", executingState: "BE", assets: [car, account])
            // then the order carries both categories, each once, in order
            let categories = try await world.db.pool.query("SELECT asset_categories FROM legal_order WHERE id = $1", [order.id])[0]
                .decode([String].self, 0)
            #expect(categories == ["bank_account", "motor_vehicle"])
            // and neither an asset's category nor the order's assets can be changed underneath it
            let recategorised = await #expect(throws: PostgresError.self) {
                _ = try await world.db.pool.query("UPDATE asset SET category = 'cash' WHERE id = $1", [account.id])
            }
            #expect(recategorised?.message.contains("an asset's category is fixed when it is recorded") == true)
            let removed = await #expect(throws: PostgresError.self) {
                _ = try await world.db.pool.query("DELETE FROM order_asset WHERE order_id = $1", [order.id])
            }
            #expect(removed?.sqlState == "42501")
            // while the rest of an asset's record is still corrected as before
            #expect(try await world.db.pool.query("UPDATE asset SET description = 'Porsche 911 Carrera S, black' WHERE id = $1", [car.id]).count == 0)
        }
    }

    @Test func anOrderKeepsItsEarliestExecutionDayWhateverTheOrderOfRecording() async throws {
        try await TestWorld.with { world in
            // given a freezing order on a car and an account, executed on the account on 5 April, then on the car on 3 April
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let account = try await world.addAccount(to: file.id)
            let order = try await world.order("freezing", executingState: "BE", assets: [car, account])
            _ = try await world.execute(order, on: "2026-04-05", [.init(asset: account.id.lowercased, realised: nil)])
            let first = try await world.db.pool.query("SELECT first_executed_on::text FROM legal_order WHERE id = $1", [order.id])[0]
                .decode(String.self, 0)
            _ = try await world.execute(order, on: "2026-04-03", [.init(asset: car.id.lowercased, realised: nil)])
            // then the order's first execution moved to the earlier day
            let earliest = try await world.db.pool.query("SELECT first_executed_on::text FROM legal_order WHERE id = $1", [order.id])[0]
                .decode(String.self, 0)
            #expect(first == "2026-04-05" && earliest == "2026-04-03")
        }
    }
}
