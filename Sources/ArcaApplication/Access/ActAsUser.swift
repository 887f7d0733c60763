import ArcaDomain
import ArcaPersistence
import Foundation

/// An operating-system account at the command line acting as a named user, who then is the
/// caller every check and every audit entry sees, with the account beside them. Allowed where
/// an administrator mapped the account to the user (`MapOSAccount`), or with the user's own
/// token. It keeps honest accounts apart and names the account in every entry; an account
/// that may run administrative commands could map itself, which is audited too.
public struct ActAsUser: Sendable {
    let database: Database
    let authenticate: Authenticate

    public init(database: Database, authenticate: Authenticate) {
        self.database = database
        self.authenticate = authenticate
    }

    public func callAsFunction(_ userName: String, osAccount: String, token: String? = nil) async throws -> Caller {
        let name = try UserName.named(userName, in: "as")
        let account = try? OSAccountName(osAccount)
        if let token {
            let caller = try await authenticate(token: token)
            guard caller.name == name.value else { throw UseCaseError.forbidden("the token given is not \(name)'s") }
            return caller.acting(from: account)
        }
        guard let user = try await database.oneRoundTrip({ try await $0.users.find(name: name) }) else {
            throw UseCaseError.notFound("user \(name)")
        }
        guard let account, user.osAccount == account else {
            throw UseCaseError.forbidden(
                "the operating-system account \(osAccount) may not act as \(name): an administrator maps it (arca user map-os-account \(name) \(osAccount)), or give \(name)'s own token in ARCA_TOKEN"
            )
        }
        if user.disabled != nil { throw UseCaseError.forbidden("\(name) is disabled: nobody acts as them until an administrator enables them") }
        return Caller(user: user).acting(from: account)
    }
}
