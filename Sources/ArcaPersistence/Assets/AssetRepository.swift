import ArcaDomain
import Foundation
import LibPQ

public struct AssetRepository: Sendable {
    let db: Transaction

    static let columns = """
        a.id, a.case_id, a.category, a.description, a.iban, a.vin, a.land_registry_reference, a.wallet_address,
        a.registration_mark, a.country, a.property_role, a.state, a.estimated_amount::text, a.estimated_currency,
        a.freezing_amount::text, a.freezing_currency, a.confiscation_amount::text, a.confiscation_currency,
        a.realised_amount::text, a.realised_currency, a.identified_on::text, a.version, a.created_at,
        ARRAY(SELECT o.subject_id::text FROM asset_owner o WHERE o.asset_id = a.id ORDER BY o.subject_id), c.office_code,
        a.frozen_on::text, a.confiscation_ordered_on::text, a.last_event_on::text, c.status, a.interim_sold_on::text
        """

    static let visible = """
        FROM asset a JOIN case_file c ON c.id = a.case_id
        WHERE \(OfficeAccessSQL.caseVisible(to: "$1"))
        """

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func add(_ asset: Asset) async throws {
        try await db.write(
            """
            INSERT INTO asset (id, case_id, category, description, iban, vin, land_registry_reference, wallet_address,
                registration_mark, country, property_role, state, estimated_amount, estimated_currency, identified_on,
                version, created_at, last_event_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::numeric, $14, $15::date, $16, $17, $18::date)
            """,
            [
                asset.id, asset.caseID, asset.category.rawValue, asset.description, asset.identifiers.iban?.value,
                asset.identifiers.vin?.value, asset.identifiers.landRegistryReference, asset.identifiers.walletAddress,
                asset.identifiers.registrationMark, asset.country.value, asset.propertyRole?.rawValue, asset.state.rawValue,
                asset.estimatedValue?.amount, asset.estimatedValue?.currency.code, asset.identifiedOn.description,
                asset.version, asset.createdAt, asset.lastEventOn.description,
            ])
        if !asset.owners.isEmpty {
            try await db.write(
                "INSERT INTO asset_owner (asset_id, subject_id) SELECT $1, unnest($2::text[])::uuid",
                [asset.id, asset.owners.map(\.lowercased)])
        }
    }

    /// The asset, if `office` may see its case; locked for a change when asked, with its
    /// case held as it is (not closed meanwhile) until the transaction ends.
    public func find(_ id: UUID, visibleTo office: OfficeCode, forUpdate: Bool = false) async throws -> Owned<Asset>? {
        try await db.query(
            "SELECT \(Self.columns) \(Self.visible) AND a.id = $2 \(forUpdate ? "FOR NO KEY UPDATE OF a FOR SHARE OF c" : "")", [office.value, id]
        ).first.map(Self.decode)
    }

    /// The assets of a case, in the order they were recorded.
    public func inCase(_ caseID: UUID) async throws -> [Asset] {
        try await db.query(
            "SELECT \(Self.columns) FROM asset a JOIN case_file c ON c.id = a.case_id WHERE a.case_id = $1 ORDER BY a.created_at, a.id",
            [caseID]
        ).map { try Self.decode($0).record }
    }

    /// Locks the assets for a change and returns them; ids not in `caseID` are left out. The
    /// lock (NO KEY UPDATE) leaves foreign-key checks of rows naming them free to proceed.
    public func lock(_ ids: [UUID], inCase caseID: UUID) async throws -> [Asset] {
        try await db.query(
            """
            SELECT \(Self.columns) FROM asset a JOIN case_file c ON c.id = a.case_id
            WHERE a.case_id = $1 AND a.id = ANY($2::text[]::uuid[]) ORDER BY a.id FOR NO KEY UPDATE OF a
            """, [caseID, ids.map(\.lowercased)]
        ).map { try Self.decode($0).record }
    }

    /// Stores the asset's state, values and days (identified, frozen, confiscation ordered,
    /// latest event) if it is still at version `asset.version - 1`.
    public func update(_ asset: Asset) async throws -> Bool {
        try await db.execute(Self.updateState, Self.stateParameters(asset)) == 1
    }

