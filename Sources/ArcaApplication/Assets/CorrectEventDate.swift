import ArcaDomain
import ArcaPersistence
import Foundation

/// Corrects the date of a move recorded with a wrong one: a new event says which day it
/// really was, and the ledger keeps both (DOMAIN §3.1). A correction is rectification
/// (Dir 2016/680 Art 16), so a closed case takes it too.
public struct CorrectEventDate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, eventID: Int64, _ input: EventDateCorrection, by caller: Caller) async throws -> AssetFile {
        let office = try caller.office(for: .recordCases)
        let today = caller.today(clock())
        var validation = Validation(reading: input)
        let day = validation.pastDay("occurredOn", input.occurredOn, today: today)
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, locked: true)
            let history = AssetHistory(events: try await store.assetEvents.forAsset(assetID))
            let event: AssetEvent
            do throws(DateCorrectionError) {
                event = try history.checkCorrection(of: eventID, to: day)
            } catch {
                if case .noSuchMove = error { throw UseCaseError.notFound("event \(eventID) of asset \(assetID.lowercased)") }
                throw UseCaseError.invalid("occurredOn", "event-date-correction", error.description)
            }
            let changed = try await EventDateCorrector(store: store, caller: caller, operation: "CorrectEventDate")
                .correct(event, of: asset, to: day, recordedOn: today, reason: reason)
            let corrected = try await store.assetEvents.forAsset(assetID)
            return AssetFile(asset: changed, valuations: try await store.valuations.forAsset(assetID), events: corrected,
                management: try await store.management.forAsset(assetID))
        }
    }
}
