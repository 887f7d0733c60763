import Foundation

extension UUID {
    /// The form ARCA prints, stores in the audit trail and puts in URLs. Written by hand:
    /// Foundation formats `uuidString` through `sprintf`, and every id of every answer passes
    /// here.
    public var lowercased: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        withUnsafeBytes(of: uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
