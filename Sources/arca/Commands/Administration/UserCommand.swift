import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and their roles.", subcommands: [Add.self, MapOSAccount.self])

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
}
