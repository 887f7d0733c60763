import ArcaDomain
import ArcaPersistence
import Foundation

/// Names the operating-system account that may act as a user at the command line (`--as`),
/// or, with none, leaves the user to act there through their own token only. Audited.
public struct MapOSAccount: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(userName: String, account: String?, by caller: Caller) async throws -> User {
        try caller.require(.administerUsers)
        var validation = Validation()
        let name = validation.check("user", "user-name") { () throws(UserNameError) in try UserName(userName) }
        let mapped = account.flatMap { text in
            validation.check("account", "os-account") { () throws(OSAccountNameError) in try OSAccountName(text) }
        }
        try validation.finish()
        guard let name else { return try unreachable() }
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name, forUpdate: true) else { throw UseCaseError.notFound("user \(name)") }
            let changed = user.mapped(to: mapped)
            try await store.users.map(user.id, to: mapped)
            try await store.audit.change("MapOSAccount", by: caller, entity: "user", id: user.id.uuidString.lowercased(), before: user, after: changed)
            return changed
        }
    }
}
