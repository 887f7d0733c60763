import ArcaDomain
import ArcaPersistence
import Foundation

/// Records custody handed to a manager, or a cost incurred, for property the authorities hold
/// (DOMAIN §2 "management event"). The asset does not move; its management ledger grows.
public struct RecordManagementEvent: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, _ input: NewManagementEvent, by caller: Caller) async throws -> ManagementEvent {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let kind = validation.required("kind", input.kind, "management-kind") { (code) throws(VocabularyError) in
            try ManagementKind(rawValue: code).orRefuse(code, as: "a management event (\(ManagementKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let day = validation.pastDay("occurredOn", input.occurredOn, today: caller.today(clock()))
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        let manager = validation.optional("manager", input.manager, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: ManagementEvent.managerLength, what: "the manager")
        }
        let purpose = validation.optional("purpose", input.purpose, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: ManagementEvent.purposeLength, what: "the purpose")
        }
        let cost = input.amount.flatMap { validation.positiveMoney("amount", $0) }
        if let kind {
            for error in ManagementEvent.check(kind, manager: input.manager != nil, purpose: input.purpose != nil, amount: input.amount != nil) {
                validation.add(error.field, error.rule, error.description)
            }
        }
        try validation.finish()
        guard let kind, let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            // Locked, so that a move recorded meanwhile cannot release the property under the custody.
            let asset = try await store.assets.owned(assetID, by: office, toRecord: true)
            do throws(ManagementError) {
                try AssetManagement.check(kind, of: asset, on: day)
            } catch {
                switch error {
                case .beforeHeld: throw UseCaseError.invalid("occurredOn", "held-by-then", "asset \(assetID.lowercased): \(error.description)")
                case .neverHeld, .notHeld: throw UseCaseError.conflict("asset \(assetID.lowercased) (\(asset.description.prefix(60))): \(error.description)")
                }
            }
            let event = try await store.management.append(
                ManagementEvent(
                    assetID: assetID, kind: kind, occurredOn: day, manager: manager, purpose: purpose, cost: cost, reason: reason,
                    actor: caller.name))
            try await store.audit.change(
                "RecordManagementEvent", by: caller, entity: "asset_management", id: String(event.id ?? 0), after: event, reason: reason)
            return event
        }
    }
}
