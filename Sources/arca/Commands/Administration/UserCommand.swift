import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Users and their roles.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user with one role in one office.")

        @Argument(help: "Login name, e.g. j.peeters.")
        var name: String

        @Option(help: "admin, officer, liaison, analyst or auditor.")
        var role: String

        @Option(help: "Office code, e.g. BE-ARO (see `arca office add`).")
        var office: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let user = try await administer { root, caller in
                try await root.useCases.addUser(name: name, role: role, office: office, by: caller)
            }
            if json {
                try printJSON(user)
            } else {
                print("user \(user.name) (\(user.role.rawValue), \(user.office)) id \(user.id.uuidString.lowercased())")
            }
        }
    }
}
