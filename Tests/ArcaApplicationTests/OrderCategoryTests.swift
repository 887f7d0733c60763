import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

@Suite("Orders keep their assets' categories (migration 0024)")
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
}
