import ArcaDomain
import Foundation
import Testing

/// Rules of the record that the use cases only apply, tested without a database.
@Suite("Record rules: direct moves, amounts, kinds of subject, identifiers")
struct RecordRulesTests {
    @Test(arguments: AssetAction.allCases)
    func onlyTracingInterimSaleDisposalRestitutionAndClosingAreRecordedDirectly(_ action: AssetAction) {
        let direct: Set<AssetAction> = [.trace, .sellInterim, .dispose, .restitute, .close]
        let errors = action.checkDirect(amount: action == .sellInterim, outcome: action == .dispose)
        #expect(errors == (direct.contains(action) ? [] : [.byOrder(action)]), "\(action)")
    }

    @Test func anInterimSaleNamesItsPriceAndNothingElseDoes() {
        #expect(AssetAction.sellInterim.checkDirect(amount: false, outcome: false) == [.priceRequired])
        #expect(AssetAction.trace.checkDirect(amount: true, outcome: false) == [.amountNotApplicable])
    }

    @Test func aDisposalNamesItsOutcomeAndNothingElseDoes() {
        #expect(AssetAction.dispose.checkDirect(amount: false, outcome: false) == [.outcomeRequired])
        #expect(AssetAction.close.checkDirect(amount: false, outcome: true) == [.outcomeNotApplicable])
        #expect(AssetAction.sellInterim.checkDirect(amount: true, outcome: true) == [.outcomeNotApplicable])
    }

    @Test func aRecordedAmountIsNeverNegative() throws {
        #expect(throws: MoneyError.negative) { try Money.recorded(Decimal(string: "-0.01")!, .euro) }
        #expect(try Money.recorded(0, .euro) == Money(0, .euro))
        #expect(try Money.recorded(Decimal(string: "48250.75")!, .euro).amount == Decimal(string: "48250.75")!)
    }

    @Test(arguments: [
        (SubjectKind.naturalPerson, PersonDetail.registrationNumber, "a natural person has no registration number"),
        (.naturalPerson, .seat, "a natural person has a nationality, not a seat"),
        (.legalPerson, .birthDate, "a legal person has no birth date"),
        (.legalPerson, .nationality, "a legal person has a seat, not a nationality"),
    ])
    func aSubjectIsNeverIdentifiedByTheOtherKindsDetails(_ kind: SubjectKind, _ detail: PersonDetail, _ message: String) {
        let error = #expect(throws: PersonDetailError.self) { try kind.check(detail) }
        #expect(error?.description == message)
    }

    @Test func aSubjectIsIdentifiedByItsOwnKindsDetails() throws {
        try SubjectKind.naturalPerson.check(.birthDate)
        try SubjectKind.naturalPerson.check(.nationality)
        try SubjectKind.legalPerson.check(.registrationNumber)
        try SubjectKind.legalPerson.check(.seat)
        #expect(Subject.Person.legal(registrationNumber: "0403.170.701", seat: nil).kind == .legalPerson)
    }

    @Test func aRegistrationMarkHasOneToFortyCharacters() throws {
        #expect(try AssetIdentifiers.validRegistrationMark(" 1-ABC-123 ") == "1-ABC-123")
        #expect(throws: IdentifierError.self) { try AssetIdentifiers.validRegistrationMark(String(repeating: "A", count: 41)) }
    }

    @Test func aTextsLengthIsCountedAsSentAsTheAPIDocumentCountsIt() throws {
        // 40 characters with the spaces around them: within 1...40, stored trimmed
        #expect(try RecordText.valid("  " + String(repeating: "A", count: 36) + "  ", length: 1...40, what: "a mark") == String(repeating: "A", count: 36))
        // 41 as sent, though 39 once trimmed
        #expect(throws: RecordTextError.self) { try RecordText.valid(" " + String(repeating: "A", count: 39) + " ", length: 1...40, what: "a mark") }
        // a CR LF is two characters as sent, and stored as one line feed
        #expect(throws: RecordTextError.self) { try RecordText.valid("seized\r\nsold", length: 1...11, what: "a reason", multiline: true) }
        #expect(try RecordText.valid("seized\r\nsold", length: 1...12, what: "a reason", multiline: true) == "seized\nsold")
    }

    @Test func aOneLineTextWithALineBreakOrTabAtItsEdgeIsRefusedAsSent() {
        #expect(throws: RecordTextError.self) { try RecordText.valid("Operation Meltwater\n", length: 1...500, what: "the title") }
        #expect(throws: RecordTextError.self) { try RecordText.valid("\tOperation Meltwater", length: 1...500, what: "the title") }
    }

    @Test func aReasonOverLinesEndedByCRLFAmongEmojiAndPrivateUseCharactersIsAccepted() throws {
        let reason = "o0\r\n\u{96D1F}\n\r\n\r\n\u{1F3FB}\u{DC}\u{A1}\u{23A}"
        #expect(try RecordText.valid(reason, length: 1...2000, what: "the reason", multiline: true) == "o0\n\u{96D1F}\n\n\n\u{1F3FB}\u{DC}\u{A1}\u{23A}")
    }
}
