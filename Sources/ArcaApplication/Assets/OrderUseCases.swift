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
        let confirms = input.confirms.flatMap { validation.ids("confirms", [$0]).first }
        let assetIDs = validation.ids("assets", input.assets ?? [])
        let subjectIDs = validation.ids("subjects", input.subjects ?? [])
        let covered = input.coveredAmount.flatMap { validation.money("coveredAmount", $0) }
        if let covered, covered.amount == 0 { validation.add("coveredAmount.amount", "positive", "an order covers a sum above zero") }
        try validation.finish()
        guard let kind, let authority, let reference, let decisionDate else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, caller: caller, toRecord: true)
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
                let move = AssetMove(store: store, caller: caller, operation: "CreateOrder")
                for asset in assets {
                    _ = try await move.apply(
                        action, to: asset, on: decisionDate, dayField: "decisionDate", reason: "order \(reference)", orderID: order.id,
                        valueConfiscationOfMoney: order.reachesUnfrozen(asset.category))
                }
            }
            try await store.audit.change("CreateOrder", by: caller, entity: "order", id: order.id.lowercased, after: order)
            return order
        }
    }
}

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

/// Shows an order, and logs the consultation.
public struct ReadOrder: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            let order = try await store.orders.find(id, visibleTo: office).found("order \(id.lowercased)").permit(.read, by: office, "order \(id.lowercased)")
            try await store.audit.appendConsultations(by: caller.auditActor, operation: "ReadOrder", records: [("order", id.lowercased)])
            return order
        }
    }
}

/// Records that a confiscation order became final (Reg 2018/1805 Annex II section B): its
/// assets under ordered confiscation are confiscated for good.
public struct FinaliseOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderFinality, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("finalOn", input.on, today: caller.today(clock()))
        let reason = validation.reason("reason", input.reason)
        try validation.finish()
        guard let day else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "FinaliseOrder").record(
                orderID, of: office, on: day, dayField: "finalOn", reason: reason, step: { (order) throws(OrderRuleError) in try order.becomeFinal(on: day) },
                moves: { before, _, assets in
                    assets.filter { before.holds($0.id, in: $0.state) }.map {
                        PlannedMove(asset: $0, action: .finaliseConfiscation, reason: reason ?? "order \(before.decisionReference) final")
                    }
                })
        }
    }
}

/// Records that an order was carried out on some or all of its assets: a freezing order
/// freezes them (fixing their value at freezing on the first freeze); a final confiscation
/// order realises each asset's value. A value confiscation may be executed as a sum.
public struct ExecuteOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderExecutionInput, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("executedOn", input.on, today: caller.today(clock()))
        let reason = validation.reason("reason", input.reason)
        var named: [(UUID, Money?)] = []
        for (index, part) in (input.assets ?? []).enumerated() {
            let id = validation.required("assets[\(index)].asset", part.asset).flatMap { validation.ids("assets[\(index)].asset", [$0]).first }
            let realised = part.realised.flatMap { validation.money("assets[\(index)].realised", $0) }
            if let id { named.append((id, realised)) }
        }
        let sum = input.amount.flatMap { validation.money("amount", $0) }
        try validation.finish()
        guard let day else { return try unreachable() }

        return try await database.transaction { store in
            var executions: [OrderExecution] = []
            return try await OrderStepRecorder(store: store, caller: caller, operation: "ExecuteOrder").record(
                orderID, of: office, on: day, dayField: "executedOn", reason: reason,
                step: { (order) throws(OrderRuleError) in
                    // Without assets named: the sum given, or else every asset not executed yet.
                    let parts = input.assets != nil ? named : sum != nil ? [] : order.pendingAssetIDs.map { ($0, Money?.none) }
                    executions = parts.map { OrderExecution(assetID: $0.0, executedOn: day, amount: $0.1) }
                    if let sum { executions.append(OrderExecution(assetID: nil, executedOn: day, amount: sum)) }
                    try order.execute(executions)
                },
                newExecutions: { executions },
                moves: { _, after, assets in
                    let executed = Dictionary(executions.compactMap { part in part.assetID.map { ($0, part.amount) } }) { first, _ in first }
                    return assets.compactMap { asset in
                        guard let realised = executed[asset.id] else { return nil }
                        return PlannedMove(
                            asset: asset, action: after.actionWhenExecuted,
                            reason: reason ?? "order \(after.decisionReference) executed", amount: realised)
                    }
                })
        }
    }
}

