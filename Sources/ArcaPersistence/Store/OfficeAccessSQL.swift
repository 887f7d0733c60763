/// The office-access rule's visibility half in SQL, the one place it is written (its other
/// half, what an office may do with what it sees, is `Owned.check` in ArcaDomain): the case
/// `c` is visible to the office bound as `office` when it owns the case or the case was shared
/// with it. Every query that reads a record for an office joins its case as `c` and adds this.
enum OfficeAccessSQL {
    static func caseVisible(to office: String) -> String {
        "(c.office_code = \(office) OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = \(office)))"
    }
}
