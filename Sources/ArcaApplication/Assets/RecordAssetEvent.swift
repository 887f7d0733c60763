import ArcaDomain
import ArcaPersistence
import Foundation

/// Records a move of an asset that no order makes (DOMAIN §3.1): tracing, an interim sale
/// (with its price), disposal (with its outcome, a sale's gross proceeds, its costs, and the
/// victim who received it), restitution, closing. Freezing,
/// confiscation, the recovery of its value and release follow from orders.
public struct RecordAssetEvent: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, _ input: NewAssetEvent, by caller: Caller) async throws -> Asset {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let action = validation.required("action", input.action, "asset-action") { (code) throws(VocabularyError) in
            try AssetAction(rawValue: code).orRefuse(code, as: "an asset action (\(AssetAction.recordedDirectly.map(\.rawValue).joined(separator: ", ")))")
        }
        let day = validation.pastDay("occurredOn", input.occurredOn, today: caller.today(clock()))
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        let amount = input.amount.flatMap { validation.money("amount", $0) }
        let outcome = validation.optional("outcome", input.outcome, "disposal-outcome") { (code) throws(VocabularyError) in
            try DisposalOutcome(rawValue: code).orRefuse(
                code, as: "a disposal outcome (\(DisposalOutcome.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let costs = input.costs.flatMap { validation.money("costs", $0) }
        let recipient = input.recipient.flatMap { validation.id("recipientSubjectId", $0) }
        let details = action?.checkDirect(
            amount: input.amount != nil, outcome: input.outcome != nil, disposedAs: outcome, costs: input.costs != nil, recipient: input.recipient != nil)
        for error in details ?? [] {
            switch error {
            case .byOrder: validation.add("action", "by-order", error.description)
            case .priceRequired: validation.add("amount", "required", error.description)
            case .amountNotApplicable: validation.add("amount", "not-applicable", error.description)
            case .outcomeRequired: validation.add("outcome", "required", error.description)
            case .outcomeNotApplicable: validation.add("outcome", "not-applicable", error.description)
            case .proceedsRequired: validation.add("amount", "required", error.description)
            case .costsNotApplicable: validation.add("costs", "not-applicable", error.description)
            case .recipientRequired: validation.add("recipientSubjectId", "required", error.description)
            case .recipientNotApplicable: validation.add("recipientSubjectId", "not-applicable", error.description)
            }
        }
        try validation.finish()
        guard let action, let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, toRecord: true)
            if let recipient { try await store.subjects.checkVictim(recipient, of: asset.caseID, field: "recipientSubjectId") }
            return try await AssetMove(store: store, caller: caller, operation: "RecordAssetEvent")
                .apply(
                    action, to: asset, on: day, dayField: "occurredOn", reason: reason, amount: amount, outcome: outcome,
                    disposal: DisposalDetails(costs: costs, recipientID: recipient))
        }
    }
}
