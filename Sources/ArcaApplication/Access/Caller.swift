import ArcaDomain
import ArcaPersistence
import Foundation

/// Who is asking: a signed-in user, or the administrator at the command line (who runs
/// `arca` on the server and so already holds the database's keys).
public struct Caller: Sendable, Equatable {
    public let userID: UUID?
    public let name: String
    public let role: Role
    public let office: OfficeCode?
    /// The time zone of the caller's office, where "today" is counted.
    public let timeZone: TimeZone
    /// Why they consult, as they said (`X-Purpose`, `--purpose`).
    public private(set) var purpose: ConsultationPurpose?
    /// Whether their office asks the purpose of every consultation.
    public let purposeRequired: Bool
    /// The operating-system account acting, at the command line.
    public private(set) var osAccount: OSAccountName?

    public init(user: User) {
        self.userID = user.id
        self.name = user.name.value
        self.role = user.role
        self.office = user.office
        self.timeZone = user.timeZone
        self.purposeRequired = user.purposeRequired
    }

    private init(userID: UUID?, name: String, role: Role, office: OfficeCode?, timeZone: TimeZone = Office.defaultTimeZone) {
        self.userID = userID
        self.name = name
        self.role = role
        self.office = office
        self.timeZone = timeZone
        self.purposeRequired = false
    }

    /// The same caller, acting from the operating-system account `account`.
    func acting(from account: OSAccountName?) -> Caller {
        var caller = self
        caller.osAccount = account
        return caller
    }

    /// The same caller, consulting for `purpose`.
    public func consulting(for purpose: ConsultationPurpose?) -> Caller {
        var caller = self
        caller.purpose = purpose
        return caller
    }

    /// A partner office whose signed message moves a request of `office`: it acts on the
    /// exchange as a liaison officer would, under its own name.
    static func partner(_ sender: Counterpart, actingOn office: OfficeCode, timeZone: TimeZone) -> Caller {
        Caller(userID: nil, name: "partner:\(sender.state.value)/\(sender.office)", role: .liaison, office: office, timeZone: timeZone)
    }

    /// The operating-system account running an administrative CLI command.
    public static func commandLine(account: String = Caller.operatingSystemAccount) -> Caller {
        Caller(userID: nil, name: "cli:\(account)", role: .admin, office: nil).acting(from: try? OSAccountName(account))
    }

    /// The account this process runs as, from the system's user database: not `$USER`, which
    /// anyone may set.
    public static let operatingSystemAccount: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid-\(geteuid())" }
        return String(cString: name)
    }()

    /// The caller's office's local date at `now`: a date entered just after local midnight
    /// is today, not in the future.
    public func today(_ now: Date) -> Day {
        Day(now, in: timeZone)
    }

    var auditActor: AuditEntry.Actor {
        AuditEntry.Actor(userID: userID, name: name, office: office, purpose: purpose, osAccount: osAccount)
    }

    /// Who consults a record, for the entry that logs it: refused when their office asks the
    /// purpose of every consultation and they named none, before anything is shown.
    var consultant: AuditEntry.Actor {
        get throws(UseCaseError) {
            do {
                try ConsultationPurpose.check(purpose, requiredBy: office, required: purposeRequired)
            } catch {
                throw .invalid("purpose", "required", error.description)
            }
            return auditActor
        }
    }

    func require(_ permission: Permission) throws(UseCaseError) {
        guard role.may(permission) else {
            throw .forbidden("the \(role.rawValue) role may not \(permission.rawValue.replacingOccurrences(of: "-", with: " "))")
        }
    }
}

extension AuditRepository {
    /// Records that `caller` changed a record, with its values before and after, in the
    /// use case's transaction.
    func change(
        _ operation: String, by caller: Caller, entity: String, id: String, before: (any Encodable)? = nil,
        after: any Encodable, reason: String? = nil
    ) async throws {
        try await append(
            AuditEntry(
                actor: caller.auditActor, kind: .change, operation: operation, entity: entity, entityID: id,
                before: before.map { AuditSnapshot.json($0) }, after: AuditSnapshot.json(after), reason: reason))
    }
}

extension AuditRepository {
    /// Records a search `caller` made, with its filters and the ids of the records it showed
    /// (Dir 2024/1260 Art 8; Dir 2016/680 Art 25): one entry per list.
    func recordSearch(_ operation: String, by consultant: AuditEntry.Actor, entity: String, filter: some Encodable, shown: [String]) async throws {
        try await append(
            AuditEntry(
                actor: consultant, kind: .consultation, operation: operation, entity: entity, entityID: AuditEntry.searchID,
                after: AuditSnapshot.json(SearchRecord(filter: filter, shown: shown))))
    }
}

/// What the trail keeps of a list: the filter as given and the records shown.
private struct SearchRecord<Filter: Encodable>: Encodable {
    let filter: Filter
    let shown: [String]
}

/// Record snapshots for the audit trail (`SnapshotEncoder`), with ids in the lower-case form
/// the API and the CLI show, also where a record holds one as text. The column is `jsonb`,
/// which keeps its own key order, so the text is not put in canonical form here: parsing it
/// back into Foundation objects to sort it had cost a quarter of a record's creation.
enum AuditSnapshot {
    static func json(_ value: some Encodable) -> String {
        guard let bytes = try? SnapshotEncoder.encode(value) else { return "null" }
        return String(decoding: lowercasingIDs(bytes), as: UTF8.self)
    }

    /// Every string value that is a whole UUID, in lower case; keys and everything else as
    /// they were.
    static func lowercasingIDs(_ json: [UInt8]) -> [UInt8] {
        var bytes = json
        let quote = UInt8(ascii: "\"")
        var index = 0
        while index < bytes.count {
            guard bytes[index] == quote else {
                index += 1
                continue
            }
            var end = index + 1
            var escaped = false
            while end < bytes.count, bytes[end] != quote {
                if bytes[end] == UInt8(ascii: "\\") {
                    escaped = true
                    end += 1
                }
                end += 1
            }
            var next = end + 1
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            let isKey = next < bytes.count && bytes[next] == UInt8(ascii: ":")
            if !escaped, !isKey, end - index - 1 == 36, isUUID(bytes[(index + 1)..<end]) {
                for position in (index + 1)..<end where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(bytes[position]) {
                    bytes[position] += 32
                }
            }
            index = end + 1
        }
        return bytes
    }

    /// `8-4-4-4-12` hexadecimal digits.
    private static func isUUID(_ text: ArraySlice<UInt8>) -> Bool {
        text.enumerated().allSatisfy { offset, byte in
            [8, 13, 18, 23].contains(offset)
                ? byte == UInt8(ascii: "-")
                : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }
}

extension Caller {
    /// The office whose records the caller works on; the command-line administrator has none.
    func office(for permission: Permission) throws(UseCaseError) -> OfficeCode {
        try require(permission)
        guard let office else { throw .forbidden("only a user of an office may \(permission.phrase)") }
        return office
    }
}

extension Permission {
    var phrase: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}
