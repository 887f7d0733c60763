import ArcaApplication
import ArcaDomain
import Foundation

public struct IdentifiersResource: Encodable {
    let iban: String?
    let vin: String?
    let landRegistryReference: String?
    let walletAddress: String?
    let registrationMark: String?

    public init(_ identifiers: AssetIdentifiers) {
        iban = identifiers.iban?.value
        vin = identifiers.vin?.value
        landRegistryReference = identifiers.landRegistryReference
        walletAddress = identifiers.walletAddress
        registrationMark = identifiers.registrationMark
    }
}

/// An asset as the API shows it, with the moves its state allows next.
public struct AssetResource: Encodable {
    let id: String
    let caseId: String
    let category: AssetCategory
    let description: String
    let identifiers: IdentifiersResource
    let country: String
    let propertyRole: PropertyRole?
    let owners: [String]
    let state: AssetState
    let allowedActions: [AssetAction]
    let estimatedValue: Money?
    let valueAtFreezing: Money?
    let valueAtConfiscation: Money?
    let realisedValue: Money?
    let valueMissing: Bool
    let identifiedOn: Day
    let frozenOn: Day?
    let confiscationOrderedOn: Day?
    let interimSoldOn: Day?
    let lastEventOn: Day
    let version: Int
    let createdAt: Date

    public init(_ asset: Asset) {
        id = asset.id.lowercased
        caseId = asset.caseID.lowercased
        category = asset.category
        description = asset.description
        identifiers = IdentifiersResource(asset.identifiers)
        country = asset.country.value
        propertyRole = asset.propertyRole
        owners = asset.owners.map(\.lowercased)
        state = asset.state
        allowedActions = AssetLifecycle.allowedActions(from: asset.state)
        estimatedValue = asset.estimatedValue
        valueAtFreezing = asset.valueAtFreezing
        valueAtConfiscation = asset.valueAtConfiscation
        realisedValue = asset.realisedValue
        valueMissing = asset.isValueMissing
        identifiedOn = asset.identifiedOn
        frozenOn = asset.frozenOn
        confiscationOrderedOn = asset.confiscationOrderedOn
        interimSoldOn = asset.interimSoldOn
        lastEventOn = asset.lastEventOn
        version = asset.version
        createdAt = asset.createdAt
    }
}

/// Custody handed over or a cost incurred (`POST /v1/assets/{id}/management`).
public struct ManagementEventResource: Encodable {
    let id: Int64?
    let assetId: String
    let kind: ManagementKind
    let occurredOn: Day
    let manager: String?
    let purpose: String?
    let amount: Money?
    let reason: String
    let actor: String
    let recordedAt: Date?

    public init(_ event: ManagementEvent) {
        id = event.id
        assetId = event.assetID.lowercased
        kind = event.kind
        occurredOn = event.occurredOn
        manager = event.manager
        purpose = event.purpose
        amount = event.cost
        reason = event.reason
        actor = event.actor
        recordedAt = event.recordedAt
    }
}

/// `GET /v1/assets/{id}`: the asset with its valuations, history and management.
public struct AssetFileResource: Encodable {
    let asset: AssetResource
    let valuations: [ValuationResource]
    let events: [AssetEventResource]
    let management: [ManagementEventResource]

    public init(_ file: AssetFile) {
        asset = AssetResource(file.asset)
        valuations = file.valuations.map(ValuationResource.init)
        events = AssetEventResource.ledger(file.events)
        management = file.management.map(ManagementEventResource.init)
    }

    enum CodingKeys: String, CodingKey {
        case valuations, events, management
    }

    public func encode(to encoder: any Encoder) throws {
        try asset.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valuations, forKey: .valuations)
        try container.encode(events, forKey: .events)
        try container.encode(management, forKey: .management)
    }
}

public struct ValuationResource: Encodable {
    let id: String
    let assetId: String
    let valuedOn: Day
    let method: ValuationMethod
    let value: Money
    let recordedBy: String

    public init(_ valuation: Valuation) {
        id = valuation.id.lowercased
        assetId = valuation.assetID.lowercased
        valuedOn = valuation.valuedOn
        method = valuation.method
        value = valuation.value
        recordedBy = valuation.recordedBy
    }
}

