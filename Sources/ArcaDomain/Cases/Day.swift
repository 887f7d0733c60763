import Foundation

/// A calendar day without a time of day (`2026-11-29`), as decisions and events are dated.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws(DayError) {
        guard (Day.first.year...Day.last.year).contains(year), (1...12).contains(month), (1...Day.length(ofMonth: month, in: year)).contains(day)
        else { throw DayError(text: Day.text(year, month, day)) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first and last days a record may carry, and the day whole-number positions count from.
    public static let first = Day(checked: 1900, 1, 1)
    public static let last = Day(checked: 2999, 12, 31)
    public static let epoch = Day(checked: 1970, 1, 1)

    private init(checked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` strictly (ten ASCII bytes: the statistics read hundreds of thousands).
    public init(_ text: String) throws(DayError) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10)
        else { throw DayError(text: text) }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw DayError(text: text)
        }
    }

    /// The UTC day of an instant.
    public init(_ date: Date) {
        self.init(date, in: Day.calendar.timeZone)
    }

    /// The day an instant falls on in `timeZone`: just after midnight in Brussels is already
    /// the next day there, while it is still the day before in UTC.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Day.calendar
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    public var description: String { Day.text(year, month, day) }

    /// Days in the month by the Gregorian rule (a leap year is divisible by 4, and by 400
    /// when it is by 100), counted without a calendar: days are read from every row.
    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`, zero-padded, without a formatter: days are written into every answer.
    static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        return Day(Day.calendar.date(from: components)!.addingTimeInterval(TimeInterval(days * 86_400)))
    }

    /// The number of days from this day to `later` (negative when it is earlier).
    public func days(until later: Day) -> Int {
        func midnight(_ day: Day) -> Date {
            Day.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        }
        return Int((midnight(later).timeIntervalSince(midnight(self)) / 86_400).rounded())
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Day(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public struct DayError: Error, Equatable, CustomStringConvertible {
    let text: String

    public var description: String { "\"\(text.prefix(40))\" is not a date in the form YYYY-MM-DD" }
}
