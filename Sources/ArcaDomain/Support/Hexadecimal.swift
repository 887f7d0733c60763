/// Lower-case hexadecimal, two digits a byte: how ARCA writes digests and secrets. Written
/// by hand because the token check hashes on every request, and formatting each byte with
/// `String(format:)` cost more than the hash.
extension Sequence<UInt8> {
    public var hexadecimal: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
