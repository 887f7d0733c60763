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
        return try await database.transaction { store in
            let asset = try await store.assets.find(id, visibleTo: office).found("asset \(id.lowercased)").permit(.read, by: office, "asset \(id.lowercased)")
            let file = AssetFile(
                asset: asset, valuations: try await store.valuations.forAsset(id), events: try await store.assetEvents.forAsset(id))
            try await store.audit.appendConsultations(by: caller.auditActor, operation: "ReadAsset", records: [("asset", id.lowercased)])
            return file
        }
    }
}
