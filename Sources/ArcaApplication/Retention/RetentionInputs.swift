import ArcaDomain
import Foundation

/// Why an officer keeps a case's personal data for another period, or erases it.
public struct RetentionDecision: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var reason: String?

    public init(reason: String?) {
        self.reason = reason
    }
}

extension RetentionDecision {
    /// The reason, required: the trail keeps why a case's data was kept or erased.
    func checkedReason() throws -> String {
        var validation = Validation(reading: self)
        let reason = validation.required("reason", reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let reason else { return try unreachable() }
        return reason
    }
}

/// A case whose personal data was erased, and what the erasure reached.
public struct CaseErasure: Sendable, Equatable {
    public let record: Case
    public let subjectsErased: Int
    public let trailEntriesErased: Int
    public let rememberedAnswersForgotten: Int
}

/// The day a kept case is next reviewed, as the trail records the decision.
struct ReviewDay: Encodable {
    let reviewOn: String
}
