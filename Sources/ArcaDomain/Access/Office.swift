import Foundation

/// An office using this deployment: one Member State's Asset Recovery Office, or one of
/// several offices of that state (DOMAIN §1).
public struct Office: Hashable, Sendable, Encodable {
    public let code: OfficeCode
    public let memberState: MemberState
    /// First part of the office's case references: `BE` in `BE-2026-000123`.
    public let referencePrefix: String
    public let name: String
    /// Where the office works: its "today" is the local date there (DOMAIN §4).
    public let timeZone: TimeZone
    /// Whether every consultation of its records must say why (`ConsultationPurpose`).
    public let purposeRequired: Bool

    /// The time zone of a caller with no office (the command line): Belgium's, this
    /// project's default deployment. An office's own defaults to its state's capital.
    public static let defaultTimeZone = MemberState.belgium.capitalTimeZone

    public static let nameLength = 1...200

    public init(
        code: OfficeCode, memberState: MemberState, referencePrefix: String, name: String, timeZone: TimeZone? = nil,
        purposeRequired: Bool = false
    ) throws(OfficeError) {
        guard referencePrefix.count >= 2, referencePrefix.count <= 8,
            referencePrefix.allSatisfy({ ($0.isUppercase || $0.isNumber) && $0.isASCII }),
            referencePrefix.prefix(2).allSatisfy(\.isLetter)
        else { throw .badReferencePrefix(referencePrefix) }
        let trimmed: String
        do {
            trimmed = try RecordText.valid(name, length: Self.nameLength, what: "an office name")
        } catch {
            throw .badName(error.description)
        }
        self.code = code
        self.memberState = memberState
        self.referencePrefix = referencePrefix
        self.name = trimmed
        self.timeZone = timeZone ?? memberState.capitalTimeZone
        self.purposeRequired = purposeRequired
    }

    /// The same office, working in `timeZone`.
    public func moved(to timeZone: TimeZone) throws(OfficeError) -> Office {
        try Office(code: code, memberState: memberState, referencePrefix: referencePrefix, name: name, timeZone: timeZone, purposeRequired: purposeRequired)
    }

    /// The same office, requiring a purpose of every consultation or not.
    public func requiring(purpose required: Bool) throws(OfficeError) -> Office {
        try Office(code: code, memberState: memberState, referencePrefix: referencePrefix, name: name, timeZone: timeZone, purposeRequired: required)
    }

    /// Reads an IANA time-zone name such as `Europe/Lisbon`.
    public static func timeZone(named name: String) throws(OfficeError) -> TimeZone {
        guard name.contains("/") || name == "UTC", let zone = TimeZone(identifier: name) else { throw .badTimeZone(name) }
        return zone
    }

    /// Refuses an office of another Member State than the deployment's (DOMAIN §1: one
    /// deployment serves one Member State's offices).
    public func checkBelongs(to deploymentState: MemberState) throws(OfficeError) {
        guard memberState == deploymentState else { throw .otherMemberState(memberState, deployment: deploymentState) }
    }
}

/// An office is recorded (in the audit trail) with its time zone's name.
extension Office {
    enum CodingKeys: String, CodingKey {
        case code, memberState, referencePrefix, name, timeZone, purposeRequired
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(memberState, forKey: .memberState)
        try container.encode(referencePrefix, forKey: .referencePrefix)
        try container.encode(name, forKey: .name)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(purposeRequired, forKey: .purposeRequired)
    }
}

/// An office's code: capitals, digits and hyphens, starting with a letter, 2–16 long
/// (`BE-ARO`, `NL-AMO`).
public struct OfficeCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(OfficeError) {
        let bytes = text.utf8
        guard (2...16).contains(bytes.count), bytes.first?.isASCIILetter == true,
            bytes.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") })
        else { throw .badCode(text) }
        self.value = text.asciiCapitals
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try OfficeCode(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

public enum OfficeError: Error, Equatable, CustomStringConvertible {
    case badCode(String)
    case badReferencePrefix(String)
    case badName(String)
    case badTimeZone(String)
    case otherMemberState(MemberState, deployment: MemberState)

    public var description: String {
        switch self {
        case .badCode(let code): return "\"\(code.prefix(40))\" is not an office code: 2 to 16 capitals, digits or hyphens, starting with a letter (e.g. BE-ARO)"
        case .badReferencePrefix(let prefix): return "\"\(prefix.prefix(40))\" is not a reference prefix: 2 to 8 capitals or digits, starting with two letters (e.g. BE)"
        case .badName(let why): return why
        case .badTimeZone(let name): return "\"\(name.prefix(40))\" is not a time zone: give its IANA name, e.g. Europe/Brussels"
        case .otherMemberState(let state, let deployment):
            return "this deployment serves \(deployment.code): an office of \(state.code) belongs in that state's own deployment"
        }
    }
}
