import Foundation

/// Instants, numbers and JSON strings written as text by hand, where Foundation's formatters
/// cost more than the answer or record around them.
public enum InstantText {
    /// An instant in UTC in whole seconds, rounded down, `2026-11-29T04:30:00Z`: as
    /// `JSONEncoder.DateEncodingStrategy.iso8601` writes it. By hand between the Gregorian
    /// calendar's first day (1582-10-15) and the year 10000; Foundation's own style outside,
    /// where it counts Julian days and years of more than four digits.
    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        guard date.timeIntervalSince1970 >= gregorianStart, date.timeIntervalSince1970 < yearTenThousand else {
            bytes.append(contentsOf: date.formatted(.iso8601).utf8)
            return
        }
        let seconds = Int64(date.timeIntervalSinceReferenceDate.rounded(.down)) + 978_307_200
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = civil(daysSince1970: days)
        appendDigits(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(time / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// 1582-10-15T00:00:00Z and 10000-01-01T00:00:00Z, in seconds since 1970.
    private static let gregorianStart: TimeInterval = -12_219_292_800
    private static let yearTenThousand: TimeInterval = 253_402_300_800

    /// The last `width` decimal digits of a value that is not negative (a negative one traps),
    /// zero-padded.
    public static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
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

extension InstantText {
    /// `text` as a JSON string, quoted, escaped as Foundation's `JSONEncoder` escapes it with
    /// unescaped slashes; most texts need no escape and are copied whole.
    public static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Scanned as one buffer: String's UTF-8 view, walked byte by byte, is several times slower.
        var text = text
        text.withUTF8 { utf8 in
            if utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                for byte in utf8 { appendEscaped(byte, to: &bytes) }
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        let escape: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
        case 0x08: escape = UInt8(ascii: "b")
        case 0x09: escape = UInt8(ascii: "t")
        case 0x0A: escape = UInt8(ascii: "n")
        case 0x0C: escape = UInt8(ascii: "f")
        case 0x0D: escape = UInt8(ascii: "r")
        case 0..<0x20:
            let digits = byte.hexadecimalDigits
            bytes.append(contentsOf: "\\u00".utf8)
            bytes.append(digits.high)
            bytes.append(digits.low)
            return
        default:
            bytes.append(byte)
            return
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(escape)
    }
}
