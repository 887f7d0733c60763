import ArcaDomain
import ArcaPersistence
import Foundation

/// A setting as the settings list shows it: its value in force, its default and its source.
public struct SettingView: Sendable, Equatable, Encodable {
    public let key: String
    public let value: String
    public let defaultValue: String
    public let source: String
    public let meaning: String

    init(_ setting: Setting, in settings: Settings) {
        key = setting.rawValue
        value = settings.value(setting)
        defaultValue = setting.defaultValue
        source = setting.source
        meaning = setting.meaning
    }
}

/// Lists the deployment's settings (DOMAIN §4): the rules with numbers everyone works by.
public struct ListSettings: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction() async throws -> [SettingView] {
        let settings = try await database.transaction { try await $0.settings.current() }
        return Setting.allCases.map { SettingView($0, in: settings) }
    }
}
