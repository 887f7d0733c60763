import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens (HTTP: Authorization: Bearer <token>).",
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for a user.",
            discussion: "The token is printed once, as the last line of the output; only its hash is stored.")

        @Option(help: "The user's login name.")
        var user: String

        @Option(help: "What the token is for, e.g. a machine's name.")
        var label: String?

        func run() async throws {
            let issued = try await administer { root, caller in
                try await root.useCases.issueToken(userName: user, label: label, by: caller)
            }
            let until = ISO8601DateFormatter().string(from: issued.expiresAt)
            print(
                "token \(issued.id.uuidString.lowercased()) for \(issued.user.name) (\(issued.user.role.rawValue), \(issued.user.office)), valid until \(until) (setting token.lifetime); keep it secret, it is not shown again:"
            )
            print(issued.secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A user's tokens: issued, valid until, last used, revoked.")

        @Option(help: "The user's login name.")
        var user: String

        func run() async throws {
            let tokens = try await administer { root, caller in try await root.useCases.listTokens(userName: user, by: caller) }
            let time = ISO8601DateFormatter()
            let rows = tokens.map { token in
                [
                    token.id.uuidString.lowercased(), token.label ?? "-", time.string(from: token.issuedAt), time.string(from: token.expiresAt),
                    token.lastUsedAt.map(time.string) ?? "never", token.revokedAt.map(time.string) ?? "-",
                ]
            }
            print(table(["TOKEN", "LABEL", "ISSUED", "VALID UNTIL", "LAST USED", "REVOKED"], rows))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a user's tokens (all, or one with --token).")

        @Option(help: "The user's login name.")
        var user: String

        @Option(help: "The id of one token to revoke.")
        var token: String?

        func run() async throws {
            var tokenID: UUID?
            if let token {
                guard let id = UUID(uuidString: token) else {
                    throw ValidationError("--token takes a token id as printed by `arca token issue`")
                }
                tokenID = id
            }
            let revoked = try await administer { root, caller in
                try await root.useCases.revokeTokens(userName: user, tokenID: tokenID, by: caller)
            }
            print("revoked \(revoked) token(s) of \(user)")
        }
    }
}
