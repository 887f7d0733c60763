import ArcaDomain
import ArcaPersistence
import Foundation

extension OrderRuleError {
    /// The request field a rule on a new order or an execution speaks of.
    var field: String {
        switch self {
        case .confiscationType: return "confiscationType"
        case .urgentConfiscation: return "urgent"
        case .confirmsOnlyByCourtFreeze: return "confirms"
        case .executingStateUnclear: return "executingState"
        case .valueConfiscationNeedsSum, .sumOnlyForValueConfiscation: return "coveredAmount"
        case .noSumToExecute, .sumInOtherCurrency, .sumBeyondOrder: return "amount"
        default: return "assets"
        }
    }
}

extension OrderRuleError {
    /// A refusal of what the request says (an asset the order does not cover, a missing
    /// amount, a date before the decision) rather than of where the order stands.
    var isAboutTheRequest: Bool {
        switch self {
        case .notCovered, .namedTwice, .realisedAmountRequired, .noAmountForFreeze, .noSumToExecute,
            .sumInOtherCurrency, .sumBeyondOrder, .beforeDecision, .executedBeforeFinal, .liftedBeforeExecution:
            return true
        default:
            return false
        }
    }

    /// The rule a refused step on a recorded order names: the order's dates, an asset named
    /// twice in the request, or else what the order as recorded allows (the assets it covers,
    /// its sum and currency, its kind).
    var stepRule: String {
        if isAboutTheDay { return "order-date" }
        if case .namedTwice = self { return "named-twice" }
        return "order-as-recorded"
    }

    var isAboutTheDay: Bool {
        switch self {
        case .beforeDecision, .executedBeforeFinal, .liftedBeforeExecution: return true
        default: return false
        }
    }
}
