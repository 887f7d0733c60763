/// Lower-case hexadecimal, two digits a byte: how ARCA writes digests and secrets. Written
/// by hand because the token check hashes on every request, and formatting each byte with
/// `String(format:)` cost more than the hash.
extension Sequence<UInt8> {
    public var hexadecimal: String {
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            let digits = byte.hexadecimalDigits
            text.append(digits.high)
            text.append(digits.low)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension UInt8 {
    /// The byte's two lower-case hexadecimal digits, as UTF-8.
    var hexadecimalDigits: (high: UInt8, low: UInt8) {
        let digits = Self.lowercaseHexadecimal.utf8Start
        return (digits[Int(self >> 4)], digits[Int(self & 0x0F)])
    }

    private static let lowercaseHexadecimal: StaticString = "0123456789abcdef"
}
