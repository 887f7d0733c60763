import ArcaDomain
import ArcaPersistence
import Foundation

/// Records a freezing or confiscation order in a case of the caller's office. A
/// confiscation order puts its assets under ordered confiscation at once.
public struct CreateOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(caseID: UUID, _ input: NewOrder, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let kind = validation.required("kind", input.kind, "order-kind") { (code) throws(VocabularyError) in
            try LegalOrder.Kind(rawValue: code).orRefuse(code, as: "freezing or confiscation")
        }
        let type = validation.optional("confiscationType", input.confiscationType, "confiscation-type") { (code) throws(VocabularyError) in
            try ConfiscationType(rawValue: code).orRefuse(
                code, as: "a confiscation type (\(ConfiscationType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let authority = validation.required("issuingAuthority", input.issuingAuthority, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: LegalOrder.authorityLength, what: "the issuing authority")
        }
        let reference = validation.required("decisionReference", input.decisionReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: LegalOrder.decisionReferenceLength, what: "the decision reference")
        }
        let issuingState = input.issuingState.flatMap { validation.country("issuingState", $0) }
        let executingState = input.executingState.flatMap { validation.country("executingState", $0) }
        let decisionDate = validation.pastDay("decisionDate", input.decisionDate, today: caller.today(now))
        let confirms = input.confirms.flatMap { validation.id("confirms", $0) }
        let assetIDs = validation.ids("assets", input.assets ?? [])
        let subjectIDs = validation.ids("subjects", input.subjects ?? [])
        let covered = input.coveredAmount.flatMap { validation.money("coveredAmount", $0) }
        if let covered, covered.amount == 0 { validation.add("coveredAmount.amount", "positive", "an order covers a sum above zero") }
        try validation.finish()
        guard let kind, let authority, let reference, let decisionDate else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, toRecord: true)
            let home = try await store.offices.homeState(of: office)
            let assets = try await store.assets.lock(assetIDs, inCase: caseID)
            let found = Set(assets.map(\.id))
            var check = Validation()
            for (index, id) in assetIDs.enumerated() where !found.contains(id) {
                check.add("assets[\(index)]", "asset-of-case", "\(id.lowercased) is not an asset of this case")
            }
            try check.finish()
            let order: LegalOrder
            do throws(OrderRuleError) {
                let executes = try LegalOrder.executingState(named: executingState, home: home, assetsLocatedIn: Set(assets.map(\.country)))
                order = try LegalOrder(
                    id: UUID(), caseID: caseID, kind: kind, urgent: input.urgent ?? false, confirms: confirms, confiscationType: type,
                    issuingState: issuingState ?? home, issuingAuthority: authority, executingState: executes,
                    decisionReference: reference, decisionDate: decisionDate, coveredAmount: covered, assetIDs: assetIDs,
                    subjectIDs: subjectIDs, status: .issued, version: 1, createdAt: now)
                try order.checkNew()
            } catch {
                throw UseCaseError.invalid(error.field, "order", error.description)
            }
            if let confirms { try await store.orders.checkConfirmable(confirms, inCase: caseID) }
            try await store.subjects.checkMembers(subjectIDs, of: caseID, field: "subjects")
            try await store.orders.add(order)
            if let action = order.actionWhenIssued {
                try await AssetMove(store: store, caller: caller, operation: "CreateOrder").apply(
                    assets.map { asset in
                        PlannedMove(
                            asset: asset, action: action, reason: "order \(reference)", valueConfiscationOfMoney: order.reachesUnfrozen(asset.category))
                    },
                    on: decisionDate, dayField: "decisionDate", orderID: order.id)
            }
            try await store.audit.change("CreateOrder", by: caller, entity: "order", id: order.id.lowercased, after: order)
            return order
        }
    }
}

extension OrderRepository {
    /// Refuses to confirm anything but an urgent freeze of the same case that still stands.
    func checkConfirmable(_ id: UUID, inCase caseID: UUID) async throws {
        let urgent = try await inCase(caseID).first { $0.id == id }
        guard let urgent, urgent.kind == .freezing, urgent.urgent, urgent.status != .lifted else {
            throw UseCaseError.invalid("confirms", "urgent-order-of-case", "\(id.lowercased) is not a standing urgent freezing order of this case")
        }
    }
}

extension OfficeRepository {
    /// The Member State whose office this is: orders issued and executed there are domestic.
    func homeState(of code: OfficeCode) async throws -> CountryCode {
        guard let office = try await find(code) else { throw UseCaseError.forbidden("office \(code) is not registered") }
        return try CountryCode(office.memberState.code)
    }
}