/// Records that an order was withdrawn or quashed. An asset it held is released only when no
/// other executed order holds it; a lifted confiscation that was not final leaves its assets
/// frozen while a freeze stands (DOMAIN §3.1). Assets that moved on stay where they are.
public struct LiftOrder: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderLifting, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let day = validation.pastDay("liftedOn", input.on, today: caller.today(clock()))
        let ground = validation.required("ground", input.ground, "lifting-ground") { (code) throws(VocabularyError) in
            try LiftingGround(rawValue: code).orRefuse(code, as: "a lifting ground (\(LiftingGround.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let day, let ground, let reason else { return try unreachable() }

        return try await database.transaction { store in
            try await OrderStepRecorder(store: store, caller: caller, operation: "LiftOrder").record(
                orderID, of: office, on: day, dayField: "liftedOn", reason: reason, step: { (order) throws(OrderRuleError) in try order.lift(on: day, ground: ground) },
                moves: { before, _, assets in
                    let stillHeld = try await store.orders.heldByOtherFreezes(assets.map(\.id), besides: before.id)
                    return assets.compactMap { asset in
                        before.liftingMove(for: asset.id, in: asset.state, heldByAnotherFreeze: stillHeld.contains(asset.id)).map {
                            PlannedMove(asset: asset, action: $0, reason: reason)
                        }
                    }
                })
        }
    }
}

/// Corrects the date of a step of an order recorded with a wrong one (DOMAIN §3.1): the order
/// keeps the date first recorded and a correction names the step and the right day; the asset
/// events the step made are corrected alongside, and the assets' values fixed again for their
/// days. The order's dates and each asset's history must stay in order. A correction is
/// rectification, so a closed case takes it too.
public struct CorrectOrderDate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(orderID: UUID, _ input: OrderDateCorrectionInput, by caller: Caller) async throws -> LegalOrder {
        let office = try caller.office(for: .recordCases)
        let today = caller.today(clock())
        var validation = Validation(reading: input)
        let step = validation.required("step", input.step, "order-step") { (code) throws(VocabularyError) in
            try OrderDateStep(rawValue: code).orRefuse(code, as: "a step (\(OrderDateStep.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let asset = input.asset.flatMap { validation.ids("asset", [$0]).first }
        if step == .execution, (input.asset == nil) == (input.execution == nil) {
            validation.add("asset", "required", "an execution is named by its asset, or a sum executed by its execution id: one of them")
        }
        if let step, step != .execution, input.asset != nil || input.execution != nil {
            validation.add("asset", "not-applicable", "only an execution is named by its asset or id")
        }
        let day = validation.pastDay("on", input.on, today: today)
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let step, let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let before = try await store.orders.owned(orderID, by: office, toRecord: false)
            var order = before
            do throws(OrderRuleError) {
                try order.correct(step, asset: asset, execution: input.execution, to: day, reason: reason, by: caller.name)
            } catch {
                if case .noSuchStep = error { throw UseCaseError.invalid(step == .execution ? "asset" : "step", "order-step", error.description) }
                throw UseCaseError.invalid("on", "order-date", "order \(order.decisionReference): \(error.description)")
            }
            let assets = try await store.assets.lock(order.assetIDs, inCase: order.caseID)
            guard try await store.orders.update(order, by: caller.name) else {
                throw UseCaseError.conflict("order \(orderID.lowercased) was changed meanwhile: try again")
            }
            guard let correction = order.corrections.last else { return try unreachable() }
            try await store.orders.addCorrection(correction, of: orderID)
            let corrector = EventDateCorrector(store: store, caller: caller, operation: "CorrectOrderDate")
            let actions = order.assetActions(of: step)
            for asset in assets where step != .execution || asset.id == correction.asset {
                let history = AssetHistory(events: try await store.assetEvents.forAsset(asset.id))
                // An event the migration already dated right needs no correction of its own.
                for event in history.moves where event.orderID == orderID && actions.contains(event.action) && history.day(of: event) != day {
                    guard let eventID = event.id else { continue }
                    do throws(DateCorrectionError) {
                        _ = try history.checkCorrection(of: eventID, to: day, byOrder: orderID)
                    } catch {
                        throw UseCaseError.invalid("on", "event-date-correction", "asset \(asset.id.lowercased): \(error.description)")
                    }
                    _ = try await corrector.correct(
                        event, of: try await store.assets.owned(asset.id, by: office, locked: true), to: day, recordedOn: today, reason: reason)
                }
            }
            try await store.audit.change("CorrectOrderDate", by: caller, entity: "order", id: orderID.lowercased, before: before, after: order, reason: reason)
            return order
        }
    }
}

