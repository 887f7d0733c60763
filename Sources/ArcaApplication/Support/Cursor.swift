import ArcaDomain
import Foundation

/// The `next` of a list page: the position of its last item, which a client sends back as
/// `cursor` to get the page after it. It is written `KEY.ID`: the whole number the list sorts
/// by (days since 1970, or microseconds since 1970 for requests and certificates), a dot, and
/// the item's id. Any text of that form is a position, so every cursor the document allows
/// gives a page: the one after that position.
enum Cursor {
    static func text(_ position: ListPosition) -> String {
        "\(Day.epoch.days(until: position.day)).\(position.id.lowercased)"
    }

    /// A day before the first a record may carry, or after the last, is a position before or
    /// after every record: the nil id and the greatest id are no record's.
    static func position(_ text: String) throws(CursorError) -> ListPosition {
        let (key, id) = try decode(text)
        guard key >= Self.firstDay else { return ListPosition(day: .first, id: UUID(uuid: UUID.null)) }
        guard key <= Self.lastDay else { return ListPosition(day: .last, id: UUID(uuid: UUID.greatest)) }
        return ListPosition(day: Day.epoch.adding(days: Int(key)), id: id)
    }

    static func text(_ position: RequestListPosition) -> String {
        "\(position.instant).\(position.id.lowercased)"
    }

    static func requestPosition(_ text: String) throws(CursorError) -> RequestListPosition {
        let (key, id) = try decode(text)
        return RequestListPosition(instant: key, id: id)
    }

    private static let firstDay = Int64(Day.epoch.days(until: .first))
    private static let lastDay = Int64(Day.epoch.days(until: .last))
    /// Up to 16 digits: microseconds reach well past the year 2200.
    private static let keyDigits = 1...16

    private static func decode(_ text: String) throws(CursorError) -> (key: Int64, id: UUID) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw CursorError() }
        let digits = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
        guard keyDigits.contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let key = Int64(parts[0]),
            parts[1].count == 36, parts[1] == parts[1].lowercased(), let id = UUID(uuidString: String(parts[1]))
        else { throw CursorError() }
        return (key, id)
    }
}

extension UUID {
    static let null: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    static let greatest: uuid_t = (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)
}

struct CursorError: Error, CustomStringConvertible {
    var description: String { "not a cursor this list gives: pass the `next` of the previous page unchanged" }
}
