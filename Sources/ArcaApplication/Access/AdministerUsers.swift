import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation

/// Registers an office of this deployment.
public struct AddOffice: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(
        code: String, memberState: String, referencePrefix: String?, name: String, timeZone: String? = nil, by caller: Caller
    ) async throws -> Office {
        try caller.require(.administerUsers)
        var validation = Validation()
        let code = validation.check("code", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        let state = validation.check("memberState", "member-state") { () throws(VocabularyError) in
            try MemberState(code: memberState).orRefuse(memberState, as: "an EU Member State code")
        }
        let zone = validation.optional("timeZone", timeZone, "time-zone") { (name) throws(OfficeError) in try Office.timeZone(named: name) }
        try validation.finish()
        guard let code, let state else { return try unreachable() }
        let office: Office
        do {
            office = try Office(
                code: code, memberState: state, referencePrefix: referencePrefix ?? state.code, name: name, timeZone: zone)
        } catch {
            if case .badName = error { throw UseCaseError.invalid("name", "text", error.description) }
            throw UseCaseError.invalid("referencePrefix", "office", error.description)
        }
        return try await database.transaction { store in
            if let deployment = try await store.offices.deploymentState() {
                do throws(OfficeError) {
                    try office.checkBelongs(to: deployment)
                } catch {
                    throw UseCaseError.invalid("memberState", "deployment-state", error.description)
                }
            } else {
                try await store.offices.settleDeploymentState(state)
            }
            do {
                try await store.offices.add(office)
            } catch let violation as ConstraintViolation where violation.kind == .missingReference {
                // Another first office, of another state, was registered at the same moment.
                throw UseCaseError.invalid("memberState", "deployment-state", "this deployment serves another Member State than \(state.code)")
            } catch let violation as ConstraintViolation where violation.kind == .duplicate {
                throw UseCaseError.conflict(
                    violation.constraint.contains("prefix")
                        ? "another office already uses the reference prefix \(office.referencePrefix)"
                        : "office \(office.code) already exists")
            }
            try await store.audit.change("AddOffice", by: caller, entity: "office", id: office.code.value, after: office)
            return office
        }
    }
}

/// Sets the time zone an office works in: its users' "today" is the local date there.
public struct ChangeOfficeTimeZone: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(office code: String, timeZone: String, by caller: Caller) async throws -> Office {
        try caller.require(.administerUsers)
        var validation = Validation()
        let code = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        let zone = validation.check("timeZone", "time-zone") { () throws(OfficeError) in try Office.timeZone(named: timeZone) }
        try validation.finish()
        guard let code, let zone else { return try unreachable() }
        return try await database.transaction { store in
            guard let current = try await store.offices.find(code, forUpdate: true) else { throw UseCaseError.notFound("office \(code)") }
            let changed = try current.moved(to: zone)
            try await store.offices.setTimeZone(of: code, to: zone)
            try await store.audit.change("ChangeOfficeTimeZone", by: caller, entity: "office", id: code.value, before: current, after: changed)
            return changed
        }
    }
}

/// Creates a user with one role in one office.
public struct AddUser: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(name: String, role: String, office: String, by caller: Caller) async throws -> User {
        try caller.require(.administerUsers)
        var validation = Validation()
        let userName = validation.check("name", "user-name") { () throws(UserNameError) in try UserName(name) }
        let role = validation.check("role", "role") { () throws(VocabularyError) in
            try Role(rawValue: role).orRefuse(role, as: "a role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let officeCode = validation.check("office", "office-code") { () throws(OfficeError) in try OfficeCode(office) }
        try validation.finish()
        guard let userName, let role, let officeCode else { return try unreachable() }
        return try await database.transaction { store in
            guard let office = try await store.offices.find(officeCode) else {
                throw UseCaseError.invalid("office", "office-exists", "there is no office \(officeCode); add it first")
            }
            let user = User(id: UUID(), name: userName, role: role, office: officeCode, timeZone: office.timeZone)
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

/// An API token: shown once to the person it is issued for, stored only as its SHA-256.
public struct IssuedToken: Sendable {
    public let id: UUID
    public let user: User
    public let secret: String
}

public struct IssueToken: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(userName: String, label: String?, by caller: Caller) async throws -> IssuedToken {
        try caller.require(.administerUsers)
        let name: UserName
        do {
            name = try UserName(userName)
        } catch {
            throw UseCaseError.invalid("user", "user-name", error.description)
        }
        var validation = Validation()
        let label = label.flatMap { text in
            validation.check("label", "text") { () throws(RecordTextError) in try RecordText.valid(text, length: User.tokenLabelLength, what: "the label") }
        }
        try validation.finish()
        let secret = TokenSecret.generate()
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name) else { throw UseCaseError.notFound("user \(name)") }
            let id = UUID()
            try await store.tokens.add(id: id, userID: user.id, hash: TokenSecret.hash(secret), label: label)
            try await store.audit.change("IssueToken", by: caller, entity: "api_token", id: id.uuidString.lowercased(), after: ["user": user.name.value, "label": label ?? ""])
            return IssuedToken(id: id, user: user, secret: secret)
        }
    }
}

public struct RevokeTokens: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Revokes one token of the user, or all of them when `tokenID` is nil; returns how many.
    public func callAsFunction(userName: String, tokenID: UUID?, by caller: Caller) async throws -> Int {
        try caller.require(.administerUsers)
        let name: UserName
        do {
            name = try UserName(userName)
        } catch {
            throw UseCaseError.invalid("user", "user-name", error.description)
        }
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name) else { throw UseCaseError.notFound("user \(name)") }
            let revoked = try await store.tokens.revoke(userID: user.id, tokenID: tokenID)
            try await store.audit.change("RevokeTokens", by: caller, entity: "user", id: user.id.uuidString.lowercased(), after: ["revoked": String(revoked), "token": tokenID?.uuidString.lowercased() ?? "all"])
            return revoked
        }
    }
}

/// Finds who presents a token.
public struct Authenticate: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(token: String) async throws -> Caller {
        guard TokenSecret.looksValid(token) else { throw UseCaseError.unauthenticated }
        let hash = TokenSecret.hash(token)
        let user = try await database.transaction { try await $0.tokens.activeUser(hash: hash) }
        guard let user else { throw UseCaseError.unauthenticated }
        return Caller(user: user)
    }
}

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
        guard let user = try await database.transaction({ try await $0.users.find(name: name) }) else {
            throw UseCaseError.notFound("user \(name)")
        }
        return Caller(user: user)
    }
}

enum TokenSecret {
    static let prefix = "arca_"

    /// 32 random bytes from the system's secure generator, in hex.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func looksValid(_ token: String) -> Bool {
        token.count == prefix.count + 64 && token.hasPrefix(prefix)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Validation reported success yet a value is missing: a programming error, never input.
func unreachable<T>() throws -> T {
    throw UseCaseError.conflict("internal inconsistency in input validation")
}
