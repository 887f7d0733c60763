import Foundation

/// Free text a user types into a record (a title, a name, a description): trimmed, within
/// its length, and free of control characters that would corrupt reports and exports.
/// Lengths count Unicode code points, as PostgreSQL's `length()` does: "é" typed as "e" and a
/// combining accent is two, so what passes here always fits the column.
public enum RecordText {
    /// `multiline` text (a description, a reason) may run over lines, each ending in a line
    /// feed (a CR LF is taken as one); everything else (a title, a name, a reference) is one
    /// line, as the tables and exports that show it need.
    public static func valid(_ text: String, length: ClosedRange<Int>, what: String, multiline: Bool = false) throws(RecordTextError) -> String {
        let lines = multiline ? endingLinesInLineFeeds(text) : text
        let trimmed = lines.trimmingCharacters(in: .whitespacesAndNewlines)
        // Counted as sent, in code points as JSON Schema's maxLength counts, so that the API
        // document's bounds are the server's; blank text counts as none.
        let count = trimmed.isEmpty ? 0 : text.unicodeScalars.count
        guard length.contains(count) else {
            throw RecordTextError(description: "\(what) must have \(length.lowerBound) to \(length.upperBound) characters, not \(count)")
        }
        // As sent, before trimming: a tab or a line break at the edge of a one-line text is refused, as the API document says.
        try checkCharacters(lines, what: what, multiline: multiline)
        return trimmed
    }

    /// Each CR LF as one line feed, scalar by scalar: Foundation's `replacingOccurrences` left
    /// some CR LFs of a text in place (RecordRulesTests holds one such text).
    public static func endingLinesInLineFeeds(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if previousWasCR, scalar != "\n" { scalars.append("\r") }
            previousWasCR = scalar == "\r"
            if !previousWasCR { scalars.append(scalar) }
        }
        if previousWasCR { scalars.append("\r") }
        return String(scalars)
    }

    /// Refuses NUL and the other control characters (C0, DEL, C1), and in one-line text the
    /// line and paragraph separators too; multi-line text keeps its line feeds.
    public static func checkCharacters(_ text: String, what: String, multiline: Bool) throws(RecordTextError) {
        let breaks: Set<Unicode.Scalar> = ["\n", "\u{2028}", "\u{2029}"]
        if !multiline, text.unicodeScalars.contains(where: breaks.contains) {
            throw RecordTextError(description: "\(what) must be one line")
        }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n"] : []
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) else {
            throw RecordTextError(description: "\(what) must not contain control characters")
        }
    }
}

public struct RecordTextError: Error, Equatable, CustomStringConvertible {
    public let description: String
}
