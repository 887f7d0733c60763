import ArcaDomain
import ArcaPersistence
import Foundation

/// Records money actually received in a case of the caller's office, net of costs, with where
/// it came from and where it went (DOMAIN §2 "recovered value").
public struct RecordRecoveredValue: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(caseID: UUID, _ input: NewRecoveredValue, by caller: Caller) async throws -> RecoveredValue {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let value = validation.required("amount", input.amount).flatMap { validation.positiveMoney("amount", $0) }
        let day = validation.pastDay("receivedOn", input.receivedOn, today: caller.today(clock()))
        let source = validation.required("source", input.source, "recovery-source") { (code) throws(VocabularyError) in
            try RecoverySource(rawValue: code).orRefuse(code, as: "a source (\(RecoverySource.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let destination = validation.required("destination", input.destination, "recovery-destination") { (code) throws(VocabularyError) in
            try RecoveryDestination(rawValue: code).orRefuse(
                code, as: "a destination (\(RecoveryDestination.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let sourceState = input.sourceState.flatMap { validation.country("sourceState", $0) }
        let destinationState = input.destinationState.flatMap { validation.country("destinationState", $0) }
        let recipient = input.recipient.flatMap { validation.id("recipientSubjectId", $0) }
        let assetID = input.asset.flatMap { validation.id("assetId", $0) }
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        let rules = RecoveredValue.check(
            source: source, destination: destination, sourceState: input.sourceState != nil, destinationState: input.destinationState != nil,
            recipient: input.recipient != nil)
        for error in rules { validation.add(error.field, error.rule, error.description) }
        try validation.finish()
        guard let value, let day, let source, let destination, let reason else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, toRecord: true)
            if let recipient { try await store.subjects.checkVictim(recipient, of: caseID, field: "recipientSubjectId") }
            if let assetID {
                let asset = try await store.assets.find(assetID, visibleTo: office)
                guard asset?.record.caseID == caseID else {
                    throw UseCaseError.invalid("assetId", "asset-of-case", "\(assetID.lowercased) is not an asset of this case")
                }
            }
            let recovered = RecoveredValue(
                id: UUID(), caseID: caseID, assetID: assetID, value: value, receivedOn: day, source: source, sourceState: sourceState,
                destination: destination, destinationState: destinationState, recipientID: recipient, reason: reason, recordedBy: caller.name)
            try await store.recoveredValues.add(recovered)
            try await store.audit.change("RecordRecoveredValue", by: caller, entity: "recovered_value", id: recovered.id.lowercased, after: recovered, reason: reason)
            return recovered
        }
    }
}