    /// Stores each asset as `update` does, all in one round trip; returns the ids of those no
    /// longer at the version before theirs.
    public func update(_ assets: [Asset]) async throws -> [UUID] {
        let results = try await db.pipeline(assets.map { Statement(Self.updateState, Self.stateParameters($0)) })
        return zip(assets, results).filter { $0.1.affectedRows != 1 }.map(\.0.id)
    }

    private static let updateState = """
        UPDATE asset SET state = $3, estimated_amount = $4::numeric, estimated_currency = $5,
            freezing_amount = $6::numeric, freezing_currency = $7, confiscation_amount = $8::numeric,
            confiscation_currency = $9, realised_amount = $10::numeric, realised_currency = $11, version = $2,
            frozen_on = $12::date, confiscation_ordered_on = $13::date, last_event_on = $14::date, identified_on = $15::date,
            interim_sold_on = $16::date
        WHERE id = $1 AND version = $2 - 1
        """

    private static func stateParameters(_ asset: Asset) -> [any PostgresEncodable] {
        [
            asset.id, asset.version, asset.state.rawValue, asset.estimatedValue?.amount, asset.estimatedValue?.currency.code,
            asset.valueAtFreezing?.amount, asset.valueAtFreezing?.currency.code, asset.valueAtConfiscation?.amount,
            asset.valueAtConfiscation?.currency.code, asset.realisedValue?.amount, asset.realisedValue?.currency.code,
            asset.frozenOn?.description, asset.confiscationOrderedOn?.description, asset.lastEventOn.description,
            asset.identifiedOn.description, asset.interimSoldOn?.description,
        ]
    }

    /// Stores what a user may correct (description, identifiers, country, property role,
    /// owners) if the asset is still at version `asset.version - 1`.
    public func updateRecord(_ asset: Asset) async throws -> Bool {
        let updated = try await db.execute(
            """
            UPDATE asset SET description = $3, iban = $4, vin = $5, land_registry_reference = $6, wallet_address = $7,
                registration_mark = $8, country = $9, property_role = $10, version = $2
            WHERE id = $1 AND version = $2 - 1
            """,
            [
                asset.id, asset.version, asset.description, asset.identifiers.iban?.value, asset.identifiers.vin?.value,
                asset.identifiers.landRegistryReference, asset.identifiers.walletAddress, asset.identifiers.registrationMark,
                asset.country.value, asset.propertyRole?.rawValue,
            ])
        guard updated == 1 else { return false }
        try await db.execute("DELETE FROM asset_owner WHERE asset_id = $1", [asset.id])
        if !asset.owners.isEmpty {
            try await db.execute(
                "INSERT INTO asset_owner (asset_id, subject_id) SELECT $1, unnest($2::text[])::uuid", [asset.id, asset.owners.map(\.lowercased)])
        }
        return true
    }

    /// What the asset list's `q` searches, exactly as migration 0012 indexes it.
    static let searchText = """
        (a.description || ' ' || coalesce(a.iban, '') || ' ' || coalesce(a.vin, '') || ' ' || coalesce(a.land_registry_reference, '') \
        || ' ' || coalesce(a.wallet_address, '') || ' ' || coalesce(a.registration_mark, ''))
        """

    /// One page of the assets `filter` selects, plus one more when there are more.
    public func list(_ filter: AssetFilter) async throws -> [Owned<Asset>] {
        let sql = Self.listQuery(filter)
        return try await db.query(sql.text, sql.parameters).map(Self.decode)
    }

