import ArcaDomain
import Testing

@Suite("Member states")
struct MemberStateTests {
    @Test func theUnionHasTwentySevenMemberStates() {
        #expect(MemberState.allCases.count == 27)
    }

    @Test func greeceWrittenELInEUDocumentsIsStoredAsGR() {
        // given the code EU documents use for Greece
        let code = "EL"
        // when it is read
        let state = MemberState(code: code)
        // then it is Greece, stored under its ISO code
        #expect(state == .greece)
        #expect(state?.code == "GR")
    }

    @Test func codesAreReadRegardlessOfCase() {
        #expect(MemberState(code: "be") == .belgium)
    }

    @Test func theUnitedKingdomIsNotAMemberState() {
        #expect(MemberState(code: "GB") == nil)
    }
}
