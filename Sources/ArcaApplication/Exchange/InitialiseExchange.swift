import ArcaDomain
import ArcaPersistence
import Foundation

/// Gives this deployment its exchange identity: the office that speaks for it to partners
/// and a new Ed25519 key pair. Run once; run again, it shows the identity it has.
public struct InitialiseExchange: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    /// The identity, and whether this call created it.
    public func callAsFunction(office code: String, by caller: Caller) async throws -> (identity: ExchangeIdentity, created: Bool) {
        try caller.require(.administerPartners)
        var validation = Validation()
        let office = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        try validation.finish()
        guard let office else { return try unreachable() }
        return try await database.transaction { store in
            if let existing = try await store.partnerships.identity() { return (existing.identity, false) }
            guard try await store.offices.find(office) != nil else { throw UseCaseError.notFound("office \(office.value)") }
            let keys = newSigningKeyPair()
            guard try await store.partnerships.createIdentity(office: office, privateKey: keys.privateKey, publicKey: keys.publicKey, at: clock()),
                let created = try await store.partnerships.identity()
            else { throw UseCaseError.conflict("the exchange identity was created meanwhile: run the command again to see it") }
            try await store.audit.change(
                "InitialiseExchange", by: caller, entity: "exchange_identity", id: created.identity.address.office,
                after: IdentityRecord(created.identity))
            return (created.identity, true)
        }
    }

    /// What the trail keeps of the identity: never the private key.
    struct IdentityRecord: Encodable {
        let state: String
        let office: String
        let publicKey: String

        init(_ identity: ExchangeIdentity) {
            state = identity.address.state.value
            office = identity.address.office
            publicKey = identity.publicKey.base64EncodedString()
        }
    }
}
