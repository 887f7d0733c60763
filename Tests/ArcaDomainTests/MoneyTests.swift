import ArcaDomain
import Foundation
import Testing

@Suite("Money")
struct MoneyTests {
    let euro = Currency.euro
    let dollar = Currency(code: "USD")!

    @Test func tenTimesTenCentsIsExactlyOneEuro() throws {
        // given ten cents
        let tenCents = try Money(parsing: "0.10", euro)
        // when added ten times
        let total = try Money.sum(Array(repeating: tenCents, count: 10), in: euro)
        // then the total is one euro to the cent
        #expect(total == Money(1, euro))
        #expect(total.amountText == "1.00")
    }

    @Test func thirtyDigitAmountsSurviveParsingAndRendering() throws {
        let text = "123456789012345678901234567.890"
        let money = try Money(parsing: text, euro)
        #expect(money.amountText == "123456789012345678901234567.89")
        #expect(try Money.parseAmount(money.amountText) == money.amount)
    }

    @Test func amountsRenderWithTheCurrencyMinorDigits() throws {
        #expect(try Money(parsing: "1234.5", euro).amountText == "1234.50")
        #expect(try Money(parsing: "1200", Currency(code: "JPY")!).amountText == "1200")
        #expect(try Money(parsing: "0.125", euro).amountText == "0.125")
    }

    @Test func decimalsAreWrittenOutAsFoundationWritesThem() throws {
        // given amounts and rates as the record holds them: parsed, summed, converted, rounded;
        // zero, NaN, signs, tiny and huge values, and digits just past what a UInt64 holds
        var values: [Decimal] = [
            0, .nan, 1, -1, 12_000, Decimal(string: "0.000")!, Decimal(string: "-0.05")!, Decimal(string: "1e30")!, Decimal(string: "1e-30")!,
            Decimal(UInt64.max), Decimal(UInt64.max) + 1, Decimal(UInt64.max) * 10, Decimal(1) / Decimal(3), Decimal(2) / Decimal(3),
            Decimal(sign: .plus, exponent: -2, significand: 1250), Decimal(sign: .plus, exponent: 3, significand: 12),
        ]
        // (amounts and rates spread over their ranges by multiples of large primes)
        for step in 0..<20_000 {
            let amount = try Money.parseAmount("\(step * 7_919_977 % 100_000_000_000).\(step * 37 % 100)")
            let rate = try Money.parseAmount("\(step * 389 % 401).\(step * 68_171 % 100_000)")
            var product = amount * rate
            var cents = Decimal()
            NSDecimalRound(&cents, &product, 2, .plain)
            values += [amount, -amount, amount + rate, product, cents, rate == 0 ? amount : amount / rate]
        }
        for value in values {
            // when written out, then it reads as Foundation writes it
            #expect(value.plainDescription == NSDecimalNumber(decimal: value).stringValue, "\(value)")
            #expect(value.plainDescription == value.description, "\(value)")
        }
    }

    @Test(arguments: ["", "12,50", "1e5", "abc", "1.", ".5", "--1", "1.2.3", "NaN", " 1"])
    func textThatIsNotAPlainDecimalIsRefused(_ text: String) {
        #expect(throws: MoneyError.self) { try Money(parsing: text, Currency.euro) }
    }

    @Test func moreThanThirtyEightSignificantDigitsIsRefusedNotRounded() {
        #expect(throws: MoneyError.tooPrecise(String(repeating: "9", count: 39))) {
            try Money.parseAmount(String(repeating: "9", count: 39))
        }
    }

    @Test func amountsInDifferentCurrenciesDoNotAdd() {
        #expect(throws: MoneyError.currencyMismatch(.euro, Currency(code: "USD")!)) {
            try Money(10, euro).plus(Money(10, dollar))
        }
    }

    @Test func currenciesAreISO4217CodesInAnyCase() {
        #expect(Currency(code: "chf")?.code == "CHF")
        #expect(Currency(code: "XYZ") == nil)
        #expect(Currency(code: "EURO") == nil)
    }

    @Test(arguments: [
        "1234.50", "0.125", "000123.4500", "+5", "-17.25", "0", "0.00", "999999999999999999", "123456789.123456789",
        "1234567890123456789.5", "12345678901234567890123456789012345678", "0.00000000000000000000000000001",
    ])
    func anAmountReadsAsFoundationReadsItsDecimalText(_ text: String) throws {
        #expect(try Money.parseAmount(text) == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    }
}
