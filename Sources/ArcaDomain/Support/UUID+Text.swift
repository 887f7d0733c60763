import Foundation

extension UUID {
    /// The form ARCA prints, stores in the audit trail and puts in URLs. Written by hand:
    /// Foundation formats `uuidString` through `sprintf`, and every id of every answer passes
    /// here.
    public var lowercased: String {
        String(unsafeUninitializedCapacity: 36) { text in
            withUnsafeBytes(of: uuid) { bytes in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    (text[position], text[position + 1]) = byte.hexadecimalDigits
                    position += 2
                }
            }
            return 36
        }
    }
}
