import ArcaDomain
import Foundation
import Testing

@Suite("Cases: references, days and the case lifecycle (DOMAIN §3.2)")
struct CaseTests {
    @Test func aReferenceIsPaddedToSixDigits() {
        #expect(CaseReference(prefix: "BE", year: 2026, number: 123).description == "BE-2026-000123")
    }

    @Test(arguments: ["BE-2026-000123", "NLFIOD-2025-999999"])
    func aReferenceReadsBackAsWritten(_ text: String) throws {
        let reference = try #require(CaseReference(text))
        #expect(reference.description == text)
    }

    @Test(arguments: ["BE-26-000123", "BE-2026-123", "BE-2026-000000", "BE2026000123", ""])
    func aMalformedReferenceIsRefused(_ text: String) {
        #expect(CaseReference(text) == nil)
    }

    @Test func aDayReadsItsISOForm() throws {
        let day = try Day("2024-02-29")
        #expect(day == (try Day(year: 2024, month: 2, day: 29)))
        #expect(day.description == "2024-02-29")
    }

    @Test(arguments: ["2000-02-29", "2026-01-31", "2026-04-30", "2026-12-31", "1900-01-01"])
    func everyDayOfTheGregorianCalendarIsADay(_ text: String) throws {
        #expect(try Day(text).description == text)
    }

    @Test(arguments: [
        "2025-02-29", "2100-02-29", "1900-02-29", "2026-04-31", "2026-11-00", "2026-13-01", "2026-1-01", "29/11/2026",
        "2026-11-29T10:00:00Z", "", "2026-+1-01", "2026-01-+5", "+026-01-01", "2026-١١-29",
    ])
    func anImpossibleOrMalformedDayIsRefused(_ text: String) {
        #expect(throws: DayError.self) { try Day(text) }
    }

    @Test func daysOrderByCalendar() throws {
        #expect(try Day("2025-12-31") < Day("2026-01-01"))
    }

    @Test func aCaseMovesForwardAndMaySkipStages() {
        #expect(CaseLifecycle.canMove(from: .opened, to: .tracing))
        #expect(CaseLifecycle.canMove(from: .freezing, to: .judicialPhase))
    }

    @Test func aCaseNeverMovesBack() {
        #expect(!CaseLifecycle.canMove(from: .confiscation, to: .freezing))
        #expect(!CaseLifecycle.canMove(from: .tracing, to: .tracing))
    }

    @Test(arguments: CaseStatus.allCases.filter { $0 != .closed })
    func aCaseCanBeClosedFromAnyOpenStage(_ status: CaseStatus) {
        #expect(CaseLifecycle.canMove(from: status, to: .closed))
    }

    @Test func aClosedCaseStaysClosed() {
        #expect(CaseLifecycle.allowedNext(from: .closed).isEmpty)
    }

    @Test func greeceIsStoredAsGRWhenWrittenEL() throws {
        #expect(try CountryCode("el").value == "GR")
        #expect(try CountryCode("EL").memberState == .greece)
    }

    @Test(arguments: ["", "B", "BEL", "1E", "bé", "ıE", "B "])
    func aMalformedCountryCodeIsRefused(_ text: String) {
        #expect(throws: VocabularyError.self) { try CountryCode(text) }
    }

    @Test func aCountryCodeInSmallLettersIsStoredInCapitals() throws {
        #expect(try CountryCode("nl").value == "NL")
        #expect(try CountryCode("Be").value == "BE")
    }

    @Test func aThirdCountryIsACountryButNotAMemberState() throws {
        #expect(try CountryCode("CH").memberState == nil)
    }
}

@Suite("Days in an office's time zone")
struct LocalDayTests {
    static let brussels = TimeZone(identifier: "Europe/Brussels")!

    @Test func halfAnHourAfterMidnightInBrusselsIsAlreadyTheNextDayThere() throws {
        // 2026-11-29 23:30 UTC is 00:30 on the 30th in Brussels (UTC+1 in winter)
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-11-29T23:30:00Z"))
        #expect(Day(instant) == (try Day("2026-11-29")))
        #expect(Day(instant, in: Self.brussels) == (try Day("2026-11-30")))
    }

    @Test func summerTimeIsTwoHoursAheadOfUTC() throws {
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-06-30T22:30:00Z"))
        #expect(Day(instant, in: Self.brussels) == (try Day("2026-07-01")))
        let earlier = try #require(ISO8601DateFormatter().date(from: "2026-06-30T21:30:00Z"))
        #expect(Day(earlier, in: Self.brussels) == (try Day("2026-06-30")))
    }

    @Test func anOfficeCodeInSmallLettersIsStoredInCapitals() throws {
        #expect(try OfficeCode("be-aro").value == "BE-ARO")
        #expect(try OfficeCode("NL-AMO2").value == "NL-AMO2")
    }

    // "ı" (dotless i) and "ſ" (long s) are letters whose capitals are ASCII: a code is ASCII as typed.
    @Test(arguments: ["", "B", "1E-ARO", "-BE", "BE ARO", "BE_ARO", "BÉ-ARO", "bıa", "ſe-aro", "BE-ARO-BRUSSELS-1"])
    func aMalformedOfficeCodeIsRefused(_ text: String) {
        #expect(throws: OfficeError.badCode(text)) { try OfficeCode(text) }
    }

    @Test func anOfficeOfAnotherMemberStateDoesNotBelongHere() throws {
        let madrid = try Office(code: OfficeCode("ES-ORGA"), memberState: .spain, referencePrefix: "ES", name: "ORGA")
        #expect(throws: OfficeError.otherMemberState(.spain, deployment: .belgium)) { try madrid.checkBelongs(to: .belgium) }
        #expect(throws: OfficeError.badTimeZone("Brussels")) { try Office.timeZone(named: "Brussels") }
        #expect(try Office.timeZone(named: "Europe/Lisbon").identifier == "Europe/Lisbon")
    }
}
