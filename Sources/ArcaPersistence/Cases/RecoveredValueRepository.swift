import ArcaDomain
import Foundation
import LibPQ

/// The money actually received in each case, and where it went (migration 0023).
public struct RecoveredValueRepository: Sendable {
    let db: Transaction

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func add(_ value: RecoveredValue) async throws {
        try await db.write(
            """
            INSERT INTO recovered_value (id, case_id, asset_id, amount, currency, received_on, source, source_state, destination,
                destination_state, recipient_subject_id, reason, recorded_by)
            VALUES ($1, $2, $3, $4::numeric, $5, $6::date, $7, $8, $9, $10, $11, $12, $13)
            """,
            [
                value.id, value.caseID, value.assetID, value.value.amount, value.value.currency.code, value.receivedOn.description,
                value.source.rawValue, value.sourceState?.value, value.destination.rawValue, value.destinationState?.value, value.recipientID,
                value.reason, value.recordedBy,
            ])
    }

    /// The case's recovered values, in the order received.
    public func inCase(_ caseID: UUID) async throws -> [RecoveredValue] {
        try await db.query("SELECT \(Self.columns) FROM recovered_value r WHERE r.case_id = $1 \(Self.order)", [caseID]).map(Self.decode)
    }

    static let columns = """
        r.id, r.case_id, r.asset_id, r.amount::text, r.currency, r.received_on::text, r.source, r.source_state, r.destination,
            r.destination_state, r.recipient_subject_id, r.reason, r.recorded_by, r.recorded_at
        """

    static let order = "ORDER BY r.received_on, r.recorded_at, r.id"

    static func decode(_ row: Row) throws -> RecoveredValue {
        try RecoveredValue(
            id: row.decode(UUID.self, 0), caseID: row.decode(UUID.self, 1), assetID: row.decode(UUID?.self, 2),
            value: Row.money(row, 3, 4).orThrow("amount"), receivedOn: Day(row.decode(String.self, 5)),
            source: RecoverySource(rawValue: row.decode(String.self, 6)).orThrow("source"),
            sourceState: row.decode(String?.self, 7).map { try CountryCode(recorded: $0) },
            destination: RecoveryDestination(rawValue: row.decode(String.self, 8)).orThrow("destination"),
            destinationState: row.decode(String?.self, 9).map { try CountryCode(recorded: $0) }, recipientID: row.decode(UUID?.self, 10),
            reason: row.decode(String.self, 11), recordedBy: row.decode(String.self, 12), recordedAt: row.decode(Date.self, 13))
    }
}
