import ArcaDomain
import ArcaPersistence
import Foundation

/// Corrects an asset's record (description, identifiers, country, property role, owners),
/// provided the caller saw its current version. Its state and values change only by moves.
public struct UpdateAsset: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, changes: AssetChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Asset {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let description = changes.description.flatMap { validation.assetDescription($0) }
        let identifiers = changes.identifiers.parsed { validation.identifiers($0) }
        let country = changes.country.flatMap { validation.country("country", $0) }
        let role = changes.propertyRole.parsed { validation.propertyRole($0) }
        let owners = changes.owners.map { validation.ids("owners", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.assets.owned(id, by: office)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "asset \(id.lowercased)")
            if let owners { try await store.subjects.checkOwners(owners, of: current.caseID) }
            var changed = current
            changed.description = description ?? current.description
            changed.identifiers = identifiers.applied(to: current.identifiers) ?? AssetIdentifiers()
            changed.country = country ?? current.country
            changed.propertyRole = role.applied(to: current.propertyRole)
            changed.owners = owners ?? current.owners
            changed.version += 1
            guard try await store.assets.updateRecord(changed) else {
                throw UseCaseError.changedMeanwhile("asset \(id.lowercased)", expected: expectedVersion)
            }
            try await store.audit.change("UpdateAsset", by: caller, entity: "asset", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}
