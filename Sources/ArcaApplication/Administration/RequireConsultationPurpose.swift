import ArcaDomain
import ArcaPersistence
import Foundation

/// Turns on or off an office's rule that every consultation of its records says why
/// (Dir 2016/680 Art 25). Audited; the office's users are asked from their next request on.
public struct RequireConsultationPurpose: Sendable {
    let database: Database
    /// Forgotten as soon as the change commits, without waiting for the database's announcement.
    let tokenCache: TokenCache?

    public init(database: Database, tokenCache: TokenCache? = nil) {
        self.database = database
        self.tokenCache = tokenCache
    }

    public func callAsFunction(office code: String, required: Bool, by caller: Caller) async throws -> Office {
        try caller.require(.administerUsers)
        var validation = Validation()
        let code = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        try validation.finish()
        guard let code else { return try unreachable() }
        return try await OfficeChange(database: database, tokenCache: tokenCache)(code, as: "RequireConsultationPurpose", by: caller) { current in
            try current.requiring(purpose: required)
        } write: { store, _ in
            try await store.offices.setPurposeRequired(of: code, to: required)
        }
    }
}
