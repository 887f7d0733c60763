/// An ISO 4217 currency: three capital letters from the list below, which covers the
/// euro, every currency of the ECB reference rates (current and historic) and the main
/// currencies criminal assets are found in.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    public static let euro = Currency(uncheckedCode: "EUR")

    /// Currencies ARCA accepts, with their minor-unit digits where that is not two.
    static let known: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDigits = """
            EUR USD GBP CHF SEK NOK DKK PLN CZK HUF RON BGN HRK ISK TRY RUB AUD BRL CAD CNY HKD \
            IDR ILS INR MXN MYR NZD PHP SGD THB ZAR CYP EEK LTL LVL MTL ROL SIT SKK TRL AED SAR \
            QAR UAH RSD MKD BAM ALL MDL GEL AMD AZN BYN KZT EGP MAD NGN ARS COP PEN UYU VES
            """
        for code in twoDigits.split(whereSeparator: { $0 == " " || $0.isNewline }) { table[String(code)] = 2 }
        for code in ["JPY", "KRW", "CLP", "VND", "XAF", "XOF", "PYG", "UGX", "RWF", "ISK"] { table[code] = 0 }
        for code in ["KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"] { table[code] = 3 }
        return table
    }()

    public init?(code: String) {
        let upper = code.uppercased()
        guard Self.known[upper] != nil else { return nil }
        self.code = upper
    }

    private init(uncheckedCode: String) {
        self.code = uncheckedCode
    }

    /// Digits after the decimal point in everyday amounts (2 for EUR, 0 for JPY).
    public var minorUnitDigits: Int { Self.known[code] ?? 2 }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(code) is not an ISO 4217 currency ARCA knows"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
