import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows an asset with its valuations and history, and logs the consultation.
public struct ReadAsset: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> AssetFile {
        let office = try caller.office(for: .readCases)
        return try await database.oneRoundTrip { store in
            guard let found = try await store.readAssetFile(id, visibleTo: office, consultedBy: try caller.consultant, operation: "ReadAsset") else {
                throw UseCaseError.notFound("asset \(id.lowercased)")
            }
            let asset = try found.record.permit(.read, by: office, "asset \(id.lowercased)")
            return AssetFile(asset: asset, valuations: found.valuations, events: found.events, management: found.management)
        }
    }
}
