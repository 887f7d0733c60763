import ArcaDomain
import Foundation
import LibPQ

/// The settings an administrator chose (migration 0016); the others have their defaults.
public struct SettingRepository: Sendable {
    let db: Transaction

    /// The settings in force. With `forChange`, the table is locked against other changes
    /// until the transaction ends (readers go on), so two administrators' changes follow one
    /// another and each audit entry's value before is the one the other left — even for a
    /// setting that has no row yet, which a row lock could not hold.
    public func current(forChange: Bool = false) async throws -> Settings {
        if forChange { try await db.execute("LOCK TABLE setting IN SHARE ROW EXCLUSIVE MODE") }
        let rows = try await db.query("SELECT key, value FROM setting ORDER BY key")
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
