import ArcaDomain
import Crypto
import Foundation

/// One numbered schema change from `SQL/NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the file's text, in hex: an applied migration must never change.
    public let checksum: String

    public init(fileName: String, sql: String) throws {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0 else {
            throw MigrationError.badFileName(fileName)
        }
        self.version = version
        self.name = stem
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).hexadecimal
    }

    /// The migrations compiled into this binary from the repository's `SQL/` folder.
    public static func embedded() throws -> [Migration] {
        try ordered(embeddedMigrationFiles.map { try Migration(fileName: $0.name, sql: $0.text) })
    }

    /// Sorts by version and refuses two files with one number.
    public static func ordered(_ migrations: [Migration]) throws -> [Migration] {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(previous.name, next.name)
        }
        return sorted
    }
}

public enum MigrationError: Error, CustomStringConvertible, Equatable {
    case badFileName(String)
    case duplicateVersion(String, String)
    case changedAfterApply(name: String, applied: String, now: String)
    case unknownApplied(name: String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            return "migration file \(name) is not named NNNN_description.sql"
        case .duplicateVersion(let first, let second):
            return "migrations \(first) and \(second) share a number; renumber one of them"
        case .changedAfterApply(let name, let applied, let now):
            return "migration \(name) was changed after it was applied (checksum \(applied.prefix(12))… in the database, \(now.prefix(12))… now); restore the file and put the change in a new migration"
        case .unknownApplied(let name):
            return "the database has migration \(name), which this build of arca does not know; run a newer arca"
        }
    }
}
