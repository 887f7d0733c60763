import ArcaDomain
import ArcaPersistence
import Foundation

/// Shows a case's totals in EUR (frozen, confiscated, realised, recovered, management costs)
/// with the records that make up each, and logs the consultation.
public struct ReadCaseTotals: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(caseID: UUID, by caller: Caller) async throws -> CaseMoney {
        let office = try caller.office(for: .readCases)
        let consultant = try caller.consultant
        // One snapshot: the totals and the list of money recovered agree.
        let money = try await database.snapshot { store in
            let found = try await store.cases.find(caseID, visibleTo: office).found("case \(caseID.lowercased)")
            let record = try found.permit(.read, by: office, "case \(found.record.reference)")
            let amounts = try await store.caseAmounts(caseID)
            var rates = RateTable([])
            if let needed = CaseTotals.ratesNeeded(by: amounts) {
                rates = try await store.rates.covering(from: needed.days.lowerBound, through: needed.days.upperBound, currencies: needed.currencies)
            }
            let recovered = try await store.recoveredValues.inCase(caseID)
            return CaseMoney(case: record, totals: CaseTotals(amounts, rates: rates), recovered: recovered)
        }
        try await database.logConsultation(by: consultant, operation: "ReadCaseTotals", entity: "case", id: caseID.lowercased)
        return money
    }
}

/// A case's money: its totals in EUR and the values recovered in it.
public struct CaseMoney: Sendable {
    public let `case`: Case
    public let totals: CaseTotals
    public let recovered: [RecoveredValue]
}