    /// The statement `list` sends, which a test explains to show it reads by index.
    static func listQuery(_ filter: AssetFilter) -> SQLBuilder {
        var sql = SQLBuilder("SELECT \(Self.columns) \(Self.visible)", filter.office.value)
        if let caseID = filter.caseID { sql.and("a.case_id = ?", caseID) }
        if let category = filter.category { sql.and("a.category = ?", category.rawValue) }
        if let country = filter.country { sql.and("a.country = ?", country.value) }
        if let state = filter.state { sql.and("a.state = ?", state.rawValue) }
        if let from = filter.identifiedFrom { sql.and("a.identified_on >= ?::date", from.description) }
        if let to = filter.identifiedTo { sql.and("a.identified_on <= ?::date", to.description) }
        if filter.valueMissing == true {
            sql.and(
                """
                ((a.frozen_on IS NOT NULL AND a.freezing_amount IS NULL)
                    OR (a.confiscation_ordered_on IS NOT NULL AND a.confiscation_amount IS NULL))
                """)
        }
        if let text = filter.text {
            // As typed, and without spaces: identifiers are stored compact ("BE68 5390" finds
            // BE68539007547034). Both patterns are answered by asset_search_idx.
            sql.and(
                "(\(Self.searchText) ILIKE ?1 OR \(Self.searchText) ILIKE ?2)", "%" + SQLBuilder.escapeLike(text) + "%",
                "%" + SQLBuilder.escapeLike(text.filter { !$0.isWhitespace }) + "%")
        }
        if let after = filter.after {
            sql.and("(a.identified_on, a.id) < (?::date, ?2)", after.day.description, after.id)
        }
        sql.append(" ORDER BY a.identified_on DESC, a.id DESC LIMIT ?", filter.limit + 1)
        return sql
    }

    static func decode(_ row: Row) throws -> Owned<Asset> {
        func money(_ amount: Int, _ currency: Int) throws -> Money? { try Row.money(row, amount, currency) }
        let identifiers = try AssetIdentifiers(
            iban: row.decode(String?.self, 4).map { try IBAN(recorded: $0) }, vin: row.decode(String?.self, 5).map { try VIN($0) },
            landRegistryReference: row.decode(String?.self, 6), walletAddress: row.decode(String?.self, 7),
            registrationMark: row.decode(String?.self, 8))
        let asset = try Asset(
            id: row.decode(UUID.self, 0), caseID: row.decode(UUID.self, 1),
            category: AssetCategory(rawValue: row.decode(String.self, 2)).orThrow("category"),
            description: row.decode(String.self, 3), identifiers: identifiers, country: CountryCode(recorded: row.decode(String.self, 9)),
            propertyRole: row.decode(String?.self, 10).map { try PropertyRole(rawValue: $0).orThrow("property_role") },
            owners: row.decodeUUIDs(23),
            state: AssetState(rawValue: row.decode(String.self, 11)).orThrow("state"), estimatedValue: money(12, 13),
            valueAtFreezing: money(14, 15), valueAtConfiscation: money(16, 17), realisedValue: money(18, 19),
            identifiedOn: Day(row.decode(String.self, 20)), frozenOn: row.decode(String?.self, 25).map { try Day($0) },
            confiscationOrderedOn: row.decode(String?.self, 26).map { try Day($0) },
            interimSoldOn: row.decode(String?.self, 29).map { try Day($0) }, lastEventOn: Day(row.decode(String.self, 27)),
            version: row.decode(Int.self, 21), createdAt: row.decode(Date.self, 22))
        return Owned(
            record: asset, owner: try OfficeCode(row.decode(String.self, 24)),
            caseStatus: try CaseStatus(rawValue: row.decode(String.self, 28)).orThrow("status"))
    }
}

public struct ValuationRepository: Sendable {
    let db: Transaction

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func add(_ valuation: Valuation) async throws {
        try await db.write(
            """
            INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
            VALUES ($1, $2, $3::date, $4, $5::numeric, $6, $7)
            """,
            [
                valuation.id, valuation.assetID, valuation.valuedOn.description, valuation.method.rawValue,
                valuation.value.amount, valuation.value.currency.code, valuation.recordedBy,
            ])
    }

    /// Moves the asset's valuations of `method` dated `day` (the estimate typed with it, an
    /// interim sale's price) to `newDay`; returns them as they now stand.
    public func redate(_ method: ValuationMethod, of assetID: UUID, from day: Day, to newDay: Day) async throws -> [Valuation] {
        try await db.query(
            """
            UPDATE valuation SET valued_on = $4::date WHERE asset_id = $1 AND method = $2 AND valued_on = $3::date
            RETURNING id, asset_id, valued_on::text, method, amount::text, currency, recorded_by
            """, [assetID, method.rawValue, day.description, newDay.description]
        ).map(Self.decode)
    }

    static let columns = "v.id, v.asset_id, v.valued_on::text, v.method, v.amount::text, v.currency, v.recorded_by"
    /// Oldest first; the last is the current estimate.
    static let order = "ORDER BY v.valued_on, v.created_at, v.id"

