import Foundation

/// Free text a user types into a record (a title, a name, a description): trimmed, within
/// its length, and free of control characters that would corrupt reports and exports.
public enum RecordText {
    public static func valid(_ text: String, length: ClosedRange<Int>, what: String) throws(RecordTextError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard length.contains(trimmed.count) else {
            throw RecordTextError(description: "\(what) must have \(length.lowerBound) to \(length.upperBound) characters, not \(trimmed.count)")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw RecordTextError(description: "\(what) must not contain control characters")
        }
        return trimmed
    }
}

public struct RecordTextError: Error, Equatable, CustomStringConvertible {
    public let description: String
}
