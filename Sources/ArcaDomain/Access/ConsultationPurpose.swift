import Foundation

/// Why a record is consulted, from a short list (Dir 2016/680 Art 25: every consultation is
/// logged with its justification; Dir 2024/1260 Art 8: every search an ARO makes is monitored).
public enum PurposeCode: String, CaseIterable, Sendable, Codable {
    /// Tracing and identifying property in the case's own inquiry.
    case investigation
    /// Managing or disposing of frozen or confiscated property.
    case assetManagement = "asset_management"
    /// Preparing or answering a cross-border request or certificate.
    case crossBorderRequest = "cross_border_request"
    /// For a prosecutor's or a court's proceedings.
    case judicialProceedings = "judicial_proceedings"
    /// The yearly figures and the office's own reporting.
    case statistics
    /// Data-protection or internal supervision of how records are used.
    case supervision
    /// Rectifying, completing or reviewing a record.
    case dataQuality = "data_quality"
}

/// The purpose of a consultation: its code, and what the user adds in their own words. Written
/// `code` or `code; free text` (`investigation; bank accounts named in the hearing of 3 March`).
public struct ConsultationPurpose: Sendable, Equatable, Codable {
    public let code: PurposeCode
    public let note: String?

    public static let noteLength = 1...500

    public init(code: PurposeCode, note: String? = nil) {
        self.code = code
        self.note = note
    }

    public init(_ text: String) throws(PurposeError) {
        let parts = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let code = parts[0].trimmingCharacters(in: .whitespaces)
        guard let known = PurposeCode(rawValue: code) else { throw .unknown(String(code.prefix(40))) }
        var note: String?
        if parts.count == 2 {
            do {
                note = try RecordText.valid(String(parts[1]), length: Self.noteLength, what: "the purpose's free text")
            } catch {
                throw .badNote(error.description)
            }
        }
        self.init(code: known, note: note)
    }

    /// A consultation in an office that requires a purpose (its setting) names one.
    public static func check(_ purpose: ConsultationPurpose?, requiredBy office: OfficeCode?, required: Bool) throws(PurposeError) {
        if required, purpose == nil { throw .required(office?.value ?? "this office") }
    }
}

public enum PurposeError: Error, Equatable, CustomStringConvertible {
    case unknown(String)
    case badNote(String)
    case required(String)

    public var description: String {
        let codes = PurposeCode.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .unknown(let code): return "\"\(code)\" is not a purpose: one of \(codes), optionally followed by \"; \" and free text"
        case .badNote(let reason): return reason
        case .required(let office):
            return "\(office) asks why its records are consulted: name the purpose (one of \(codes), optionally \"; \" and free text)"
        }
    }
}
