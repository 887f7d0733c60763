import ArcaDomain
import Foundation
import LibPQ

/// An asset with its valuations and history, as an office that may see it reads it.
public struct AssetFileRecord: Sendable {
    public let record: Owned<Asset>
    public let valuations: [Valuation]
    public let events: [AssetEvent]
    public let management: [ManagementEvent]
}

extension Store {
    /// Reads an asset with its valuations, events and management and logs the consultation, in one round
    /// trip: a pipeline whose every statement is bound to the asset's case being visible to
    /// `office`, so an office that may not see it reads and logs nothing, and nil comes back.
    public func readAssetFile(_ id: UUID, visibleTo office: OfficeCode, consultedBy actor: AuditEntry.Actor, operation: String) async throws
        -> AssetFileRecord?
    {
        let visible = "EXISTS (SELECT 1 \(AssetRepository.visible) AND a.id = $2)"
        let key: [any PostgresEncodable] = [office.value, id]
        let results = try await transaction.pipeline([
            Statement("SELECT \(AssetRepository.columns) \(AssetRepository.visible) AND a.id = $2", key),
            Statement("SELECT \(ValuationRepository.columns) FROM valuation v WHERE v.asset_id = $2 AND \(visible) \(ValuationRepository.order)", key),
            Statement("SELECT \(AssetEventRepository.columns) FROM asset_event e WHERE e.asset_id = $2 AND \(visible) ORDER BY e.id", key),
            Statement(
                "SELECT \(ManagementRepository.columns) FROM asset_management m WHERE m.asset_id = $2 AND \(visible) \(ManagementRepository.order)",
                key),
            Statement(
                """
                INSERT INTO audit_entry (actor_id, actor_name, actor_office, context, kind, operation, entity, entity_id)
                SELECT $3, $4, $5, $7::jsonb, 'consultation', $6, 'asset', $2::text WHERE \(visible)
                """, key + [actor.userID, actor.name, actor.office?.value, operation, actor.context]),
        ])
        guard let row = results[0].first else { return nil }
        return AssetFileRecord(
            record: try AssetRepository.decode(row), valuations: try results[1].map(ValuationRepository.decode),
            events: try results[2].map(AssetEventRepository.decode), management: try results[3].map(ManagementRepository.decode))
    }
}
