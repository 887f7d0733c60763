import ArcaDomain
import ArcaPersistence
import Foundation

/// The administrator at the command line acting as a named user, who then is the caller
/// every check and every audit entry sees. Whoever runs `arca` on the server holds the
/// database's keys already; this only makes their acts carry a user's name and office.
public struct ActAsUser: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(_ userName: String) async throws -> Caller {
        let name: UserName
        do {
            name = try UserName(userName)
        } catch {
            throw UseCaseError.invalid("as", "user-name", error.description)
        }
        guard let user = try await database.oneRoundTrip({ try await $0.users.find(name: name) }) else {
            throw UseCaseError.notFound("user \(name)")
        }
        return Caller(user: user)
    }
}
