import Foundation

/// One move of an ARO information request that S11 counts: its sending or receipt, its first
/// answer, or its refusal, on `day` (a date in the office's time zone).
public struct RequestMove: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case sent
        case received
        case answered
        case refused
    }

    public let requestID: UUID
    public let label: String
    public let kind: Kind
    public let day: Day
    public let urgent: Bool
    public let counterpart: CountryCode
    public let offences: [OffenceCategory]
    public let refusalGround: RefusalGround?
    /// An answer given after the request's deadline.
    public let late: Bool

    public init(
        requestID: UUID, label: String, kind: Kind, day: Day, urgent: Bool, counterpart: CountryCode, offences: [OffenceCategory],
        refusalGround: RefusalGround?, late: Bool
    ) {
        self.requestID = requestID
        self.label = label
        self.kind = kind
        self.day = day
        self.urgent = urgent
        self.counterpart = counterpart
        self.offences = offences
        self.refusalGround = refusalGround
        self.late = late
    }
}

/// S11: the ARO information requests this office sent, received, answered, refused and
/// answered late in one calendar year, each by urgency and counterpart state.
public enum RequestFigures {
    public static func indicators(_ moves: [RequestMove], in year: Int) -> [Indicator] {
        let ofYear = moves.filter { $0.day.year == year }
        func counted(_ measure: String, _ moves: [RequestMove], ground: Bool = false) -> Indicator {
            .counting(
                .s11, measure: measure,
                moves.map { move in
                    var dimensions = ["urgency": move.urgent ? "urgent" : "not_urgent", "counterpart_state": move.counterpart.value]
                    if ground { dimensions["refusal_ground"] = move.refusalGround?.rawValue ?? "none" }
                    return Contribution(
                        entity: "request", id: move.requestID.lowercased, label: move.label, day: move.day, offences: move.offences,
                        categories: [], amount: nil, dimensions: dimensions)
                }, byCategory: false)
        }
        let answered = ofYear.filter { $0.kind == .answered }
        return [
            counted("sent", ofYear.filter { $0.kind == .sent }), counted("received", ofYear.filter { $0.kind == .received }),
            counted("answered", answered), counted("refused", ofYear.filter { $0.kind == .refused }, ground: true),
            counted("answered_late", answered.filter(\.late)),
        ]
    }
}
