import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves one asset and records the move: the new state and values, an event, and an
/// audit entry, in the caller's transaction. Every transition goes through here.
struct AssetMove {
    let store: Store
    let caller: Caller
    let operation: String

    /// `dayField` names the request's date, which a refusal of a date before the asset's
    /// latest event names too.
    func apply(
        _ action: AssetAction, to asset: Asset, on day: Day, dayField: String, reason: String, orderID: UUID? = nil,
        valueConfiscationOfMoney: Bool = false, amount: Money? = nil, outcome: DisposalOutcome? = nil
    ) async throws -> Asset {
        do throws(EventDateError) {
            try asset.checkEventDate(day)
        } catch {
            throw UseCaseError.invalid(dayField, "not-before-last-event", "asset \(asset.id.lowercased): \(error.description)")
        }
        if action == .sellInterim, let amount {
            // The asset is replaced by its proceeds: the price is its value from that day.
            let sale = Valuation(id: UUID(), assetID: asset.id, valuedOn: day, method: .sale, value: amount, recordedBy: caller.name)
            try await store.valuations.add(sale)
            try await store.audit.change(operation, by: caller, entity: "valuation", id: sale.id.lowercased, after: sale, reason: reason)
        }
        let valuations = try await store.valuations.forAsset(asset.id)
        var moved = asset
        do throws(AssetTransitionError) {
            try moved.apply(action, on: day, valuations: valuations, valueConfiscationOfMoney: valueConfiscationOfMoney, realised: amount)
        } catch {
            throw UseCaseError.conflict("asset \(asset.id.lowercased) (\(asset.description.prefix(60))): \(error.description)")
        }
        moved.version += 1
        guard try await store.assets.update(moved) else {
            throw UseCaseError.conflict("asset \(asset.id.lowercased) was changed meanwhile: try again")
        }
        try await store.assetEvents.append(
            assetID: asset.id,
            AssetEvent(
                action: action.rawValue, from: asset.state, to: moved.state, occurredOn: day, actor: caller.name, reason: reason,
                orderID: orderID, amount: Self.amount(of: action, before: asset, after: moved, given: amount), outcome: outcome))
        try await store.audit.change(operation, by: caller, entity: "asset", id: asset.id.lowercased, before: asset, after: moved, reason: reason)
        return moved
    }

    /// The amount an event carries: the value it fixed, or the price or sum it names.
    static func amount(of action: AssetAction, before: Asset, after: Asset, given: Money?) -> Money? {
        switch action {
        case .freeze: return before.frozenOn == nil ? after.valueAtFreezing : nil
        case .orderConfiscation: return after.valueAtConfiscation
        case .sellInterim, .recordRecovery: return given
        default: return nil
        }
    }
}

extension AssetRepository {
    /// The asset, for a change by the office owning its case (see `Owned`). `toRecord` locks
    /// it for the change (a concurrent freeze then sees a new valuation, and the reverse) and
    /// refuses an asset of a closed case, which takes no new events; `locked` locks it without
    /// refusing a closed case (a correction is rectification).
    func owned(_ id: UUID, by office: OfficeCode, toRecord: Bool = false, locked: Bool = false) async throws -> Asset {
        let what = "asset \(id.lowercased)"
        return try await find(id, visibleTo: office, forUpdate: toRecord || locked).found(what).permit(toRecord ? .record : .change, by: office, what)
    }
}

/// Records a piece of property identified in a case of the caller's office.
public struct AddAsset: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(caseID: UUID, _ input: NewAsset, by caller: Caller) async throws -> Asset {
        let office = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let category = validation.required("category", input.category, "asset-category") { (code) throws(VocabularyError) in
            try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category (see GET /v1/vocabularies)")
        }
        let description = validation.required("description", input.description).flatMap { validation.assetDescription($0) }
        let identifiers = validation.identifiers(input.identifiers)
        let country = validation.required("country", input.country).flatMap { validation.country("country", $0) }
        let role = input.propertyRole.flatMap { validation.propertyRole($0) }
        let owners = validation.ids("owners", input.owners ?? [])
        let estimate = input.estimatedValue.flatMap { validation.money("estimatedValue", $0) }
        let identifiedOn = validation.pastDay("identifiedOn", input.identifiedOn, today: caller.today(now), required: false) ?? caller.today(now)
        try validation.finish()
        guard let category, let description, let country else { return try unreachable() }

