import ArcaDomain
import ArcaPersistence
import Foundation

/// Creates a user with one role in one office, and the operating-system account that may act
/// as them at the command line, if any.
public struct AddUser: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(name: String, role: String, office: String, osAccount: String? = nil, by caller: Caller) async throws -> User {
        try caller.require(.administerUsers)
        var validation = Validation()
        let userName = validation.check("name", "user-name") { () throws(UserNameError) in try UserName(name) }
        let role = validation.check("role", "role") { () throws(VocabularyError) in
            try Role(rawValue: role).orRefuse(role, as: "a role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let officeCode = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(office) }
        let account = osAccount.flatMap { text in
            validation.check("osAccount", "os-account") { () throws(OSAccountNameError) in try OSAccountName(text) }
        }
        try validation.finish()
        guard let userName, let role, let officeCode else { return try unreachable() }
        return try await database.transaction { store in
            guard let office = try await store.offices.find(officeCode) else {
                throw UseCaseError.invalid("office", "office-exists", "there is no office \(officeCode); add it first")
            }
            let user = User(
                id: UUID(), name: userName, role: role, office: officeCode, timeZone: office.timeZone, purposeRequired: office.purposeRequired,
                osAccount: account)
            do {
                try await store.users.add(user)
            } catch let violation as ConstraintViolation where violation.kind == .duplicate {
                throw UseCaseError.conflict("a user named \(userName) already exists")
            }
            try await store.audit.change("AddUser", by: caller, entity: "user", id: user.id.uuidString.lowercased(), after: user)
            return user
        }
    }
}
