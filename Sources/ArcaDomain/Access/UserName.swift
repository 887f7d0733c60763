/// A user's login name: lower-case letters, digits, dots, hyphens, underscores; 2–63 long,
/// starting with a letter or digit (`j.peeters`).
public struct UserName: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(UserNameError) {
        guard (2...63).contains(text.count), let first = text.first, first.isLetter || first.isNumber,
            text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
        else { throw UserNameError(text: text) }
        self.value = text
    }

    public var description: String { value }
}

public struct UserNameError: Error, Equatable, CustomStringConvertible {
    let text: String

    public var description: String {
        "\"\(text.prefix(40))\" is not a user name: 2 to 63 lower-case letters, digits, dots, hyphens or underscores"
    }
}
