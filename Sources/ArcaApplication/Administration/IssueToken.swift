import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation

/// An API token: shown once to the person it is issued for, stored only as its SHA-256.
public struct IssuedToken: Sendable {
    public let id: UUID
    public let user: User
    public let secret: String
    public let expiresAt: Date
}

public struct IssueToken: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(userName: String, label: String?, by caller: Caller) async throws -> IssuedToken {
        try caller.require(.administerUsers)
        let name = try UserName.named(userName, in: "user")
        var validation = Validation()
        let label = label.flatMap { text in
            validation.check("label", "text") { () throws(RecordTextError) in try RecordText.valid(text, length: User.tokenLabelLength, what: "the label") }
        }
        try validation.finish()
        let secret = TokenSecret.generate()
        return try await database.transaction { store in
            guard let user = try await store.users.find(name: name, forUpdate: true) else { throw UseCaseError.notFound("user \(name)") }
            if user.disabled != nil { throw UseCaseError.conflict("\(name) is disabled: an administrator enables them first (arca user enable \(name))") }
            let id = UUID()
            let lifetime = try await store.settings.current().tokenLifetime
            let expiresAt = try await store.tokens.add(id: id, userID: user.id, hash: TokenSecret.hash(secret), label: label, lifetime: Int(lifetime))
            try await store.audit.change(
                "IssueToken", by: caller, entity: "api_token", id: id.uuidString.lowercased(),
                after: ["user": user.name.value, "label": label ?? "", "expiresAt": ISO8601DateFormatter().string(from: expiresAt)])
            return IssuedToken(id: id, user: user, secret: secret, expiresAt: expiresAt)
        }
    }
}

enum TokenSecret {
    static let prefix = "arca_"

    /// 32 random bytes from the system's secure generator, in hex.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexadecimal
    }

    static func looksValid(_ token: String) -> Bool {
        token.count == prefix.count + 64 && token.hasPrefix(prefix)
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexadecimal
    }
}