public struct AssetEventResource: Encodable {
    let id: Int64?
    let action: String
    let from: AssetState?
    let to: AssetState
    let occurredOn: Day
    let actor: String
    let reason: String?
    let orderId: String?
    let amount: Money?
    let outcome: DisposalOutcome?
    let costs: Money?
    let recipientSubjectId: String?
    /// For a correction: the event it corrects and the right day.
    let corrects: Int64?
    let correctedOn: Day?
    /// For an event whose date was corrected: the day it really happened.
    let correctedTo: Day?
    let recordedAt: Date?

    /// The asset's events in ledger order, each with the day a correction gave it.
    public static func ledger(_ events: [AssetEvent]) -> [AssetEventResource] {
        let history = AssetHistory(events: events)
        return events.map { AssetEventResource($0, correctedTo: history.correctedDay(of: $0)) }
    }

    init(_ event: AssetEvent, correctedTo: Day?) {
        id = event.id
        action = event.action
        from = event.from
        to = event.to
        occurredOn = event.occurredOn
        actor = event.actor
        reason = event.reason
        orderId = event.orderID?.lowercased
        amount = event.amount
        outcome = event.outcome
        costs = event.costs
        recipientSubjectId = event.recipientID?.lowercased
        corrects = event.correction?.eventID
        correctedOn = event.correction?.correctedOn
        self.correctedTo = correctedTo
        recordedAt = event.recordedAt
    }
}

public struct OrderResource: Encodable {
    let id: String
    let caseId: String
    let kind: LegalOrder.Kind
    let urgent: Bool
    let confirms: String?
    let confiscationType: ConfiscationType?
    let issuingState: String
    let issuingAuthority: String
    let executingState: String
    let decisionReference: String
    let decisionDate: Day
    let coveredAmount: Money?
    let assets: [OrderAssetResource]
    let subjects: [String]
    let status: LegalOrder.Status
    let execution: LegalOrder.Execution
    let finalOn: Day?
    let executedOn: Day?
    let executedAmounts: [ExecutedSumResource]
    let liftedOn: Day?
    let liftingGround: LiftingGround?
    let corrections: [OrderCorrectionResource]
    let version: Int
    let createdAt: Date

    public init(_ order: LegalOrder) {
        id = order.id.lowercased
        caseId = order.caseID.lowercased
        kind = order.kind
        urgent = order.urgent
        confirms = order.confirms?.lowercased
        confiscationType = order.confiscationType
        issuingState = order.issuingState.value
        issuingAuthority = order.issuingAuthority
        executingState = order.executingState.value
        decisionReference = order.decisionReference
        decisionDate = order.decisionDate
        coveredAmount = order.coveredAmount
        assets = order.assetIDs.map { id in OrderAssetResource(asset: id, execution: order.executions.first { $0.assetID == id }) }
        subjects = order.subjectIDs.map(\.lowercased)
        status = order.status
        execution = order.execution
        finalOn = order.finalOn
        executedOn = order.executedOn
        executedAmounts = order.executions.filter { $0.assetID == nil }.compactMap { part in
            part.amount.map { ExecutedSumResource(id: part.id, executedOn: part.executedOn, amount: $0) }
        }
        liftedOn = order.liftedOn
        liftingGround = order.liftingGround
        corrections = order.corrections.map(OrderCorrectionResource.init)
        version = order.version
        createdAt = order.createdAt
    }
}

/// One asset of an order and, once executed on it, when and for how much.
struct OrderAssetResource: Encodable {
    let id: String
    let executed: Bool
    let executedOn: Day?
    let realised: Money?

    init(asset: UUID, execution: OrderExecution?) {
        id = asset.lowercased
        executed = execution != nil
        executedOn = execution?.executedOn
        realised = execution?.amount
    }
}

/// The day a step of an order really happened, as corrected; the dates of the order are shown
/// as corrected, this says what was corrected, when and why.
struct OrderCorrectionResource: Encodable {
    let step: OrderDateStep
    let asset: String?
    let correctedOn: Day
    let reason: String
    let recordedBy: String

    init(_ correction: OrderDateCorrection) {
        step = correction.step
        asset = correction.asset?.lowercased
        correctedOn = correction.correctedOn
        reason = correction.reason
        recordedBy = correction.recordedBy
    }
}

/// A sum of a value confiscation executed on a day; `id` names it in a date correction.
struct ExecutedSumResource: Encodable {
    let id: Int64?
    let executedOn: Day
    let amount: Money
}

extension IdentifiersResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("iban", iban)
            $0.member("landRegistryReference", landRegistryReference)
            $0.member("registrationMark", registrationMark)
            $0.member("vin", vin)
            $0.member("walletAddress", walletAddress)
        }
    }
}

