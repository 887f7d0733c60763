import ArcaDomain
import Foundation
import LibPQ

/// The management ledger: custody handed over and costs incurred, per asset (migration 0023).
public struct ManagementRepository: Sendable {
    let db: Transaction

    /// Appends the event and returns it as recorded.
    public func append(_ event: ManagementEvent) async throws -> ManagementEvent {
        let rows = try await db.query(
            """
            INSERT INTO asset_management AS m (asset_id, kind, occurred_on, manager, purpose, amount, currency, reason, actor_name)
            VALUES ($1, $2, $3::date, $4, $5, $6::numeric, $7, $8, $9)
            RETURNING \(Self.columns)
            """,
            [
                event.assetID, event.kind.rawValue, event.occurredOn.description, event.manager, event.purpose, event.cost?.amount,
                event.cost?.currency.code, event.reason, event.actor,
            ])
        return try Self.decode(rows[0])
    }

    /// The asset's management events, in the order recorded.
    public func forAsset(_ assetID: UUID) async throws -> [ManagementEvent] {
        try await db.query("SELECT \(Self.columns) FROM asset_management m WHERE m.asset_id = $1 \(Self.order)", [assetID]).map(Self.decode)
    }

    static let columns = """
        m.id, m.asset_id, m.kind, m.occurred_on::text, m.manager, m.purpose, m.amount::text, m.currency, m.reason, m.actor_name, m.recorded_at
        """

    /// In the order recorded.
    static let order = "ORDER BY m.id"

    static func decode(_ row: Row) throws -> ManagementEvent {
        try ManagementEvent(
            id: row.decode(Int64.self, 0), assetID: row.decode(UUID.self, 1),
            kind: ManagementKind(rawValue: row.decode(String.self, 2)).orThrow("kind"), occurredOn: Day(row.decode(String.self, 3)),
            manager: row.decode(String?.self, 4), purpose: row.decode(String?.self, 5), cost: Row.money(row, 6, 7),
            reason: row.decode(String.self, 8), actor: row.decode(String.self, 9), recordedAt: row.decode(Date.self, 10))
    }
}
