import ArcaDomain
import Foundation

/// The opaque `next` of a list page: the position of its last item, which a client sends
/// back as `cursor` to get the page after it.
enum Cursor {
    static func text(_ position: ListPosition) -> String {
        Data("\(position.day)|\(position.id.lowercased)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func position(_ text: String) throws(CursorError) -> ListPosition {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard text.count <= 100, let data = Data(base64Encoded: base64) else { throw CursorError() }
        let parts = String(decoding: data, as: UTF8.self).split(separator: "|")
        guard parts.count == 2, let day = try? Day(String(parts[0])), let id = UUID(uuidString: String(parts[1])) else {
            throw CursorError()
        }
        return ListPosition(day: day, id: id)
    }
}

struct CursorError: Error, CustomStringConvertible {
    var description: String { "not a cursor this list gave out: pass the `next` of the previous page unchanged" }
}
