import ArcaDomain
import ArcaPersistence
import Foundation

/// A setting's new value, as given.
public struct SettingChange: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var value: String?

    public init(value: String?) {
        self.value = value
    }
}

/// Changes a setting (administrators only, audited). Clocks already running keep the
/// period they started with: a request stores its own deadline.
public struct ChangeSetting: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(key: String, _ change: SettingChange, by caller: Caller) async throws -> SettingView {
        try caller.require(.changeSettings)
        var validation = Validation(reading: change)
        let setting = validation.check("key", "setting") { () throws(VocabularyError) in
            try Setting(rawValue: key).orRefuse(key, as: "a setting (\(Setting.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var normalised: String?
        if let value = validation.required("value", change.value) {
            do {
                normalised = try setting?.normalised(value)
            } catch {
                validation.add("value", error.rule, error.message)
            }
        }
        try validation.finish()
        guard let setting, let normalised else { return try unreachable() }
        return try await database.transaction { store in
            let before = try await store.settings.current(forChange: true)
            try await store.settings.choose(setting, value: normalised)
            let after = Settings(chosen: [setting: normalised])
            try await store.audit.change(
                "ChangeSetting", by: caller, entity: "setting", id: setting.rawValue,
                before: SettingValue(value: before.value(setting)), after: SettingValue(value: normalised))
            return SettingView(setting, in: after)
        }
    }

    /// What the trail keeps of a setting.
    struct SettingValue: Encodable {
        let value: String
    }
}
