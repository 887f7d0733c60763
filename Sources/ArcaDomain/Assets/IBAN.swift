import Foundation

/// An International Bank Account Number (ISO 13616), checked as the SWIFT IBAN registry
/// defines it (`IBAN.registry`): a country of the registry, its length, which positions of
/// the account number are digits, letters or either, and the mod-97 check digits. Stored
/// without spaces, in capitals.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Each registry country's account-number structure, read once from its notation.
    static let structures: [String: [BBANGroup]] = registry.mapValues(BBANGroup.parse)

    public init(_ text: String) throws(IdentifierError) {
        let characters = try Self.characters(of: text)
        let country = String(characters[0..<2])
        guard let structure = Self.structures[country] else {
            throw .iban("\(country) does not issue IBANs (it is not in the SWIFT IBAN registry)")
        }
        let length = 4 + structure.reduce(0) { $0 + $1.count }
        guard characters.count == length else {
            throw .iban("an IBAN from \(country) has \(length) characters, this one has \(characters.count)")
        }
        var position = 4
        for group in structure {
            for character in characters[position..<(position + group.count)] where !group.kind.admits(character) {
                throw .iban(
                    "character \(position + 1) of an IBAN from \(country) must be \(group.kind.phrase), not \"\(character)\" "
                        + "(the registry's account number for \(country) is \(Self.registry[country]!))")
            }
            position += group.count
        }
        guard Self.checksum(characters) == 1 else {
            throw .iban("the check digits of \(String(characters)) are wrong: a character is mistyped")
        }
        self.value = String(characters)
    }

    /// An IBAN as recorded before the registry's structures were checked: its check digits
    /// held then, and it is kept as it was so that older records stay readable.
    public init(recorded text: String) throws(IdentifierError) {
        self.value = String(try Self.characters(of: text))
    }

    private static func characters(of text: String) throws(IdentifierError) -> [Character] {
        let characters = Array(text.uppercased().filter { $0 != " " })
        guard characters.count >= 5, characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            characters[0].isLetter, characters[1].isLetter, characters[2].isNumber, characters[3].isNumber
        else {
            throw .iban("\"\(text.prefix(40))\" is not an IBAN: it must be a country code, two check digits and the account number")
        }
        return characters
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
        try IBAN(make(unchecked: country, bban: bban))
    }

    /// The text of an IBAN with correct check digits for any account number, checked or not.
    static func make(unchecked country: String, bban: String) -> String {
        let check = 98 - checksum(Array(country + "00" + bban))
        return country + (check < 10 ? "0" : "") + String(check) + bban
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

/// A run of account-number positions in the registry's notation: `4!n` is four digits.
struct BBANGroup: Equatable, Sendable {
    enum Kind: Character, Sendable {
        case digit = "n"
        case letter = "a"
        case either = "c"

        func admits(_ character: Character) -> Bool {
            switch self {
            case .digit: return character.isASCII && character.isNumber
            case .letter: return character.isASCII && character.isUppercase
            case .either: return character.isASCII && (character.isUppercase || character.isNumber)
            }
        }

        var phrase: String {
            switch self {
            case .digit: return "a digit"
            case .letter: return "a capital letter"
            case .either: return "a digit or a capital letter"
            }
        }
    }

    let count: Int
    let kind: Kind

    /// Reads `4!n4!n12!c`: a count, `!` (fixed length), a kind.
    static func parse(_ notation: String) -> [BBANGroup] {
        var groups: [BBANGroup] = []
        var digits = ""
        for character in notation {
            if character.isNumber {
                digits.append(character)
            } else if let kind = Kind(rawValue: character), let count = Int(digits) {
                groups.append(BBANGroup(count: count, kind: kind))
                digits = ""
            }
        }
        return groups
    }
}

public enum IdentifierError: Error, Equatable, CustomStringConvertible {
    case iban(String)
    case vin(String)
    case walletAddress(String)
    case landRegistryReference(String)
    case registrationMark(String)

    public var description: String {
        switch self {
        case .iban(let message), .vin(let message), .walletAddress(let message), .landRegistryReference(let message),
            .registrationMark(let message):
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
        case .registrationMark: return "registration-mark"
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