    /// The asset's valuations, oldest first; the last is the current estimate.
    public func forAsset(_ assetID: UUID) async throws -> [Valuation] {
        try await db.query("SELECT \(Self.columns) FROM valuation v WHERE v.asset_id = $1 \(Self.order)", [assetID]).map(Self.decode)
    }

    /// The valuations of each of the assets, as `forAsset` lists them, in one statement.
    public func forAssets(_ assetIDs: [UUID]) async throws -> [UUID: [Valuation]] {
        let valuations = try await db.query(
            "SELECT \(Self.columns) FROM valuation v WHERE v.asset_id = ANY($1::text[]::uuid[]) \(Self.order)", [assetIDs.map(\.lowercased)]
        ).map(Self.decode)
        return Dictionary(grouping: valuations, by: \.assetID)
    }

    static func decode(_ row: Row) throws -> Valuation {
        try Valuation(
            id: row.decode(UUID.self, 0), assetID: row.decode(UUID.self, 1), valuedOn: Day(row.decode(String.self, 2)),
            method: ValuationMethod(rawValue: row.decode(String.self, 3)).orThrow("method"),
            value: Money(Money.parseAmount(row.decode(String.self, 4)), Currency(code: row.decode(String.self, 5)).orThrow("currency")),
            recordedBy: row.decode(String.self, 6))
    }
}

public struct AssetEventRepository: Sendable {
    let db: Transaction

    /// Sent with the transaction's next statement or its COMMIT (`Transaction.write`).
    public func append(assetID: UUID, _ event: AssetEvent) async throws {
        try await db.write(
            """
            INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id,
                amount, currency, disposal_outcome, corrects_event_id, corrected_on, costs, costs_currency, recipient_subject_id)
            VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9::numeric, $10, $11, $12, $13::date, $14::numeric, $15, $16)
            """,
            [
                assetID, event.action, event.from?.rawValue, event.to.rawValue, event.occurredOn.description, event.actor,
                event.reason, event.orderID, event.amount?.amount, event.amount?.currency.code, event.outcome?.rawValue,
                event.correction?.eventID, event.correction?.correctedOn.description, event.costs?.amount, event.costs?.currency.code,
                event.recipientID,
            ])
    }

    static let columns = """
        e.action, e.from_state, e.to_state, e.occurred_on::text, e.actor_name, e.reason, e.order_id, e.recorded_at,
            e.amount::text, e.currency, e.disposal_outcome, e.id, e.corrects_event_id, e.corrected_on::text, e.costs::text, e.costs_currency,
            e.recipient_subject_id
        """

    public func forAsset(_ assetID: UUID) async throws -> [AssetEvent] {
        try await db.query("SELECT \(Self.columns) FROM asset_event e WHERE e.asset_id = $1 ORDER BY e.id", [assetID]).map(Self.decode)
    }

    static func decode(_ row: Row) throws -> AssetEvent {
        let correction = try row.decode(Int64?.self, 12).map { eventID in
            DateCorrection(eventID: eventID, correctedOn: try Day(row.decode(String.self, 13)))
        }
        return try AssetEvent(
            id: row.decode(Int64.self, 11), action: row.decode(String.self, 0),
            from: row.decode(String?.self, 1).map { try AssetState(rawValue: $0).orThrow("from_state") },
            to: AssetState(rawValue: row.decode(String.self, 2)).orThrow("to_state"),
            occurredOn: Day(row.decode(String.self, 3)), actor: row.decode(String.self, 4),
            reason: row.decode(String?.self, 5), orderID: row.decode(UUID?.self, 6), amount: Row.money(row, 8, 9),
            outcome: row.decode(String?.self, 10).map { try DisposalOutcome(rawValue: $0).orThrow("disposal_outcome") },
            costs: Row.money(row, 14, 15), recipientID: row.decode(UUID?.self, 16), correction: correction, recordedAt: row.decode(Date.self, 7))
    }
}

extension Row {
    /// An amount and its currency, from two columns that are both null or both set.
    static func money(_ row: Row, _ amount: Int, _ currency: Int) throws -> Money? {
        guard let text = try row.decode(String?.self, amount), let code = try row.decode(String?.self, currency) else { return nil }
        return Money(try Money.parseAmount(text), try Currency(code: code).orThrow("currency"))
    }
}
