import Foundation

extension UUID {
    /// The form ARCA prints, stores in the audit trail and puts in URLs.
    public var lowercased: String { uuidString.lowercased() }
}
