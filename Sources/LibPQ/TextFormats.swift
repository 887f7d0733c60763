import Foundation

/// `timestamptz` and `date` in PostgreSQL's ISO text format. Connections run with
/// `TimeZone=UTC` and `DateStyle=ISO`, but any offset the server prints is honoured.
enum TimestampText {
    static func encode(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        // As `%04d-%02d-%02dT%02d:%02d:%02d.%06dZ` would write it, without Foundation's formatter,
        // which cost more than the rest of binding a record's parameters.
        var text: [UInt8] = []
        text.reserveCapacity(27)
        append(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), width: 2, to: &text)
        text.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), width: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), width: 2, to: &text)
        text.append(UInt8(ascii: "."))
        append(Int(fraction), width: 6, to: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    /// `value` as `%0<width>d` writes it: zero-padded to `width` characters, the sign included.
    private static func append(_ value: Int, width: Int, to text: inout [UInt8]) {
        if value < 0 { text.append(UInt8(ascii: "-")) }
        let start = text.count
        var rest = value.magnitude
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while text.count - start < width - (value < 0 ? 1 : 0) { text.append(UInt8(ascii: "0")) }
        text[start...].reverse()
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` HH:MM:SS[.ffffff][±HH[:MM[:SS]]]`.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Date? {
        var scanner = DigitScanner(bytes)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        var micros = 0
        var offsetSeconds = 0
        if scanner.skip(" ") || scanner.skip("T") {
            guard let hour = scanner.number(digits: 2), scanner.skip(":"),
                let minute = scanner.number(digits: 2), scanner.skip(":"),
                let second = scanner.number(digits: 2)
            else { return nil }
            parts.tm_hour = Int32(hour)
            parts.tm_min = Int32(minute)
            parts.tm_sec = Int32(second)
            if scanner.skip(".") {
                var scale = 100_000
                while let digit = scanner.digit() {
                    micros += digit * scale
                    scale /= 10
                }
            }
            if let sign = scanner.sign() {
                guard let hours = scanner.number(digits: 2) else { return nil }
                var offset = hours * 3600
                if scanner.skip(":") {
                    guard let minutes = scanner.number(digits: 2) else { return nil }
                    offset += minutes * 60
                    if scanner.skip(":") {
                        guard let seconds = scanner.number(digits: 2) else { return nil }
                        offset += seconds
                    }
                }
                offsetSeconds = sign * offset
            }
        }
        guard scanner.atEnd else { return nil }
        let seconds = Int64(timegm(&parts)) - Int64(offsetSeconds)
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}

/// Reads ASCII digits and separators from a cell's bytes.
struct DigitScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - 0x30)
    }

    mutating func number(digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

/// `bytea` in the hex text format (`\x0a1b…`).
enum ByteaText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(2 + bytes.count * 2)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "x"))
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"),
            bytes.count % 2 == 0
        else { return nil }
        var out = [UInt8]()
        out.reserveCapacity((bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        case 0x41...0x46: return byte - 0x41 + 10
        default: return nil
        }
    }
}

/// One-dimensional `text[]` in PostgreSQL's array literal syntax.
enum TextArray {
    static func encode(_ elements: [String]) -> String {
        var out = "{"
        for (offset, element) in elements.enumerated() {
            if offset > 0 { out += "," }
            out += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Returns nil for malformed input or a NULL element (a `[String]` has no place for it).
    static func decode(_ text: String) -> [String]? {
        var scalars = Array(text.unicodeScalars)[...]
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        scalars = scalars.dropFirst().dropLast()
        var elements: [String] = []
        if scalars.isEmpty { return elements }
        var index = scalars.startIndex
        while true {
            var element = String.UnicodeScalarView()
            if index < scalars.endIndex, scalars[index] == "\"" {
                index += 1
                while index < scalars.endIndex, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    guard index < scalars.endIndex else { return nil }
                    element.append(scalars[index])
                    index += 1
                }
                guard index < scalars.endIndex else { return nil }
                index += 1
            } else {
                while index < scalars.endIndex, scalars[index] != "," {
                    element.append(scalars[index])
                    index += 1
                }
                if String(element) == "NULL" { return nil }
            }
            elements.append(String(element))
            if index == scalars.endIndex { return elements }
            guard scalars[index] == "," else { return nil }
            index += 1
        }
    }
}

/// COPY's text format: tab-separated fields, `\N` for NULL, backslash escapes.
public enum CopyText {
    public static func appendRow(_ fields: [String?], to buffer: inout [UInt8]) {
        for (offset, field) in fields.enumerated() {
            if offset > 0 { buffer.append(0x09) }
            guard let field else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5c, 0x5c])
                case 0x09: buffer.append(contentsOf: [0x5c, UInt8(ascii: "t")])
                case 0x0a: buffer.append(contentsOf: [0x5c, UInt8(ascii: "n")])
                case 0x0d: buffer.append(contentsOf: [0x5c, UInt8(ascii: "r")])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x0a)
    }
}
