import ArcaApplication
import ArgumentParser
import Foundation

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "The deployment's settings: the defaults of deadlines and of sharing, with their legal sources.",
        subcommands: [List.self, Change.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every setting: its value, its default and where the law sets it.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let settings = try await administer { root, _ in try await root.useCases.listSettings() }
            if json {
                try printJSON(settings)
                return
            }
            for setting in settings {
                let changed = setting.value == setting.defaultValue ? "" : " (default \(setting.defaultValue))"
                print("\(setting.key) = \(setting.value)\(changed)")
                print("    \(setting.meaning); \(setting.source)")
            }
        }
    }

    struct Change: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change a setting. Deadlines already running keep the period they started with.",
            discussion: "Periods are ISO 8601 durations (PT8H, P3D); the threshold an amount and a currency (10000.00 EUR); the share a percentage (50).")

        @Argument(help: "The setting, e.g. deadline.information_urgent_direct (see `arca settings list`).")
        var key: String

        @Argument(help: "Its new value.")
        var value: String

        func run() async throws {
            let setting = try await administer { root, caller in try await root.useCases.changeSetting(key: key, SettingChange(value: value), by: caller) }
            print("\(setting.key) = \(setting.value)")
        }
    }
}
