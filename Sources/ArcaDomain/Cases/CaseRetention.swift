import Foundation

/// How long a case's personal data is kept before its office decides whether it is still
/// needed (Dir 2016/680 Art 5: time limits for a periodic review of the need to keep it):
/// years or months, as ISO 8601 writes them (`P3Y`, `P18M`).
public struct ReviewPeriod: Hashable, Sendable, CustomStringConvertible {
    public let months: Int

    /// Thirty years: longer than any limitation period a case could wait for.
    public static let longestInMonths = 360

    public init(iso text: String) throws(ReviewPeriodError) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = upper.dropFirst().dropLast()
        guard upper.hasPrefix("P"), !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 4, let number = Int(digits) else {
            throw ReviewPeriodError(text: text)
        }
        switch upper.last {
        case "Y": months = number * 12
        case "M": months = number
        default: throw ReviewPeriodError(text: text)
        }
        guard (1...Self.longestInMonths).contains(months) else { throw ReviewPeriodError(text: text) }
    }

    /// `P3Y` when a whole number of years, else `P18M`: the one way ARCA writes it.
    public var iso: String { months % 12 == 0 ? "P\(months / 12)Y" : "P\(months)M" }
    public var description: String { iso }
}

public struct ReviewPeriodError: Error, Equatable, CustomStringConvertible {
    public let text: String

    public var description: String {
        "\"\(text.prefix(40))\" is not a review period in ISO 8601 years or months, from P1M to P30Y (P3Y, P18M)"
    }
}

/// Where a case stands in its retention: the day it is next reviewed, and when its personal
/// data was erased, if it was. The review day moves to the period after the last day anything in
/// the case changed, or it was reviewed and kept (the database moves it, migration 0030).
public struct CaseRetention: Hashable, Sendable, Codable {
    public let reviewOn: Day
    public let erasedAt: Date?

    public init(reviewOn: Day, erasedAt: Date?) {
        self.reviewOn = reviewOn
        self.erasedAt = erasedAt
    }

    public var isErased: Bool { erasedAt != nil }

    /// Whether an officer should now decide to keep or erase the case's personal data.
    public func isDue(on today: Day) -> Bool { !isErased && reviewOn <= today }
}

extension CaseStatus {
    /// Only a closed case's personal data is erased: an open case still needs its subjects to be
    /// worked, and erasure cannot be undone.
    public var allowsErasure: Bool { self == .closed }
}

extension Subject {
    /// What an erased subject is called: the name is required, and says what happened to it.
    public static let erasedName = "[erased]"
}
