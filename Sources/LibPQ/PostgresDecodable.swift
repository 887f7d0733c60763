import Foundation

/// A Swift type that can be read from a result cell in PostgreSQL's text format.
public protocol PostgresDecodable {
    static func decode(from cell: PostgresCell) throws -> Self
}

extension String: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> String {
        String(decoding: try cell.required(String.self), as: UTF8.self)
    }
}

extension FixedWidthInteger where Self: PostgresDecodable {
    static func decodeInteger(from cell: PostgresCell) throws -> Self {
        let bytes = try cell.required(Self.self)
        var scanner = DigitScanner(bytes)
        let negative = scanner.skip("-")
        var value: Self = 0
        var any = false
        while let digit = scanner.digit() {
            any = true
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? shifted.subtractingReportingOverflow(Self(digit))
                : shifted.addingReportingOverflow(Self(digit))
            guard !overflow1, !overflow2 else { throw cell.mismatch(Self.self) }
            value = next
        }
        guard any, scanner.atEnd else { throw cell.mismatch(Self.self) }
        return value
    }
}

extension Int: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int { try decodeInteger(from: cell) }
}

extension Int64: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int64 { try decodeInteger(from: cell) }
}

extension Int32: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int32 { try decodeInteger(from: cell) }
}

extension Int16: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Int16 { try decodeInteger(from: cell) }
}

extension Bool: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Bool {
        let bytes = try cell.required(Bool.self)
        guard bytes.count == 1 else { throw cell.mismatch(Bool.self) }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw cell.mismatch(Bool.self)
        }
    }
}

extension Decimal: PostgresDecodable {
    /// Foundation's Decimal holds 38 significant digits; a numeric with more is refused
    /// rather than rounded, since amounts must be exact to the last digit.
    public static func decode(from cell: PostgresCell) throws -> Decimal {
        let bytes = try cell.required(Decimal.self)
        var significant = 0
        var leading = true
        for byte in bytes where byte >= 0x30 && byte <= 0x39 {
            if leading && byte == 0x30 { continue }
            leading = false
            significant += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard significant <= 38, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
            !value.isNaN
        else { throw cell.mismatch(Decimal.self) }
        return value
    }
}

extension UUID: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> UUID {
        guard let value = UUID(text: try cell.required(UUID.self)) else { throw cell.mismatch(UUID.self) }
        return value
    }

    /// `uuid`'s text form, `8-4-4-4-12` hexadecimal digits, read by hand: Foundation's
    /// `UUID(uuidString:)` goes through `sscanf`, and ids are in every row.
    init?(text: UnsafeRawBufferPointer) {
        guard text.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &uuid) { bytes in
            var index = 0
            var position = 0
            while position < 36 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard text[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                    continue
                }
                guard let high = Self.hexValue(text[position]), let low = Self.hexValue(text[position + 1]) else { return false }
                bytes[index] = high << 4 | low
                index += 1
                position += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: uuid)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Row {
    /// A `uuid[]`, or a `text[]` of ids, each element read like a `uuid` column: PostgreSQL
    /// writes the elements unquoted, 36 characters apart by commas.
    public func decodeUUIDs(_ column: Int) throws -> [UUID] {
        let cell = try result.cell(row: index, column: column)
        let text = try cell.required([UUID].self)
        guard text.count >= 2, text.first == UInt8(ascii: "{"), text.last == UInt8(ascii: "}") else { throw cell.mismatch([UUID].self) }
        if text.count == 2 { return [] }
        guard (text.count - 1) % 37 == 0 else { throw cell.mismatch([UUID].self) }
        var ids: [UUID] = []
        ids.reserveCapacity((text.count - 1) / 37)
        var start = 1
        while start < text.count {
            let end = start + 36
            guard text[end] == UInt8(ascii: end == text.count - 1 ? "}" : ","),
                let id = UUID(text: UnsafeRawBufferPointer(rebasing: text[start..<end]))
            else { throw cell.mismatch([UUID].self) }
            ids.append(id)
            start = end + 1
        }
        return ids
    }
}

extension Date: PostgresDecodable {
    /// Reads `timestamptz` and `date` (a date becomes midnight UTC).
    public static func decode(from cell: PostgresCell) throws -> Date {
        guard let value = TimestampText.decode(try cell.required(Date.self)) else { throw cell.mismatch(Date.self) }
        return value
    }
}

extension Data: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Data {
        guard let bytes = ByteaText.decode(try cell.required(Data.self)) else { throw cell.mismatch(Data.self) }
        return Data(bytes)
    }
}

extension Array: PostgresDecodable where Element == String {
    public static func decode(from cell: PostgresCell) throws -> [String] {
        guard let value = TextArray.decode(String(decoding: try cell.required([String].self), as: UTF8.self)) else {
            throw cell.mismatch([String].self)
        }
        return value
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> Wrapped? {
        guard cell.bytes != nil else { return nil }
        return try Wrapped.decode(from: cell)
    }
}

extension PostgresJSON: PostgresDecodable {
    public static func decode(from cell: PostgresCell) throws -> PostgresJSON<Value> {
        let bytes = try cell.required(Value.self)
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
            return PostgresJSON(decoded: value, text: text)
        } catch {
            throw PostgresError.decoding("column \"\(cell.column)\" holds JSON that is not a \(Value.self): \(error)")
        }
    }
}
