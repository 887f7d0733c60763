import ArcaDomain
import ArcaPersistence
import Foundation

/// A partner as an administrator gives it.
public struct NewPartner: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var state: String?
    public var office: String?
    public var inboxURL: String?
    /// Base64 of the partner's 32-byte Ed25519 public key, as its `arca exchange init` shows it.
    public var publicKey: String?

    public init(state: String?, office: String?, inboxURL: String?, publicKey: String?) {
        self.state = state
        self.office = office
        self.inboxURL = inboxURL
        self.publicKey = publicKey
    }
}

/// Registers another Member State's office this deployment exchanges with (administrators,
/// audited): its address, its inbox and the key its messages are signed with.
public struct RegisterPartner: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewPartner, by caller: Caller) async throws -> Partner {
        try caller.require(.administerPartners)
        var validation = Validation(reading: input)
        let state = validation.required("state", input.state, "country-code") { (text) throws(VocabularyError) in try CountryCode(text) }
        let office = validation.required("office", input.office, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...200, what: "the partner's office")
        }
        let url = validation.required("inboxUrl", input.inboxURL, "url") { (text) throws(PartnerInputError) in
            guard let url = URL(string: text), let scheme = url.scheme, let host = url.host else {
                throw PartnerInputError("an https URL of the partner's inbox, such as https://arca.example.nl/v1/exchange/inbox")
            }
            // Envelopes carry personal data: they cross networks encrypted (DOMAIN §7);
            // plain http only to this machine itself.
            guard scheme == "https" || (scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)) else {
                throw PartnerInputError("an https URL: messages carry personal data (plain http only to 127.0.0.1)")
            }
            return text
        }
        let key = validation.required("publicKey", input.publicKey, "ed25519-public-key") { (text) throws(PartnerInputError) in
            guard let key = Data(base64Encoded: text), key.count == 32 else {
                throw PartnerInputError("the base64 of a 32-byte Ed25519 public key, as the partner's arca exchange init prints it")
            }
            return key
        }
        try validation.finish()
        guard let state, let office, let url, let key else { return try unreachable() }
        let partner = Partner(
            id: UUID(), address: Counterpart(state: state, office: office), inboxURL: url, publicKey: key, registeredAt: clock(),
            registeredBy: caller.name)
        return try await database.transaction { store in
            if let identity = try await store.partnerships.identity(), identity.identity.address == partner.address {
                throw UseCaseError.invalid("office", "not-this-deployment", "\(office) of \(state.value) is this deployment itself")
            }
            do {
                try await store.partnerships.add(partner)
            } catch let violation as ConstraintViolation where violation.kind == .duplicate {
                throw UseCaseError.conflict("a partner is registered already for \(office) of \(state.value): remove it first to replace it")
            }
            try await store.audit.change("RegisterPartner", by: caller, entity: "exchange_partner", id: partner.id.lowercased, after: PartnerRecord(partner))
            return partner
        }
    }
}

/// What the trail keeps of a partner.
struct PartnerRecord: Encodable {
    let state: String
    let office: String
    let inboxUrl: String
    let publicKey: String

    init(_ partner: Partner) {
        state = partner.address.state.value
        office = partner.address.office
        inboxUrl = partner.inboxURL
        publicKey = partner.publicKey.base64EncodedString()
    }
}

struct PartnerInputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
