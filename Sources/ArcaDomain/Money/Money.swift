import Foundation

/// An exact amount in one currency (DOMAIN §2: never a float). Amounts are added and
/// compared only within one currency; converting needs a reference rate.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let amount: Decimal
    public let currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    /// Reads a decimal string as clients send it: digits, optionally a sign and a point,
    /// at most 38 significant digits (beyond that a Decimal would round).
    public init(parsing text: String, _ currency: Currency) throws(MoneyError) {
        self.init(try Money.parseAmount(text), currency)
    }

    /// An amount the record keeps: a value, a price, a sum realised or covered is never
    /// negative (a loss is recorded as a cost, not as a negative value).
    public static func recorded(_ amount: Decimal, _ currency: Currency) throws(MoneyError) -> Money {
        guard amount >= 0 else { throw .negative }
        return Money(amount, currency)
    }

    public static func parseAmount(_ text: String) throws(MoneyError) -> Decimal {
        // Byte by byte: the statistics read hundreds of thousands of amounts.
        let bytes = Array(text.utf8)
        var digits = 0
        var seenPoint = false
        var seenDigit = false
        var negative = false
        var fractionDigits = 0
        var significand: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "+") where offset == 0:
                continue
            case UInt8(ascii: ".") where !seenPoint && seenDigit:
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                seenDigit = true
                if seenPoint { fractionDigits += 1 }
                if digits <= 18 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
            default:
                throw .notADecimal(text)
            }
        }
        guard seenDigit, bytes.last != UInt8(ascii: ".") else { throw .notADecimal(text) }
        guard digits <= 38 else { throw .tooPrecise(text) }
        // Up to 18 significant digits fit a UInt64 exactly; beyond, Foundation reads the text.
        if digits <= 18 {
            return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
        }
        guard let value = Decimal(string: text, locale: posix) else { throw .notADecimal(text) }
        return value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The amount as a plain decimal string with at least the currency's minor digits:
    /// `1234.50` for EUR, `1200` for JPY, `0.125` kept as is.
    public var amountText: String {
        Money.render(amount, minimumFractionDigits: currency.minorUnitDigits)
    }

    public var description: String { "\(amountText) \(currency.code)" }

    public var isNegative: Bool { amount < 0 }

    public func plus(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        return Money(amount + other.amount, currency)
    }

    public func minus(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        return Money(amount - other.amount, currency)
    }

    /// Sums amounts of one currency; an empty list sums to zero in `currency`.
    public static func sum(_ amounts: [Money], in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.plus(amount) }
        return total
    }

    static func render(_ value: Decimal, minimumFractionDigits: Int) -> String {
        var text = value.plainDescription
        let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        if fraction < minimumFractionDigits {
            if fraction == 0 && minimumFractionDigits > 0 { text += "." }
            text += String(repeating: "0", count: minimumFractionDigits - fraction)
        }
        return text
    }
}

public enum MoneyError: Error, Equatable, CustomStringConvertible {
    case notADecimal(String)
    case tooPrecise(String)
    case currencyMismatch(Currency, Currency)
    case negative

    public var description: String {
        switch self {
        case .notADecimal(let text): return "\"\(text.prefix(40))\" is not a decimal amount such as \"1234.56\""
        case .tooPrecise(let text): return "\"\(text.prefix(40))…\" has more than 38 significant digits"
        case .currencyMismatch(let a, let b): return "cannot combine \(a) and \(b) amounts without a conversion rate"
        case .negative: return "an amount cannot be negative"
        }
    }
}

/// `{"amount": "1234.56", "currency": "EUR"}`: the amount as a decimal string, never a
/// JSON number, so no reader turns it into a binary float.
extension Money: Codable {
    enum CodingKeys: String, CodingKey {
        case amount, currency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            self.init(try Money.parseAmount(text), currency)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}

extension Decimal {
    /// The value as Foundation writes it (`description`: `1234.5`, `12000`, `0.05`, `0`), at
    /// a fiftieth of the cost for the values whose digits fit a UInt64: the statistics and the
    /// record write hundreds of thousands of amounts and rates. Foundation writes the others.
    public var plainDescription: String { plainDigits ?? description }

    private var plainDigits: String? {
        let significand = significand
        guard !isNaN, (-38...38).contains(exponent), significand <= Self.largestPlainSignificand else { return nil }
        let integer = NSDecimalNumber(decimal: significand).uint64Value
        guard integer != 0 else { return "0" }
        var digits = Array(String(integer).utf8)
        if exponent >= 0 {
            digits += repeatElement(UInt8(ascii: "0"), count: exponent)
        } else {
            // A fraction ending in zero, which arithmetic and parsing never leave, is left to
            // Foundation rather than checked against it.
            guard digits.last != UInt8(ascii: "0") else { return nil }
            let scale = -exponent
            if digits.count <= scale { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale - digits.count + 1), at: 0) }
            digits.insert(UInt8(ascii: "."), at: digits.count - scale)
        }
        if sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    private static let largestPlainSignificand = Decimal(UInt64.max)
}
