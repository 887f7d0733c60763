import ArcaDomain
import Testing

/// The office-access rule, without a database: the owner reads and changes, an office the
/// case is shared with only reads, and a closed case takes nothing new.
@Suite("Office access: who may do what with a record they can see")
struct OfficeAccessTests {
    static let aro = try! OfficeCode("BE-ARO")
    static let amo = try! OfficeCode("BE-AMO")

    func record(ownedBy owner: OfficeCode = aro, in status: CaseStatus = .tracing) -> Owned<String> {
        Owned(record: "Current account at KBC", owner: owner, caseStatus: status)
    }

    @Test(arguments: [RecordAccess.read, .change, .record])
    func theOwningOfficeMayDoAnything(_ access: RecordAccess) throws {
        #expect(try record().check(access, by: Self.aro) == "Current account at KBC")
    }

    @Test func anOfficeTheCaseIsSharedWithMayRead() throws {
        #expect(try record().check(.read, by: Self.amo) == "Current account at KBC")
    }

    @Test(arguments: [RecordAccess.change, .record])
    func anOfficeTheCaseIsSharedWithMayNotChange(_ access: RecordAccess) {
        #expect(throws: AccessRefusal.onlyShared(owner: Self.aro, with: Self.amo)) { try record().check(access, by: Self.amo) }
    }

    @Test func aClosedCaseTakesNoNewRecordButMayBeCorrectedAndRead() throws {
        let closed = record(in: .closed)
        #expect(throws: AccessRefusal.caseClosed(.closed)) { try closed.check(.record, by: Self.aro) }
        #expect(try closed.check(.change, by: Self.aro) == "Current account at KBC")
        #expect(try closed.check(.read, by: Self.amo) == "Current account at KBC")
    }
}
