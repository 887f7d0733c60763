import Foundation

/// Free text a user types into a record (a title, a name, a description): trimmed, within
/// its length, and free of control characters that would corrupt reports and exports.
/// Lengths count Unicode code points, as PostgreSQL's `length()` does: "é" typed as "e" and a
/// combining accent is two, so what passes here always fits the column.
public enum RecordText {
    public static func valid(_ text: String, length: ClosedRange<Int>, what: String) throws(RecordTextError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let count = trimmed.unicodeScalars.count
        guard length.contains(count) else {
            throw RecordTextError(description: "\(what) must have \(length.lowerBound) to \(length.upperBound) characters, not \(count)")
        }
        try checkCharacters(trimmed, what: what)
        return trimmed
    }

    /// Refuses NUL and the other control characters (C0, DEL, C1) but the line feed, which
    /// multi-line text such as a reason may hold.
    public static func checkCharacters(_ text: String, what: String) throws(RecordTextError) {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw RecordTextError(description: "\(what) must not contain control characters")
        }
    }
}

public struct RecordTextError: Error, Equatable, CustomStringConvertible {
    public let description: String
}
