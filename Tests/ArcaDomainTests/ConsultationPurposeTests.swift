import ArcaDomain
import Testing

@Suite("Domain: the purpose of a consultation")
struct ConsultationPurposeTests {
    @Test func aPurposeIsACodeOptionallyFollowedByFreeText() throws {
        #expect(try ConsultationPurpose("investigation") == ConsultationPurpose(code: .investigation))
        #expect(
            try ConsultationPurpose("cross_border_request;  request NL-2026-0412 from the Dutch ARO ")
                == ConsultationPurpose(code: .crossBorderRequest, note: "request NL-2026-0412 from the Dutch ARO"))
    }

    @Test func aCodeOutsideTheListIsRefusedNamingTheList() {
        #expect(throws: PurposeError.unknown("curiosity")) { try ConsultationPurpose("curiosity; just looking") }
        #expect(PurposeError.unknown("curiosity").description.contains("investigation, asset_management"))
    }

    @Test func freeTextThatIsEmptyOrHoldsControlCharactersIsRefused() {
        #expect(throws: PurposeError.self) { try ConsultationPurpose("investigation; ") }
        #expect(throws: PurposeError.self) { try ConsultationPurpose("investigation; line\u{7}bell") }
    }

    @Test func anOfficeThatAsksAPurposeRefusesAConsultationWithoutOne() throws {
        let office = try OfficeCode("BE-ARO")
        #expect(throws: PurposeError.required("BE-ARO")) { try ConsultationPurpose.check(nil, requiredBy: office, required: true) }
        try ConsultationPurpose.check(ConsultationPurpose(code: .statistics), requiredBy: office, required: true)
        try ConsultationPurpose.check(nil, requiredBy: office, required: false)
    }
}
