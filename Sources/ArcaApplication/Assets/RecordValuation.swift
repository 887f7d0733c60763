import ArcaDomain
import ArcaPersistence
import Foundation

/// Records an estimate of an asset's value. The latest by date becomes its estimated value;
/// one dated on or before the day the asset was frozen or put under confiscation re-fixes
/// that value, whenever it is entered (DOMAIN §3.1), and the re-fixing is audited.
public struct RecordValuation: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, _ input: NewValuation, by caller: Caller) async throws -> Valuation {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let valuedOn = validation.pastDay("valuedOn", input.valuedOn, today: caller.today(clock()))
        let method = validation.required("method", input.method, "valuation-method") { (code) throws(VocabularyError) in
            try ValuationMethod(rawValue: code).orRefuse(code, as: "a valuation method (\(ValuationMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let value = validation.required("value", input.value).flatMap { validation.money("value", $0) }
        try validation.finish()
        guard let valuedOn, let method, let value else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, toRecord: true)
            var valuations = try await store.valuations.forAsset(assetID)
            let valuation = Valuation(id: UUID(), assetID: assetID, valuedOn: valuedOn, method: method, value: value, recordedBy: caller.name)
            try await store.valuations.add(valuation)
            try await store.audit.change("RecordValuation", by: caller, entity: "valuation", id: valuation.id.lowercased, after: valuation)
            valuations.insertEntered(valuation)
            var revalued = asset
            revalued.fixValues(from: valuations)
            if revalued != asset {
                revalued.version += 1
                guard try await store.assets.update(revalued) else { throw UseCaseError.conflict("asset \(assetID.lowercased) was changed meanwhile: try again") }
                try await store.audit.change(
                    "RecordValuation", by: caller, entity: "asset", id: assetID.lowercased, before: asset, after: revalued,
                    reason: "valuation of \(valuedOn) recorded")
            }
            return valuation
        }
    }
}
