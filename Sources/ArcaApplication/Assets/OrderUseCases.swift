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
        var validation = Validation()
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
        let decisionDate = validation.pastDay("decisionDate", input.decisionDate, today: Day(now))
        let assetIDs = validation.ids("assets", input.assets ?? [])
        let covered = input.coveredAmount.flatMap { validation.money("coveredAmount", $0) }
        if let covered, covered.amount == 0 { validation.add("coveredAmount.amount", "positive", "an order covers a sum above zero") }
        try validation.finish()
        guard let kind, let authority, let reference, let decisionDate else { return try unreachable() }
        let order: LegalOrder
        do {
            order = try LegalOrder(
                id: UUID(), caseID: caseID, kind: kind, urgent: input.urgent ?? false, confiscationType: type,
                issuingAuthority: authority, decisionReference: reference, decisionDate: decisionDate, coveredAmount: covered,
                assetIDs: assetIDs, status: .issued, executedOn: nil, liftedOn: nil, version: 1, createdAt: now)
        } catch {
            let field: String
            switch error {
            case .confiscationType: field = "confiscationType"
            case .urgentConfiscation: field = "urgent"
            default: field = "assets"
            }
            throw UseCaseError.invalid(field, "order", error.description)
        }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, caller: caller)
            let assets = try await store.assets.lock(order.assetIDs, inCase: caseID)
            let found = Set(assets.map(\.id))
            var check = Validation()
            for (index, id) in order.assetIDs.enumerated() where !found.contains(id) {
                check.add("assets[\(index)]", "asset-of-case", "\(id.lowercased) is not an asset of this case")
            }
            try check.finish()
            try await store.orders.add(order)
            if let action = order.actionWhenIssued {
                let move = AssetMove(store: store, caller: caller, operation: "CreateOrder")
                for asset in assets {
                    _ = try await move.apply(
                        action, to: asset, on: decisionDate, reason: "order \(reference)", orderID: order.id,
                        valueConfiscationOfMoney: order.reachesUnfrozen(asset.category))
                }
            }
            try await store.audit.change("CreateOrder", by: caller, entity: "order", id: order.id.lowercased, after: order)
            return order
        }
    }
}

/// Shows an order, and logs the consultation.
public struct ReadOrder: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            guard let found = try await store.orders.find(id, visibleTo: office) else { throw UseCaseError.notFound("order \(id.lowercased)") }
            try await store.audit.appendConsultations(by: caller.auditActor, operation: "ReadOrder", records: [("order", id.lowercased)])
            return found.order
        }
    }
}

/// Records that an order was carried out: a freezing order freezes its assets (fixing
/// their value at freezing); a confiscation order's confiscation becomes final.
public struct ExecuteOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ step: OrderStep, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation()
        let day = validation.pastDay("executedOn", step.on, today: Day(clock()))
        let reason = validation.reason("reason", step.reason)
        try validation.finish()
        guard let day else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "ExecuteOrder").record(
                orderID, of: office, reason: reason, step: { (order) throws(OrderRuleError) in try order.execute(on: day) },
                move: { order, _ in (order.actionWhenExecuted, day, reason ?? "order \(order.decisionReference) executed") })
        }
    }
}

/// Records that an order was withdrawn or quashed: the assets it holds are released. Assets
/// that have moved on (confiscated under a later order, sold, restituted) stay where they are.
public struct LiftOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ step: OrderStep, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation()
        let day = validation.pastDay("liftedOn", step.on, today: Day(clock()))
        let reason = validation.required("reason", step.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "LiftOrder").record(
                orderID, of: office, reason: reason, step: { (order) throws(OrderRuleError) in try order.lift(on: day) },
                move: { before, asset in before.holds(asset.state) ? (.release, day, reason) : nil })
        }
    }
}

/// One step in an order's life, in the use case's transaction: the order changes, each of
/// its assets moves as the step says, and both are audited.
struct OrderStepRecorder {
    let store: Store
    let caller: Caller
    let operation: String

    /// `move` sees the order as it was before the step and each of its assets, and says how
    /// the asset moves (action, day, reason), or nil to leave it.
    func record(
        _ orderID: UUID, of office: OfficeCode, reason: String?, step: (inout LegalOrder) throws(OrderRuleError) -> Void,
        move: (LegalOrder, Asset) -> (AssetAction, Day, String?)?
    ) async throws -> LegalOrder {
        let before = try await store.orders.owned(orderID, by: office)
        var order = before
        do throws(OrderRuleError) {
            try step(&order)
        } catch {
            throw UseCaseError.conflict("order \(order.decisionReference): \(error.description)")
        }
        guard try await store.orders.update(order) else { throw UseCaseError.stale("order \(orderID.lowercased) was changed meanwhile: try again") }
        let mover = AssetMove(store: store, caller: caller, operation: operation)
        for asset in try await store.assets.lock(order.assetIDs, inCase: order.caseID) {
            guard let (action, day, why) = move(before, asset) else { continue }
            _ = try await mover.apply(action, to: asset, on: day, reason: why, orderID: order.id)
        }
        try await store.audit.change(operation, by: caller, entity: "order", id: orderID.lowercased, before: before, after: order, reason: reason)
        return order
    }
}

extension OrderRepository {
    /// The order, locked, when the caller's office owns its case.
    func owned(_ id: UUID, by office: OfficeCode) async throws -> LegalOrder {
        guard let found = try await find(id, visibleTo: office, forUpdate: true) else { throw UseCaseError.notFound("order \(id.lowercased)") }
        guard found.office == office else {
            throw UseCaseError.forbidden("order \(id.lowercased) is in a case of \(found.office); it is only shared with \(office)")
        }
        return found.order
    }
}