        return try await database.transaction { store in
            _ = try await store.cases.owned(caseID, by: office, caller: caller, toRecord: true)
            try await store.subjects.checkOwners(owners, of: caseID)
            let asset = Asset(
                id: UUID(), caseID: caseID, category: category, description: description, identifiers: identifiers,
                country: country, propertyRole: role, owners: owners, state: .identified, estimatedValue: estimate,
                identifiedOn: identifiedOn, version: 1, createdAt: now)
            try await store.assets.add(asset)
            try await store.assetEvents.append(
                assetID: asset.id,
                AssetEvent(
                    action: "identify", from: nil, to: .identified, occurredOn: identifiedOn, actor: caller.name,
                    reason: "identified and recorded", orderID: nil, amount: estimate))
            try await store.audit.change("AddAsset", by: caller, entity: "asset", id: asset.id.lowercased, after: asset)
            if let estimate {
                // The estimate typed with the asset is a valuation of its day, so that a freeze
                // or confiscation finds it by date like any other.
                let valuation = Valuation(
                    id: UUID(), assetID: asset.id, valuedOn: identifiedOn, method: .estimate, value: estimate, recordedBy: caller.name)
                try await store.valuations.add(valuation)
                try await store.audit.change("AddAsset", by: caller, entity: "valuation", id: valuation.id.lowercased, after: valuation)
            }
            return asset
        }
    }
}

/// Corrects an asset's record (description, identifiers, country, property role, owners),
/// provided the caller saw its current version. Its state and values change only by moves.
public struct UpdateAsset: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, changes: AssetChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Asset {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let description = changes.description.flatMap { validation.assetDescription($0) }
        let identifiers = changes.identifiers.parsed { validation.identifiers($0) }
        let country = changes.country.flatMap { validation.country("country", $0) }
        let role = changes.propertyRole.parsed { validation.propertyRole($0) }
        let owners = changes.owners.map { validation.ids("owners", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.assets.owned(id, by: office)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "asset \(id.lowercased)")
            if let owners { try await store.subjects.checkOwners(owners, of: current.caseID) }
            var changed = current
            changed.description = description ?? current.description
            changed.identifiers = identifiers.applied(to: current.identifiers) ?? AssetIdentifiers()
            changed.country = country ?? current.country
            changed.propertyRole = role.applied(to: current.propertyRole)
            changed.owners = owners ?? current.owners
            changed.version += 1
            guard try await store.assets.updateRecord(changed) else {
                throw UseCaseError.stale("asset \(id.lowercased) was changed meanwhile: read it again")
            }
            try await store.audit.change("UpdateAsset", by: caller, entity: "asset", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}

extension SubjectRepository {
    /// Refuses owners that are not subjects of the asset's case.
    func checkOwners(_ owners: [UUID], of caseID: UUID) async throws {
        try await checkMembers(owners, of: caseID, field: "owners")
    }

    /// Refuses ids, given in `field`, that are not subjects of the case.
    func checkMembers(_ ids: [UUID], of caseID: UUID, field: String) async throws {
        guard !ids.isEmpty else { return }
        let subjects = Set(try await inCase(caseID).map(\.id))
        var check = Validation()
        for (index, id) in ids.enumerated() where !subjects.contains(id) {
            check.add("\(field)[\(index)]", "subject-of-case", "\(id.lowercased) is not a subject of this case")
        }
        try check.finish()
    }
}

/// Shows an asset with its valuations and history, and logs the consultation.
public struct ReadAsset: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> AssetFile {
        let office = try caller.office(for: .readCases)
        return try await database.transaction { store in
            let asset = try await store.assets.find(id, visibleTo: office).found("asset \(id.lowercased)").permit(.read, by: office, "asset \(id.lowercased)")
            let file = AssetFile(
                asset: asset, valuations: try await store.valuations.forAsset(id), events: try await store.assetEvents.forAsset(id))
            try await store.audit.appendConsultations(by: caller.auditActor, operation: "ReadAsset", records: [("asset", id.lowercased)])
            return file
        }
    }
}

/// Lists the assets in cases the caller's office may see, newest identified first.
public struct ListAssets: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(_ request: AssetListRequest, by caller: Caller) async throws -> Page<Asset> {
        let office = try caller.office(for: .readCases)
        var validation = Validation()
        var filter = AssetFilter(office: office, limit: validation.pageLimit(request.limit))
        if let text = request.caseID {
            filter.caseID = validation.ids("case", [text]).first
        }
        filter.category = validation.optional("category", request.category, "asset-category") { (code) throws(VocabularyError) in
            try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category")
        }
        filter.country = validation.optional("country", request.country, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
        filter.state = validation.optional("state", request.state, "asset-state") { (code) throws(VocabularyError) in
            try AssetState(rawValue: code).orRefuse(code, as: "an asset state")
        }
        filter.identifiedFrom = validation.optional("identifiedFrom", request.identifiedFrom, "date") { (text) throws(DayError) in try Day(text) }
        filter.identifiedTo = validation.optional("identifiedTo", request.identifiedTo, "date") { (text) throws(DayError) in try Day(text) }
        filter.text = validation.optional("q", request.text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: CaseFilter.textLength, what: "the search text")
        }
        filter.valueMissing = validation.optional("valueMissing", request.valueMissing, "boolean") { (text) throws(VocabularyError) in
            try ["true": true, "false": false][text].orRefuse(text, as: "true or false")
        }
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.position(text) }
        try validation.finish()

