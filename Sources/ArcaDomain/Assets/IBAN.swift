import Foundation

/// An International Bank Account Number (ISO 13616), checked for its country's length and
/// its mod-97 check digits. Stored without spaces, in capitals.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// IBAN lengths by country, from the SWIFT IBAN registry.
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
        "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25,
        "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    public init(_ text: String) throws(IdentifierError) {
        let compact = String(text.uppercased().filter { $0 != " " })
        let characters = Array(compact)
        guard characters.count >= 5, characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .iban("\"\(text.prefix(40))\" is not an IBAN: it must be a country code, two check digits and the account number")
        }
        let country = String(characters[0..<2])
        guard let length = Self.lengths[country] else {
            throw .iban("\(country) does not issue IBANs")
        }
        guard characters.count == length else {
            throw .iban("an IBAN from \(country) has \(length) characters, this one has \(characters.count)")
        }
        guard Self.checksum(characters) == 1 else {
            throw .iban("the check digits of \(compact) are wrong: a character is mistyped")
        }
        self.value = compact
    }

    /// ISO 7064 mod 97-10 over the account part followed by the country and check digits.
    static func checksum(_ characters: [Character]) -> Int {
        let rearranged = characters[4...] + characters[..<4]
        var remainder = 0
        for character in rearranged {
            let number = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = (remainder * (number >= 10 ? 100 : 10) + number) % 97
        }
        return remainder
    }

    public var countryCode: String { String(value.prefix(2)) }
    public var description: String { value }

    /// The IBAN of a domestic account number: its country, the check digits ISO 13616
    /// computes for it, and the number itself.
    public static func make(country: String, bban: String) throws(IdentifierError) -> IBAN {
        let remainder = checksum(Array(country + "00" + bban))
        let check = 98 - remainder
        return try IBAN(country + (check < 10 ? "0" : "") + String(check) + bban)
    }
}

/// A vehicle identification number (ISO 3779): 17 characters without I, O or Q. The check
/// digit in position 9 is mandatory for North American VINs (first character 1–5) only;
/// European manufacturers need not use it.
public struct VIN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    private static let allowed = Set("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
    private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    public init(_ text: String) throws(IdentifierError) {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        guard upper.count == 17 else {
            throw .vin("a VIN has 17 characters, \"\(text.prefix(40))\" has \(upper.count)")
        }
        guard upper.allSatisfy({ Self.allowed.contains($0) }) else {
            throw .vin("a VIN uses digits and capitals except I, O and Q: \"\(upper)\"")
        }
        let characters = Array(upper)
        if let first = characters.first, ("1"..."5").contains(first) {
            guard characters[8] == Self.checkDigit(characters) else {
                throw .vin("the check digit (9th character) of \(upper) should be \(Self.checkDigit(characters))")
            }
        }
        self.value = upper
    }

    static func checkDigit(_ characters: [Character]) -> Character {
        let sum = zip(characters, weights).reduce(0) { total, pair in total + transliterate(pair.0) * pair.1 }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    private static func transliterate(_ character: Character) -> Int {
        if let digit = character.wholeNumberValue { return digit }
        let table: [Character: Int] = [
            "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2, "L": 3, "M": 4,
            "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
        ]
        return table[character] ?? 0
    }

    public var description: String { value }
}

public enum IdentifierError: Error, Equatable, CustomStringConvertible {
    case iban(String)
    case vin(String)
    case walletAddress(String)
    case landRegistryReference(String)

    public var description: String {
        switch self {
        case .iban(let message), .vin(let message), .walletAddress(let message), .landRegistryReference(let message):
            return message
        }
    }

    /// The rule's stable name, for API errors.
    public var rule: String {
        switch self {
        case .iban: return "iban"
        case .vin: return "vin"
        case .walletAddress: return "wallet-address"
        case .landRegistryReference: return "land-registry-reference"
        }
    }
}

/// Identifiers travel and are stored in their compact text form.
extension IBAN: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try IBAN(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension VIN: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try VIN(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
