/// Codes (offices, countries) are checked on their UTF-8 bytes: `Character.isLetter` consults
/// Unicode's tables, and such codes are read in every row of every answer.
extension UInt8 {
    var isASCIILetter: Bool { isASCIIUppercase || isASCIILowercase }
    var isASCIIUppercase: Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }
    var isASCIILowercase: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) }
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}

extension String {
    /// The text in capitals; for text already checked to be ASCII, as `uppercased()` would
    /// give, without a copy when it is in capitals already.
    var asciiCapitals: String { utf8.contains(where: \.isASCIILowercase) ? uppercased() : self }
}