        return try await database.transaction { store in
            let rows = try await store.assets.list(filter).map(\.record)
            let page = Page(rows: rows, limit: filter.limit) { Cursor.text(ListPosition(day: $0.identifiedOn, id: $0.id)) }
            try await store.audit.recordSearch("ListAssets", by: caller, entity: "asset", filter: filter, shown: page.items.map(\.id.lowercased))
            return page
        }
    }
}

/// Records an estimate of an asset's value. The latest by date becomes its estimated value;
/// one dated on or before the day the asset was frozen or put under confiscation re-fixes
/// that value, whenever it is entered (DOMAIN §3.1), and the re-fixing is audited.
public struct RecordValuation: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, _ input: NewValuation, by caller: Caller) async throws -> Valuation {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let valuedOn = validation.pastDay("valuedOn", input.valuedOn, today: caller.today(clock()))
        let method = validation.required("method", input.method, "valuation-method") { (code) throws(VocabularyError) in
            try ValuationMethod(rawValue: code).orRefuse(code, as: "a valuation method (\(ValuationMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let value = validation.required("value", input.value).flatMap { validation.money("value", $0) }
        try validation.finish()
        guard let valuedOn, let method, let value else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, toRecord: true)
            let valuation = Valuation(id: UUID(), assetID: assetID, valuedOn: valuedOn, method: method, value: value, recordedBy: caller.name)
            try await store.valuations.add(valuation)
            try await store.audit.change("RecordValuation", by: caller, entity: "valuation", id: valuation.id.lowercased, after: valuation)
            var revalued = asset
            revalued.fixValues(from: try await store.valuations.forAsset(assetID))
            if revalued != asset {
                revalued.version += 1
                guard try await store.assets.update(revalued) else { throw UseCaseError.conflict("asset \(assetID.lowercased) was changed meanwhile: try again") }
                try await store.audit.change(
                    "RecordValuation", by: caller, entity: "asset", id: assetID.lowercased, before: asset, after: revalued,
                    reason: "valuation of \(valuedOn) recorded")
            }
            return valuation
        }
    }
}