extension AssetResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { writeMembers(to: &$0, events: nil, valuations: nil, management: nil) }
    }

    /// The asset's members in sorted order, with an asset file's history where it has one
    /// (`events`, `management` and `valuations` fall between them).
    func writeMembers(
        to json: inout JSONWriter, events: [AssetEventResource]?, valuations: [ValuationResource]?, management: [ManagementEventResource]?
    ) {
        json.member("allowedActions", allowedActions)
        json.member("caseId", caseId)
        json.member("category", category)
        json.member("confiscationOrderedOn", confiscationOrderedOn)
        json.member("country", country)
        json.member("createdAt", createdAt)
        json.member("description", description)
        json.member("estimatedValue", estimatedValue)
        json.member("events", events)
        json.member("frozenOn", frozenOn)
        json.member("id", id)
        json.member("identifiedOn", identifiedOn)
        json.member("identifiers", identifiers)
        json.member("interimSoldOn", interimSoldOn)
        json.member("lastEventOn", lastEventOn)
        json.member("management", management)
        json.member("owners", owners)
        json.member("propertyRole", propertyRole)
        json.member("realisedValue", realisedValue)
        json.member("state", state)
        json.member("valuations", valuations)
        json.member("valueAtConfiscation", valueAtConfiscation)
        json.member("valueAtFreezing", valueAtFreezing)
        json.member("valueMissing", valueMissing)
        json.member("version", version)
    }
}

extension AssetFileResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { asset.writeMembers(to: &$0, events: events, valuations: valuations, management: management) }
    }
}

extension ValuationResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("assetId", assetId)
            $0.member("id", id)
            $0.member("method", method)
            $0.member("recordedBy", recordedBy)
            $0.member("value", value)
            $0.member("valuedOn", valuedOn)
        }
    }
}

extension AssetEventResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("action", action)
            $0.member("actor", actor)
            $0.member("amount", amount)
            $0.member("correctedOn", correctedOn)
            $0.member("correctedTo", correctedTo)
            $0.member("corrects", corrects)
            $0.member("costs", costs)
            $0.member("from", from)
            $0.member("id", id)
            $0.member("occurredOn", occurredOn)
            $0.member("orderId", orderId)
            $0.member("outcome", outcome)
            $0.member("reason", reason)
            $0.member("recipientSubjectId", recipientSubjectId)
            $0.member("recordedAt", recordedAt)
            $0.member("to", to)
        }
    }
}

extension ManagementEventResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("actor", actor)
            $0.member("amount", amount)
            $0.member("assetId", assetId)
            $0.member("id", id)
            $0.member("kind", kind)
            $0.member("manager", manager)
            $0.member("occurredOn", occurredOn)
            $0.member("purpose", purpose)
            $0.member("reason", reason)
            $0.member("recordedAt", recordedAt)
        }
    }
}

extension OrderResource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object {
            $0.member("assets", assets)
            $0.member("caseId", caseId)
            $0.member("confirms", confirms)
            $0.member("confiscationType", confiscationType)
            $0.member("corrections", corrections)
            $0.member("coveredAmount", coveredAmount)
            $0.member("createdAt", createdAt)
            $0.member("decisionDate", decisionDate)
            $0.member("decisionReference", decisionReference)
            $0.member("executedAmounts", executedAmounts)
            $0.member("executedOn", executedOn)
            $0.member("executingState", executingState)
            $0.member("execution", execution)
            $0.member("finalOn", finalOn)
            $0.member("id", id)
            $0.member("issuingAuthority", issuingAuthority)
            $0.member("issuingState", issuingState)
            $0.member("kind", kind)
            $0.member("liftedOn", liftedOn)
            $0.member("liftingGround", liftingGround)
            $0.member("status", status)
            $0.member("subjects", subjects)
            $0.member("urgent", urgent)
            $0.member("version", version)
        }
    }
}

extension OrderAssetResource: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("executed", executed)
            $0.member("executedOn", executedOn)
            $0.member("id", id)
            $0.member("realised", realised)
        }
    }
}

extension OrderCorrectionResource: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("asset", asset)
            $0.member("correctedOn", correctedOn)
            $0.member("reason", reason)
            $0.member("recordedBy", recordedBy)
            $0.member("step", step)
        }
    }
}

extension ExecutedSumResource: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object {
            $0.member("amount", amount)
            $0.member("executedOn", executedOn)
            $0.member("id", id)
        }
    }
}
