import ArcaDomain
import Foundation
import Testing

/// Deadlines of cross-border requests (DOMAIN §4): hours run from the instant, days end at
/// the same local time in the receiving office's time zone. Summer time in the EU in 2026
/// begins on 29 March (02:00 → 03:00) and ends on 25 October (03:00 → 02:00).
@Suite("Domain: deadlines of requests and certificates")
struct DeadlineTests {
    static let brussels = TimeZone(identifier: "Europe/Brussels")!
    static let lisbon = TimeZone(identifier: "Europe/Lisbon")!

    /// An instant written in RFC 3339 with its offset, as a receipt is logged.
    func at(_ text: String) throws -> Date {
        try #require(try? Date(text, strategy: .iso8601))
    }

    @Test func eightHoursAfterElevenInTheEveningIsSevenTheNextMorning() throws {
        let due = DeadlinePeriod.hours(8).deadline(from: try at("2026-06-10T23:00:00+02:00"), in: Self.brussels)
        #expect(due == (try at("2026-06-11T07:00:00+02:00")))
    }

    @Test func hoursRunFromTheInstantAcrossTheStartOfSummerTime() throws {
        // Eight hours elapse; the office's clocks move on by nine.
        let due = DeadlinePeriod.hours(8).deadline(from: try at("2026-03-28T22:00:00+01:00"), in: Self.brussels)
        #expect(due == (try at("2026-03-29T07:00:00+02:00")))
    }

    @Test func daysEndAtTheSameLocalTimeAcrossAMonthEnd() throws {
        let due = DeadlinePeriod.days(3).deadline(from: try at("2026-01-30T15:20:00+01:00"), in: Self.brussels)
        #expect(due == (try at("2026-02-02T15:20:00+01:00")))
    }

    @Test func daysEndAtTheSameLocalTimeWhenSummerTimeBegins() throws {
        let due = DeadlinePeriod.days(7).deadline(from: try at("2026-03-25T10:00:00+01:00"), in: Self.brussels)
        #expect(due == (try at("2026-04-01T10:00:00+02:00")))
        #expect(due.timeIntervalSince(try at("2026-03-25T10:00:00+01:00")) == 7 * 86_400 - 3600)
    }

    @Test func daysEndAtTheSameLocalTimeWhenSummerTimeEnds() throws {
        let due = DeadlinePeriod.days(7).deadline(from: try at("2026-10-20T10:00:00+02:00"), in: Self.brussels)
        #expect(due == (try at("2026-10-27T10:00:00+01:00")))
        #expect(due.timeIntervalSince(try at("2026-10-20T10:00:00+02:00")) == 7 * 86_400 + 3600)
    }

    @Test func aLocalTimeSkippedBySummerTimeMovesOnByTheGap() throws {
        // 02:30 on 29 March 2026 does not exist in Brussels: the clock runs out at 03:30.
        let due = DeadlinePeriod.days(3).deadline(from: try at("2026-03-26T02:30:00+01:00"), in: Self.brussels)
        #expect(due == (try at("2026-03-29T03:30:00+02:00")))
    }

    @Test func aLocalTimeRepeatedWhenSummerTimeEndsIsTheFirstOfTheTwo() throws {
        // 02:30 on 25 October 2026 happens twice in Brussels: first in summer time.
        let due = DeadlinePeriod.days(3).deadline(from: try at("2026-10-22T02:30:00+02:00"), in: Self.brussels)
        #expect(due == (try at("2026-10-25T02:30:00+02:00")))
    }

    @Test func aClockStartedAtMidnightInLisbonEndsAtMidnightAcrossTheYearEnd() throws {
        let due = DeadlinePeriod.days(45).deadline(from: try at("2026-12-20T00:00:00Z"), in: Self.lisbon)
        #expect(due == (try at("2027-02-03T00:00:00Z")))
    }

    @Test func theTwentyNinthOfFebruaryIsADayLikeAnyOther() throws {
        let due = DeadlinePeriod.days(3).deadline(from: try at("2028-02-27T09:15:00+01:00"), in: Self.brussels)
        #expect(due == (try at("2028-03-01T09:15:00+01:00")))
    }

    @Test func theDayOfTheDeadlineIsTheOfficesNotUTCs() throws {
        // 00:30 in Brussels is still the evening before in UTC; three days later is counted from Brussels' date.
        let due = DeadlinePeriod.days(3).deadline(from: try at("2026-05-05T00:30:00+02:00"), in: Self.brussels)
        #expect(due == (try at("2026-05-08T00:30:00+02:00")))
    }

    @Test func fractionsOfASecondAreKept() throws {
        let start = try at("2026-05-05T09:00:00+02:00").addingTimeInterval(0.25)
        let due = DeadlinePeriod.days(7).deadline(from: start, in: Self.brussels)
        #expect(due == (try at("2026-05-12T09:00:00+02:00")).addingTimeInterval(0.25))
    }

    @Test(arguments: [
        (RequestKind.informationRequest, true, true, DeadlineRule.urgentDirectlyAccessible, DeadlinePeriod.hours(8)),
        (.informationRequest, true, false, .urgentNotDirectlyAccessible, .days(3)),
        (.informationRequest, false, true, .notUrgent, .days(7)),
        (.informationRequest, false, false, .notUrgent, .days(7)),
        (.freezingCertificate, true, false, .urgentFreezing, .hours(48)),
        (.confiscationCertificate, false, false, .confiscation, .days(45)),
    ])
    func eachRequestRunsOnTheClockTheLawSets(kind: RequestKind, urgent: Bool, direct: Bool, rule: DeadlineRule, period: DeadlinePeriod) {
        #expect(DeadlineRule.applying(to: kind, urgent: urgent, directlyAccessible: direct) == rule)
        #expect(rule.defaultPeriod == period)
    }

    @Test func eachClockNamesWhereTheLawSetsIt() {
        #expect(DeadlineRule.urgentDirectlyAccessible.source == "FD 2006/960 Art 4(1); Dir 2023/977 Art 5(1)(a); Dir 2024/1260 Art 10")
        #expect(DeadlineRule.urgentNotDirectlyAccessible.source == "Dir 2023/977 Art 5(1)(b); Dir 2024/1260 Art 10")
        #expect(DeadlineRule.notUrgent.source == "Dir 2023/977 Art 5(1)(c); Dir 2024/1260 Art 10")
        #expect(DeadlineRule.urgentFreezing.source == "Reg 2018/1805 Art 9(3)")
        #expect(DeadlineRule.confiscation.source == "Reg 2018/1805 Art 20(1)")
    }

    @Test func spontaneousInformationAndAFreezingCertificateThatIsNotUrgentRunOnNoClock() {
        #expect(DeadlineRule.applying(to: .spontaneousInformation, urgent: true, directlyAccessible: true) == nil)
        #expect(DeadlineRule.applying(to: .freezingCertificate, urgent: false, directlyAccessible: false) == nil)
    }

    @Test func periodsAreWrittenAndReadAsISO8601Durations() throws {
        #expect(try DeadlinePeriod(iso: "PT8H") == .hours(8))
        #expect(try DeadlinePeriod(iso: "p3d") == .days(3))
        #expect(DeadlinePeriod.days(45).iso == "P45D")
        for bad in ["", "8H", "PT0H", "P-1D", "P1W", "PT1.5H", "P367D", "PT8M", "P3DT1H", "PT+8H", "P+3D", "P 3D"] {
            #expect(throws: DeadlinePeriodError.self) { try DeadlinePeriod(iso: bad) }
        }
    }
}
