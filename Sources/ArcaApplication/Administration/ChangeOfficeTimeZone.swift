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
        let changed = try await database.transaction { store in
            guard let current = try await store.offices.find(code, forUpdate: true) else { throw UseCaseError.notFound("office \(code)") }
            let changed = try current.moved(to: zone)
            try await store.offices.setTimeZone(of: code, to: zone)
            try await store.audit.change("ChangeOfficeTimeZone", by: caller, entity: "office", id: code.value, before: current, after: changed)
            return changed
        }
        tokenCache?.forgetAll()
        return changed
    }
}
