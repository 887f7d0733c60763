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
        InstantText.appendJSONString(text, to: &bytes)
        afterValue = true
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

    /// An instant as `JSONEncoder.DateEncodingStrategy.iso8601` writes it (`InstantText`).
    public mutating func timestamp(_ date: Date) {
        openQuote()
        InstantText.append(date, to: &bytes)
        closeQuote()
    }

    /// A calendar day as `Day` encodes it: `2026-11-29`.
    public mutating func day(_ value: Day) {
        openQuote()
        InstantText.appendDigits(Int64(value.year), width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        InstantText.appendDigits(Int64(value.month), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        InstantText.appendDigits(Int64(value.day), width: 2, to: &bytes)
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
