/// An ISO 4217 currency: one of list one's current currencies, or a withdrawn one the ECB
/// reference rates still quote (`ISO4217`).
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public static let euro = Currency(uncheckedCode: "EUR")

    /// Currencies ARCA accepts, with their minor-unit digits.
    static let known: [String: Int] = ISO4217.current.merging(ISO4217.withdrawn) { current, _ in current }

    /// Every code ARCA accepts, sorted.
    public static var codes: [String] { known.keys.sorted() }

    public init?(code: String) {
        let upper = code.uppercased()
        guard Self.known[upper] != nil else { return nil }
        self.code = upper
    }

    private init(uncheckedCode: String) {
        self.code = uncheckedCode
    }

    /// Digits after the decimal point in everyday amounts (2 for EUR, 0 for JPY).
    public var minorUnitDigits: Int { Self.known[code] ?? 2 }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(code) is not an ISO 4217 currency ARCA knows"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
