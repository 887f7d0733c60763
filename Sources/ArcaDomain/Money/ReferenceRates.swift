import Foundation

/// One ECB euro reference rate: on `day`, 1 EUR was worth `rate` units of `currency`.
public struct ReferenceRate: Hashable, Sendable {
    public let day: Day
    public let currency: Currency
    public let rate: Decimal

    public init(day: Day, currency: Currency, rate: Decimal) {
        self.day = day
        self.currency = currency
        self.rate = rate
    }
}

/// The ECB's euro reference-rate history as it publishes it (`eurofxref-hist.csv`): a header
/// `Date,USD,JPY,…` naming the currencies, then one line per business day, newest first, with
/// `N/A` where a currency was not quoted that day; every line ends with a comma.
public enum ECBRateFile {
    /// Every rate of the file, or the first lines that cannot be read (with their numbers).
    public static func parse(_ text: String) throws(RateFileError) -> [ReferenceRate] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw RateFileError(problems: [.init(line: 1, message: "the file is empty")]) }
        let names = fields(header)
        guard names.first == "Date", names.count > 1 else {
            throw RateFileError(problems: [.init(line: 1, message: "the header is not the ECB's: it starts with Date, then the currencies")])
        }
        var problems: [RateFileError.Problem] = []
        var currencies: [Currency?] = []
        for name in names.dropFirst() {
            let currency = Currency(code: name)
            if currency == nil || name == "EUR" { problems.append(.init(line: 1, message: "\(name) is not a currency the ECB quotes against the euro")) }
            currencies.append(currency)
        }
        var rates: [ReferenceRate] = []
        var days = Set<Day>()
        for (index, line) in lines.enumerated().dropFirst() where problems.count < 10 {
            let number = index + 1
            let values = fields(line)
            guard let first = values.first, let day = try? Day(first) else {
                problems.append(.init(line: number, message: "\(values.first ?? "") is not a date (YYYY-MM-DD)"))
                continue
            }
            guard days.insert(day).inserted else {
                problems.append(.init(line: number, message: "\(day) appears twice"))
                continue
            }
            guard values.count == names.count else {
                problems.append(.init(line: number, message: "\(values.count - 1) rates for \(names.count - 1) currencies"))
                continue
            }
            for (currency, value) in zip(currencies, values.dropFirst()) where value != "N/A" && !value.isEmpty {
                guard let currency else { continue }
                guard value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), value.filter({ $0 == "." }).count <= 1,
                    let rate = Decimal(string: value, locale: posix), rate > 0
                else {
                    problems.append(.init(line: number, message: "\(value) is not a rate for \(currency.code)"))
                    continue
                }
                rates.append(ReferenceRate(day: day, currency: currency, rate: rate))
            }
        }
        guard problems.isEmpty else { throw RateFileError(problems: problems) }
        return rates
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A line's fields, without the empty one its trailing comma leaves.
    private static func fields(_ line: String) -> [String] {
        var fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if fields.last?.isEmpty == true { fields.removeLast() }
        return fields
    }
}

/// A rate file that cannot be read, with each line that is wrong (at most ten).
public struct RateFileError: Error, Equatable, CustomStringConvertible {
    public struct Problem: Equatable, Sendable {
        public let line: Int
        public let message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map { "line \($0.line): \($0.message)" }.joined(separator: "; ") }
}

/// An amount in euro, converted at the ECB reference rate of the day of the event that fixed it
/// (DOMAIN §5.1 "Money"): exact, with the rate and its day kept beside it. An amount in euro
/// needs no rate.
public struct EuroAmount: Hashable, Sendable {
    public let original: Money
    /// Exact: totals are rounded once, not each part.
    public let euro: Decimal
    public let rate: ReferenceRate?

    public init(original: Money, euro: Decimal, rate: ReferenceRate?) {
        self.original = original
        self.euro = euro
        self.rate = rate
    }
}

/// The reference rates known, by currency, for converting amounts to euro.
public struct RateTable: Sendable {
    /// A rate older than this before the event means the rates were not brought up to date.
    public static let maximumAge = 7

    private let byCurrency: [Currency: [ReferenceRate]]

    public init(_ rates: [ReferenceRate]) {
        byCurrency = Dictionary(grouping: rates, by: \.currency).mapValues { $0.sorted { $0.day < $1.day } }
    }

    /// The last rate published on or before `day`, if it is no more than `maximumAge` days older.
    public func rate(_ currency: Currency, on day: Day) throws(MissingRate) -> ReferenceRate {
        let rates = byCurrency[currency] ?? []
        // Binary search for the last rate on or before the day.
        var low = 0
        var high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].day <= day { low = middle + 1 } else { high = middle }
        }
        let latest = low > 0 ? rates[low - 1] : nil
        guard let latest, latest.day.adding(days: Self.maximumAge) >= day else {
            throw MissingRate(currency: currency, day: day, latest: latest)
        }
        return latest
    }

    /// `money` in euro on `day`.
    public func euro(_ money: Money, on day: Day) throws(MissingRate) -> EuroAmount {
        guard money.currency != .euro else { return EuroAmount(original: money, euro: money.amount, rate: nil) }
        let rate = try rate(money.currency, on: day)
        return EuroAmount(original: money, euro: money.amount / rate.rate, rate: rate)
    }
}

/// No usable reference rate for a currency on a day: a clear error, never a silent zero.
public struct MissingRate: Error, Hashable, Sendable, CustomStringConvertible {
    public let currency: Currency
    public let day: Day
    /// The last rate before the day, when there is one (but too old).
    public let latest: ReferenceRate?

    public init(currency: Currency, day: Day, latest: ReferenceRate?) {
        self.currency = currency
        self.day = day
        self.latest = latest
    }

    public var description: String {
        let known = latest.map { "the last known is of \($0.day)" } ?? "none is known before it"
        return "no ECB reference rate for \(currency.code) on \(day) or in the \(RateTable.maximumAge) days before (\(known)): "
            + "import the current rates (arca rates import FILE)"
    }
}

/// Every value of an extract that could not be converted: each currency and day once.
public struct MissingRates: Error, Hashable, Sendable, CustomStringConvertible {
    public let missing: [MissingRate]

    public init(missing: [MissingRate]) {
        var seen = Set<String>()
        self.missing = missing.filter { seen.insert("\($0.currency.code) \($0.day)").inserted }
            .sorted { ($0.currency.code, $0.day) < ($1.currency.code, $1.day) }
    }

    /// Days named one by one for a currency; beyond, the span and the first few.
    static let daysListed = 5

    /// Each currency once, in order, with its days without a rate, earliest first.
    public var byCurrency: [(currency: Currency, days: [Day])] {
        let days = Dictionary(grouping: missing, by: \.currency)
        return days.keys.sorted { $0.code < $1.code }.map { ($0, days[$0, default: []].map(\.day)) }
    }

    public var description: String {
        let listed = byCurrency.map { currency, missed in
            // A currency the ECB never quoted misses every day: name the span, not each day.
            guard missed.count > Self.daysListed, let first = missed.first, let last = missed.last else {
                return "\(currency.code) on \(missed.map(\.description).joined(separator: ", "))"
            }
            return "\(currency.code) on \(missed.count) days from \(first) to \(last) (\(missed.prefix(Self.daysListed).map(\.description).joined(separator: ", ")), …)"
        }
        return "no ECB reference rate on or in the \(RateTable.maximumAge) days before: \(listed.joined(separator: "; ")) — "
            + "import the current rates (arca rates import FILE); a currency the ECB no longer quotes cannot be converted"
    }
}
