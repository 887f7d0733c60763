import Foundation

/// How long a clock runs: a number of hours from the instant it starts, or a number of
/// calendar days ending at the same local time of day in the office's time zone (DOMAIN §4).
public enum DeadlinePeriod: Hashable, Sendable {
    case hours(Int)
    case days(Int)

    /// The longest clock ARCA accepts: a year, in either unit.
    public static let longest = (hours: 24 * 366, days: 366)

    /// Reads an ISO 8601 duration of whole hours or whole days: `PT8H`, `P3D`.
    public init(iso text: String) throws(DeadlinePeriodError) {
        let upper = text.uppercased()
        let number = { (digits: Substring) -> Int? in digits.allSatisfy(\.isASCIIDigit) ? Int(digits) : nil }
        if upper.hasPrefix("PT"), upper.hasSuffix("H"), let hours = number(upper.dropFirst(2).dropLast()), (1...Self.longest.hours).contains(hours) {
            self = .hours(hours)
        } else if upper.hasPrefix("P"), upper.hasSuffix("D"), let days = number(upper.dropFirst().dropLast()), (1...Self.longest.days).contains(days) {
            self = .days(days)
        } else {
            throw DeadlinePeriodError(text: text)
        }
    }

    /// Whether the clock counts hours (from the instant) or calendar days (to a local time).
    public var countsHours: Bool {
        if case .hours = self { return true }
        return false
    }

    /// The ISO 8601 duration: `PT8H`, `P3D`.
    public var iso: String {
        switch self {
        case .hours(let hours): return "PT\(hours)H"
        case .days(let days): return "P\(days)D"
        }
    }

    /// When a clock of this length started at `start` runs out, for an office working in
    /// `timeZone`.
    ///
    /// Hours run from the instant (8 hours after 23:00 is 07:00 the next day). Days end at
    /// the same local time of day N calendar days later, so a change to or from summer time
    /// neither adds nor removes an hour of the office's day. Where that local time does not
    /// exist on the last day (the hour skipped when summer time begins), the clock runs out
    /// that much later (02:30 becomes 03:30); where it exists twice (the hour repeated when
    /// summer time ends), at the first of the two.
    public func deadline(from start: Date, in timeZone: TimeZone) -> Date {
        switch self {
        case .hours(let hours):
            return start.addingTimeInterval(TimeInterval(hours) * 3600)
        case .days(let days):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            // Whole seconds through the calendar, the fraction carried over as it was.
            let whole = Date(timeIntervalSince1970: start.timeIntervalSince1970.rounded(.down))
            var local = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
            let noon = calendar.date(from: DateComponents(year: local.year, month: local.month, day: local.day, hour: 12))!
            let lastDay = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: noon)!)
            local.year = lastDay.year
            local.month = lastDay.month
            local.day = lastDay.day
            return Self.instant(of: local, in: timeZone).addingTimeInterval(start.timeIntervalSince(whole))
        }
    }

    /// The instant a local time names: the first of two in a repeated hour; in a skipped
    /// one, the same reading moved on by the length of the gap (02:30 becomes 03:30).
    private static func instant(of local: DateComponents, in timeZone: TimeZone) -> Date {
        // The wall-clock reading as if it were UTC, then taken back by the offset in force.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let wall = utc.date(from: local)!
        let nearby = Set([wall.addingTimeInterval(-86_400), wall, wall.addingTimeInterval(86_400)].map(timeZone.secondsFromGMT(for:)))
        let readings = nearby.map { wall.addingTimeInterval(-TimeInterval($0)) }
            .filter { timeZone.secondsFromGMT(for: $0) == Int(wall.timeIntervalSince($0)) }
        if let first = readings.min() { return first }
        return wall.addingTimeInterval(-TimeInterval(timeZone.secondsFromGMT(for: wall.addingTimeInterval(-86_400))))
    }
}

extension Character {
    /// 0 to 9 only: `isNumber` takes other scripts' digits and fractions too.
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

public struct DeadlinePeriodError: Error, Equatable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "\"\(text.prefix(40))\" is not a period of whole hours or days in ISO 8601 (PT8H, P3D), at most a year"
    }
}
