import ArcaDomain
import ArcaPersistence
import Foundation

/// Stops exchanging with a partner (administrators, audited). Its messages still waiting in
/// the outbox stay there, undelivered, with the rest of the record.
public struct RemovePartner: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(state: String, office: String, by caller: Caller) async throws {
        try caller.require(.administerPartners)
        var validation = Validation()
        let code = validation.check("state", "country-code") { () throws(VocabularyError) in try CountryCode(state) }
        try validation.finish()
        guard let code else { return try unreachable() }
        let address = Counterpart(state: code, office: office)
        try await database.transaction { store in
            guard let partner = try await store.partnerships.partner(address), try await store.partnerships.remove(address, at: clock()) else {
                throw UseCaseError.notFound("partner \(office) of \(code.value)")
            }
            try await store.audit.change(
                "RemovePartner", by: caller, entity: "exchange_partner", id: partner.id.lowercased, before: PartnerRecord(partner),
                after: RemovedRecord(removed: true))
        }
    }

    struct RemovedRecord: Encodable {
        let removed: Bool
    }
}
