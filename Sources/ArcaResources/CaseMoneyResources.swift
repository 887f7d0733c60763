import ArcaApplication
import ArcaDomain
import Foundation

/// `GET /v1/cases/{id}/totals`: the case's totals in EUR, each with the records that make it up.
public struct CaseTotalsResource: Encodable {
    struct TotalResource: Encodable {
        let line: String
        let count: Int
        /// Two decimals, as a string: money is never a floating-point number.
        let euro: String
        /// False when some record has no value for that stage or no rate: `withoutValue` and
        /// `unconverted` say which.
        let complete: Bool
        let withoutValue: Int
        let unconverted: [MissingRateResource]
        let records: [RecordResource]
    }

    struct RecordResource: Encodable {
        let entity: String
        let id: String
        let label: String
        let day: Day
        let amount: Money?
        let euro: String?
        let rateDay: Day?
        let rate: String?
    }

    let caseId: String
    let reference: String
    let totals: [TotalResource]
    let recovered: [RecoveredValueResource]

    public init(_ money: CaseMoney) {
        caseId = money.case.id.lowercased
        reference = money.case.reference.description
        totals = money.totals.lines.map { total in
            TotalResource(
                line: total.line.rawValue, count: total.count, euro: Money(total.euro, .euro).amountText, complete: total.isComplete,
                withoutValue: total.withoutValue.count,
                unconverted: total.unconverted.map(MissingRateResource.init),
                records: total.records.map { record in
                    RecordResource(
                        entity: record.amount.entity, id: record.amount.id, label: record.amount.label, day: record.amount.day,
                        amount: record.amount.value, euro: record.euro.map { Money($0.euro.rounded(toPlaces: 2), .euro).amountText },
                        rateDay: record.euro?.rate?.day, rate: record.euro?.rate.map { "\($0.rate)" })
                })
        }
        recovered = money.recovered.map(RecoveredValueResource.init)
    }
}

/// Money actually received in a case (`POST /v1/cases/{id}/recoveries`).
public struct RecoveredValueResource: Encodable {
    let id: String
    let caseId: String
    let assetId: String?
    let amount: Money
    let receivedOn: Day
    let source: RecoverySource
    let sourceState: String?
    let destination: RecoveryDestination
    let destinationState: String?
    let recipientSubjectId: String?
    let reason: String
    let recordedBy: String

    public init(_ value: RecoveredValue) {
        id = value.id.lowercased
        caseId = value.caseID.lowercased
        assetId = value.assetID?.lowercased
        amount = value.value
        receivedOn = value.receivedOn
        source = value.source
        sourceState = value.sourceState?.value
        destination = value.destination
        destinationState = value.destinationState?.value
        recipientSubjectId = value.recipientID?.lowercased
        reason = value.reason
        recordedBy = value.recordedBy
    }
}

/// An amount left out of a sum for want of a reference rate: its currency and day, and what to do.
struct MissingRateResource: Encodable {
    let currency: String
    let day: Day
    let message: String

    init(_ missing: MissingRate) {
        currency = missing.currency.code
        day = missing.day
        message = missing.description
    }
}