/// How one asset moves in an order's step.
struct PlannedMove {
    let asset: Asset
    let action: AssetAction
    let reason: String
    var amount: Money? = nil
}

/// One step in an order's life, in the use case's transaction: the order changes, each of
/// its assets moves as the step says, and both are audited.
struct OrderStepRecorder {
    let store: Store
    let caller: Caller
    let operation: String

    /// `moves` sees the order before and after the step and its assets (locked), and says
    /// how each moves.
    func record(
        _ orderID: UUID, of office: OfficeCode, on day: Day, dayField: String, reason: String?, step: (inout LegalOrder) throws(OrderRuleError) -> Void,
        newExecutions: () -> [OrderExecution] = { [] },
        moves: (LegalOrder, LegalOrder, [Asset]) async throws -> [PlannedMove]
    ) async throws -> LegalOrder {
        let before = try await store.orders.owned(orderID, by: office)
        var order = before
        do throws(OrderRuleError) {
            try step(&order)
        } catch {
            throw error.isAboutTheRequest
                ? UseCaseError.invalid(
                    error.isAboutTheDay ? dayField : error.field, "order", "order \(order.decisionReference): \(error.description)")
                : UseCaseError.conflict("order \(order.decisionReference): \(error.description)")
        }
        // The assets are locked before the executions naming them are written, as every use
        // case locks order, then assets: two steps on one asset wait for each other, never
        // for each other's foreign-key checks.
        let assets = try await store.assets.lock(order.assetIDs, inCase: order.caseID)
        guard try await store.orders.update(order, newExecutions: newExecutions(), by: caller.name) else {
            throw UseCaseError.conflict("order \(orderID.lowercased) was changed meanwhile: try again")
        }
        let mover = AssetMove(store: store, caller: caller, operation: operation)
        for planned in try await moves(before, order, assets) {
            _ = try await mover.apply(
                planned.action, to: planned.asset, on: day, dayField: dayField, reason: planned.reason, orderID: order.id,
                amount: planned.amount)
        }
        try await store.audit.change(operation, by: caller, entity: "order", id: orderID.lowercased, before: before, after: order, reason: reason)
        return order
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

    var isAboutTheDay: Bool {
        switch self {
        case .beforeDecision, .executedBeforeFinal, .liftedBeforeExecution: return true
        default: return false
        }
    }
}

extension OrderRepository {
    /// The order, locked, when the caller's office owns its case and, `toRecord`, the case is
    /// open (a correction, being rectification, is taken in a closed case too).
    func owned(_ id: UUID, by office: OfficeCode, toRecord: Bool = true) async throws -> LegalOrder {
        let found = try await find(id, visibleTo: office, forUpdate: true).found("order \(id.lowercased)")
        return try found.permit(toRecord ? .record : .change, by: office, "order \(found.record.decisionReference)")
    }
}
