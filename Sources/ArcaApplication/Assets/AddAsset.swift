import ArcaDomain
import ArcaPersistence
import Foundation

/// Records a piece of property identified in a case of the caller's office.
public struct AddAsset: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(caseID: UUID, _ input: NewAsset, by caller: Caller) async throws -> Asset {
        let office = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let category = validation.required("category", input.category, "asset-category") { (code) throws(VocabularyError) in
            try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category (see GET /v1/vocabularies)")
        }
        let description = validation.required("description", input.description).flatMap { validation.assetDescription($0) }
        let identifiers = validation.identifiers(input.identifiers)
        let country = validation.required("country", input.country).flatMap { validation.country("country", $0) }
        let role = input.propertyRole.flatMap { validation.propertyRole($0) }
        let owners = validation.ids("owners", input.owners ?? [])
        let estimate = input.estimatedValue.flatMap { validation.money("estimatedValue", $0) }
        let identifiedOn = validation.pastDay("identifiedOn", input.identifiedOn, today: caller.today(now), required: false) ?? caller.today(now)
        try validation.finish()
        guard let category, let description, let country else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, toRecord: true)
            try await store.subjects.checkOwners(owners, of: caseID)
            let asset = Asset(
                id: UUID(), caseID: caseID, category: category, description: description, identifiers: identifiers,
                country: country, propertyRole: role, owners: owners, state: .identified, estimatedValue: estimate,
                identifiedOn: identifiedOn, version: 1, createdAt: now)
            try await store.assets.add(asset)
            try await store.assetEvents.append(
                assetID: asset.id,
                AssetEvent(
                    action: "identify", from: nil, to: .identified, occurredOn: identifiedOn, actor: caller.name,
                    reason: "identified and recorded", orderID: nil, amount: estimate))
            try await store.audit.change("AddAsset", by: caller, entity: "asset", id: asset.id.lowercased, after: asset)
            if let estimate {
                // The estimate typed with the asset is a valuation of its day, so that a freeze
                // or confiscation finds it by date like any other.
                let valuation = Valuation(
                    id: UUID(), assetID: asset.id, valuedOn: identifiedOn, method: .estimate, value: estimate, recordedBy: caller.name)
                try await store.valuations.add(valuation)
                try await store.audit.change("AddAsset", by: caller, entity: "valuation", id: valuation.id.lowercased, after: valuation)
            }
            return asset
        }
    }
}
