import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

/// Runs an administrative use case against the configured database, as the CLI caller.
func administer<T>(poolSize: Int = 1, _ body: (CompositionRoot, Caller) async throws -> T) async throws -> T {
    let root = try CompositionRoot.connect(poolSize: poolSize, logger: Logging.logger("arca"))
    do {
        let result = try await body(root, Caller.commandLine())
        await root.database.close()
        return result
    } catch {
        await root.database.close()
        throw CompositionRoot.explain(error)
    }
}

/// Prints `value` as sorted JSON for scripts.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

struct OfficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Offices of this deployment.", subcommands: [Add.self, SetTimeZone.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an office.")

        @Argument(help: "Office code, e.g. BE-ARO.")
        var code: String

        @Option(help: "Member State (ISO 3166-1 alpha-2; EL is read as GR). The first office sets the deployment's state; every other office must share it.")
        var state: String

        @Option(help: "The office's name.")
        var name: String

        @Option(help: "Prefix of its case references (default: the Member State code).")
        var prefix: String?

        @Option(help: "The office's time zone, an IANA name; its \"today\" is the local date there (default: its state's capital's, Europe/Brussels for BE).")
        var timeZone: String?

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let office = try await administer { root, caller in
                try await root.useCases.addOffice(
                    code: code, memberState: state, referencePrefix: prefix, name: name, timeZone: timeZone, by: caller)
            }
            if json {
                try printJSON(office)
            } else {
                print(
                    "office \(office.code) (\(office.memberState.code), \(office.timeZone.identifier)), references \(office.referencePrefix)-YYYY-NNNNNN: \(office.name)")
            }
        }
    }

    struct SetTimeZone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-time-zone", abstract: "Set the time zone an office works in; its users' \"today\" is the local date there.")

        @Argument(help: "Office code, e.g. BE-ARO.")
        var code: String

        @Argument(help: "An IANA time-zone name, e.g. Europe/Brussels.")
        var timeZone: String

        func run() async throws {
            let office = try await administer { root, caller in
                try await root.useCases.changeOfficeTimeZone(office: code, timeZone: timeZone, by: caller)
            }
            print("office \(office.code) works in \(office.timeZone.identifier)")
        }
    }
}

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

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens (HTTP: Authorization: Bearer <token>).",
        subcommands: [Issue.self, Revoke.self])

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
            print("token \(issued.id.uuidString.lowercased()) for \(issued.user.name) (\(issued.user.role.rawValue), \(issued.user.office)); keep it secret, it is not shown again:")
            print(issued.secret)
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
