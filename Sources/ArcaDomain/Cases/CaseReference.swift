/// A case's national reference for people: office prefix, year, and a number counted per
/// office and year (`BE-2026-000123`).
public struct CaseReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let year: Int
    public let number: Int

    public init(prefix: String, year: Int, number: Int) {
        self.prefix = prefix
        self.year = year
        self.number = number
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[1].count == 4, parts[2].count == 6, let year = Int(parts[1]),
            let number = Int(parts[2]), number > 0
        else { return nil }
        self.init(prefix: String(parts[0]), year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let reference = CaseReference(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a case reference: \(text)"))
        }
        self = reference
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
