import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and their roles.", subcommands: [Add.self, MapOSAccount.self, Disable.self, Enable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user with one role in one office.")

        @Argument(help: "Login name, e.g. j.peeters.")
        var name: String

        @Option(help: "admin, officer, liaison, analyst or auditor.")
        var role: String

        @Option(help: "Office code, e.g. BE-ARO (see `arca office add`).")
        var office: String

        @Option(help: "The operating-system account that may act as the user at the command line (--as), e.g. jpeeters.")
        var osAccount: String?

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let user = try await administer { root, caller in
                try await root.useCases.addUser(name: name, role: role, office: office, osAccount: osAccount, by: caller)
            }
            if json {
                try printJSON(user)
            } else {
                print("user \(user.name) (\(user.role.rawValue), \(user.office)) id \(user.id.uuidString.lowercased())")
            }
        }
    }

    struct MapOSAccount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map-os-account",
            abstract: "Let an operating-system account act as a user at the command line (--as), or, with --none, no account.",
            discussion: "Each entry such a command writes names both the user and the account. Without a mapping, the user acts at the command line only with their own token (--token).")

        @Argument(help: "Login name, e.g. j.peeters.")
        var name: String

        @Argument(help: "The operating-system account, e.g. jpeeters.")
        var account: String?

        @Flag(help: "Map no account.")
        var none = false

        func validate() throws {
            guard (account == nil) == none else { throw ValidationError("give an account, or --none") }
        }

        func run() async throws {
            let user = try await administer { root, caller in
                try await root.useCases.mapOSAccount(userName: name, account: account, by: caller)
            }
            print(user.osAccount.map { "the account \($0) acts as \(user.name) at the command line" } ?? "no account acts as \(user.name) at the command line")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a user at once: their tokens are revoked and refused by every running server, none is issued, nobody acts as them.",
            discussion: "For someone who left the office or is suspended. `arca user enable` lets them back; they then need a new token.")

        @Argument(help: "Login name, e.g. j.peeters.")
        var name: String

        @Option(help: "Why, for the audit trail, e.g. \"left the office on 2026-11-30\".")
        var reason: String

        func run() async throws {
            let outcome = try await administer { root, caller in
                try await root.useCases.disableUser(userName: name, reason: reason, by: caller)
            }
            print("user \(outcome.user.name) disabled; \(outcome.revokedTokens) token(s) revoked")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a disabled user use ARCA again; their old tokens stay revoked (arca token issue gives a new one).")

        @Argument(help: "Login name, e.g. j.peeters.")
        var name: String

        func run() async throws {
            let user = try await administer { root, caller in
                try await root.useCases.enableUser(userName: name, by: caller)
            }
            print("user \(user.name) enabled; issue a token to sign in: arca token issue --user \(user.name)")
        }
    }
}
