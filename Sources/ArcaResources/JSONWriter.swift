import ArcaDomain
import Foundation

/// A resource the API writes as JSON by hand. Foundation's `JSONEncoder` spent about a
/// third of the server's time on a case read, most of it in the Codable machinery; the
/// resources read most write their own members instead, in sorted order, and a test checks
/// that the bytes are exactly what `Reply.encoder` (sorted keys, unescaped slashes, ISO 8601
/// dates) writes from their `Encodable` conformance, which the CLI keeps using.
public protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}

/// Writes JSON as Foundation's encoder does with sorted keys and unescaped slashes: members
/// are written in the order given, so an object writes its keys in byte order; an optional
/// member that is nil is left out, as `encodeIfPresent` does.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var afterValue = false

    public init() {
        bytes.reserveCapacity(4096)
    }

    public static func write(_ value: some JSONWritable) -> [UInt8] {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        afterValue = false
        members(&self)
        bytes.append(UInt8(ascii: "}"))
        afterValue = true
    }

    public mutating func member(_ key: StaticString, _ value: some JSONWritable) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterValue = false
        value.write(to: &self)
    }

    public mutating func member(_ key: StaticString, _ value: (some JSONWritable)?) {
        if let value { member(key, value) }
    }

    /// A member written as `null` when it has no value.
    public mutating func member(_ key: StaticString, orNull value: (some JSONWritable)?) {
        if let value {
            member(key, value)
        } else {
            member(key, JSONNull())
        }
    }

    public mutating func array(_ elements: some Sequence<some JSONWritable>) {
        separate()
        bytes.append(UInt8(ascii: "["))
        afterValue = false
        for element in elements { element.write(to: &self) }
        bytes.append(UInt8(ascii: "]"))
        afterValue = true
    }

    public mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // Most texts need no escape, and are copied whole.
        if text.utf8.contains(where: Self.needsEscape) {
            for byte in text.utf8 { escaped(byte) }
        } else {
            bytes.append(contentsOf: text.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func escaped(_ byte: UInt8) {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
        case 0x08: escape = UInt8(ascii: "b")
        case 0x09: escape = UInt8(ascii: "t")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0C: escape = UInt8(ascii: "f")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0..<0x20:
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            return
        default:
            bytes.append(byte)
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(escape)
    }

    public mutating func integer(_ value: Int64) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
        afterValue = true
    }

    public mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        afterValue = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        afterValue = true
    }

    /// An instant as `JSONEncoder.DateEncodingStrategy.iso8601` writes it: UTC, whole seconds
    /// (rounded down), `2026-11-29T04:30:00Z`.
    public mutating func timestamp(_ date: Date) {
        let seconds = Int64(date.timeIntervalSinceReferenceDate.rounded(.down)) + 978_307_200
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = Self.civil(daysSince1970: days)
        openQuote()
        digits(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        digits(time / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        digits(time % 60, width: 2)
        bytes.append(UInt8(ascii: "Z"))
        closeQuote()
    }

    /// A calendar day as `Day` encodes it: `2026-11-29`.
    public mutating func day(_ value: Day) {
        openQuote()
        digits(Int64(value.year), width: 4)
        bytes.append(UInt8(ascii: "-"))
        digits(Int64(value.month), width: 2)
        bytes.append(UInt8(ascii: "-"))
        digits(Int64(value.day), width: 2)
        closeQuote()
    }

    private mutating func openQuote() {
        separate()
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func closeQuote() {
        bytes.append(UInt8(ascii: "\""))
        afterValue = true
    }

    private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The last `width` decimal digits of a value that is not negative, zero-padded.
    private mutating func digits(_ value: Int64, width: Int) {
        let start = bytes.count
        var rest = value
        for _ in 0..<width {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        bytes[start...].reverse()
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's
    /// `civil_from_days`).
    private static func civil(daysSince1970: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// `null`, for a member that is always present.
struct JSONNull: JSONWritable {
    func write(to json: inout JSONWriter) { json.null() }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

extension String: JSONWritable {
    public func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    public func write(to json: inout JSONWriter) { json.integer(Int64(self)) }
}

extension Int64: JSONWritable {
    public func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Bool: JSONWritable {
    public func write(to json: inout JSONWriter) { json.boolean(self) }
}

extension Date: JSONWritable {
    public func write(to json: inout JSONWriter) { json.timestamp(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to json: inout JSONWriter) { json.array(self) }
}

/// A vocabulary term is written as its code, as its `RawRepresentable` encoding does.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    public func write(to json: inout JSONWriter) { json.string(rawValue) }
}

extension Day: JSONWritable {
    public func write(to json: inout JSONWriter) { json.day(self) }
}

extension Money: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("amount", amountText)
            $0.member("currency", currency.code)
        }
    }
}

extension OffenceCategory: JSONWritable {}
extension CaseStatus: JSONWritable {}
extension CaseOrigin: JSONWritable {}
extension SubjectRole: JSONWritable {}
extension AssetCategory: JSONWritable {}
extension PropertyRole: JSONWritable {}
extension AssetState: JSONWritable {}
extension AssetAction: JSONWritable {}
extension ManagementKind: JSONWritable {}
extension ConfiscationType: JSONWritable {}
extension LegalOrder.Kind: JSONWritable {}
extension LegalOrder.Status: JSONWritable {}
extension LegalOrder.Execution: JSONWritable {}
extension LiftingGround: JSONWritable {}
extension OrderDateStep: JSONWritable {}
extension DisposalOutcome: JSONWritable {}
extension ValuationMethod: JSONWritable {}
