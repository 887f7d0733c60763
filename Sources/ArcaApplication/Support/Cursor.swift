import ArcaDomain
import Foundation

/// The opaque `next` of a list page: the position of its last item, which a client sends
/// back as `cursor` to get the page after it.
enum Cursor {
    static func text(_ position: ListPosition) -> String {
        encode(key: position.day.description, id: position.id)
    }

    static func position(_ text: String) throws(CursorError) -> ListPosition {
        let (key, id) = try decode(text)
        guard let day = try? Day(key) else { throw CursorError() }
        return ListPosition(day: day, id: id)
    }

    /// A request list's position: the instant it sorts by, in microseconds, and the id.
    static func text(_ position: RequestListPosition) -> String {
        encode(key: String(position.instant), id: position.id)
    }

    static func requestPosition(_ text: String) throws(CursorError) -> RequestListPosition {
        let (key, id) = try decode(text)
        guard let instant = Int64(key) else { throw CursorError() }
        return RequestListPosition(instant: instant, id: id)
    }

    /// `key|id` in URL-safe base64 without padding.
    private static func encode(key: String, id: UUID) -> String {
        Data("\(key)|\(id.lowercased)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: String) throws(CursorError) -> (key: String, id: UUID) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 100, let data = Data(base64Encoded: base64) else { throw CursorError() }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|")
        guard parts.count == 2, let id = UUID(uuidString: String(parts[1])) else { throw CursorError() }
        return (String(parts[0]), id)
    }
}

struct CursorError: Error, CustomStringConvertible {
    var description: String { "not a cursor this list gave out: pass the `next` of the previous page unchanged" }
}
