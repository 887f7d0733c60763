import ArcaDomain
import ArcaPersistence
import Foundation

/// Sets the time zone an office works in: its users' "today" is the local date there.
public struct ChangeOfficeTimeZone: Sendable {
    let database: Database
    /// Forgotten as soon as the change commits, without waiting for the database's announcement.
    let tokenCache: TokenCache?

    public init(database: Database, tokenCache: TokenCache? = nil) {
        self.database = database
        self.tokenCache = tokenCache
    }

    public func callAsFunction(office code: String, timeZone: String, by caller: Caller) async throws -> Office {
        try caller.require(.administerUsers)
        var validation = Validation()
        let code = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        let zone = validation.check("timeZone", "time-zone") { () throws(OfficeError) in try Office.timeZone(named: timeZone) }
        try validation.finish()
        guard let code, let zone else { return try unreachable() }
        return try await OfficeChange(database: database, tokenCache: tokenCache)(code, as: "ChangeOfficeTimeZone", by: caller) { current in
            try current.moved(to: zone)
        } write: { store, _ in
            try await store.offices.setTimeZone(of: code, to: zone)
        }
    }
}
