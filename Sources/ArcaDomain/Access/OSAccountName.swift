/// The name of an operating-system account on the server (POSIX: a lowercase letter or `_`,
/// then letters, digits, `_`, `.` or `-`, at most 32 long), as mapped to the ARCA user it may
/// act as at the command line.
public struct OSAccountName: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(OSAccountNameError) {
        guard (1...32).contains(text.count), let first = text.first, first == "_" || (first.isASCII && first.isLowercase),
            text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") })
        else { throw OSAccountNameError(text: text) }
        value = text
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Written as its name alone.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

public struct OSAccountNameError: Error, Equatable, CustomStringConvertible {
    let text: String

    public var description: String {
        "\"\(text.prefix(40))\" is not an operating-system account name (lowercase letters, digits, _ . -, starting with a letter or _, at most 32)"
    }
}
