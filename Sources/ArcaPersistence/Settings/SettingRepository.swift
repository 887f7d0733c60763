import ArcaDomain
import Foundation
import LibPQ

/// The settings an administrator chose (migration 0016); the others have their defaults.
public struct SettingRepository: Sendable {
    let db: Transaction

    /// The settings in force; with `forUpdate`, the chosen ones stay locked until the
    /// transaction ends, so two administrators' changes follow one another.
    public func current(forUpdate: Bool = false) async throws -> Settings {
        let rows = try await db.query("SELECT key, value FROM setting ORDER BY key \(forUpdate ? "FOR UPDATE" : "")")
        var chosen: [Setting: String] = [:]
        for row in rows {
            // A key no longer known (a setting removed in a later version) has no effect.
            if let setting = Setting(rawValue: try row.decode(String.self, 0)) { chosen[setting] = try row.decode(String.self, 1) }
        }
        return Settings(chosen: chosen)
    }

    public func choose(_ setting: Setting, value: String) async throws {
        try await db.execute(
            """
            INSERT INTO setting (key, value) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, changed_at = now()
            """, [setting.rawValue, value])
    }
}
