import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

struct OfficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Offices of this deployment.", subcommands: [Add.self, SetTimeZone.self, RequirePurpose.self])

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

    struct RequirePurpose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "require-purpose",
            abstract: "Ask, or stop asking, the purpose of every consultation by an office's users (X-Purpose, --purpose).")

        @Argument(help: "Office code, e.g. BE-ARO.")
        var code: String

        @Argument(help: "on or off.")
        var setting: String

        func run() async throws {
            guard ["on", "off"].contains(setting) else { throw ValidationError("say on or off, not \(setting)") }
            let office = try await administer { root, caller in
                try await root.useCases.requireConsultationPurpose(office: code, required: setting == "on", by: caller)
            }
            print("office \(office.code) \(office.purposeRequired ? "asks" : "does not ask") the purpose of every consultation")
        }
    }
}