/// Records a move of an asset that no order makes (DOMAIN §3.1): tracing, an interim sale
/// (with its price), disposal (with its outcome), restitution, closing. Freezing,
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
        for error in action?.checkDirect(amount: input.amount != nil, outcome: input.outcome != nil) ?? [] {
            switch error {
            case .byOrder: validation.add("action", "by-order", error.description)
            case .priceRequired: validation.add("amount", "required", error.description)
            case .amountNotApplicable: validation.add("amount", "not-applicable", error.description)
            case .outcomeRequired: validation.add("outcome", "required", error.description)
            case .outcomeNotApplicable: validation.add("outcome", "not-applicable", error.description)
            }
        }
        try validation.finish()
        guard let action, let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, toRecord: true)
            return try await AssetMove(store: store, caller: caller, operation: "RecordAssetEvent")
                .apply(action, to: asset, on: day, dayField: "occurredOn", reason: reason, amount: amount, outcome: outcome)
        }
    }
}

/// Corrects the date of a move recorded with a wrong one: a new event says which day it
/// really was, and the ledger keeps both (DOMAIN §3.1). A correction is rectification
/// (Dir 2016/680 Art 16), so a closed case takes it too.
public struct CorrectEventDate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(assetID: UUID, eventID: Int64, _ input: EventDateCorrection, by caller: Caller) async throws -> AssetFile {
        let office = try caller.office(for: .recordCases)
        let today = caller.today(clock())
        var validation = Validation(reading: input)
        let day = validation.pastDay("occurredOn", input.occurredOn, today: today)
        let reason = validation.required("reason", input.reason).flatMap { validation.reason("reason", $0) }
        try validation.finish()
        guard let day, let reason else { return try unreachable() }

        return try await database.transaction { store in
            let asset = try await store.assets.owned(assetID, by: office, locked: true)
            let history = AssetHistory(events: try await store.assetEvents.forAsset(assetID))
            let event: AssetEvent
            do throws(DateCorrectionError) {
                event = try history.checkCorrection(of: eventID, to: day)
            } catch {
                if case .noSuchMove = error { throw UseCaseError.notFound("event \(eventID) of asset \(assetID.lowercased)") }
                throw UseCaseError.invalid("occurredOn", "event-date-correction", error.description)
            }
            let changed = try await EventDateCorrector(store: store, caller: caller, operation: "CorrectEventDate")
                .correct(event, of: asset, to: day, recordedOn: today, reason: reason)
            let corrected = try await store.assetEvents.forAsset(assetID)
            return AssetFile(asset: changed, valuations: try await store.valuations.forAsset(assetID), events: corrected)
        }
    }
}

/// Records that an asset event happened on another day than recorded, in the caller's
/// transaction: a `correct_date` event, the asset's days and values taken again from its
/// history, and the audit entry. Corrections of an asset's own moves and of an order's steps
/// both go through here.
struct EventDateCorrector {
    let store: Store
    let caller: Caller
    let operation: String

    func correct(_ event: AssetEvent, of asset: Asset, to day: Day, recordedOn today: Day, reason: String) async throws -> Asset {
        guard let eventID = event.id else { return try unreachable() }
        let wrongDay = AssetHistory(events: try await store.assetEvents.forAsset(asset.id)).day(of: event)
        try await store.assetEvents.append(
            assetID: asset.id,
            AssetEvent(
                action: AssetEvent.correctDate, from: asset.state, to: asset.state, occurredOn: today, actor: caller.name, reason: reason,
                orderID: event.orderID, correction: DateCorrection(eventID: eventID, correctedOn: day)))
        // The estimate typed with the asset was its value on the day it was identified, and an
        // interim sale's price its value on the day of the sale: they move with their day.
        let dated: [String: ValuationMethod] = ["identify": .estimate, AssetAction.sellInterim.rawValue: .sale]
        if let method = dated[event.action] {
            for moved in try await store.valuations.redate(method, of: asset.id, from: wrongDay, to: day) {
                try await store.audit.change(operation, by: caller, entity: "valuation", id: moved.id.lowercased, after: moved, reason: reason)
            }
        }
        var changed = asset
        changed.redate(
            from: AssetHistory(events: try await store.assetEvents.forAsset(asset.id)), valuations: try await store.valuations.forAsset(asset.id))
        changed.version += 1
        guard try await store.assets.update(changed) else { throw UseCaseError.conflict("asset \(asset.id.lowercased) was changed meanwhile: try again") }
        try await store.audit.change(operation, by: caller, entity: "asset", id: asset.id.lowercased, before: asset, after: changed, reason: reason)
        return changed
    }
}
