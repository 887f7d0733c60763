import ArcaDomain
@testable import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// Every list filter is answered by an index, never by reading a whole big table: each list
/// statement is explained with sequential and plain index scans priced out, so every read of
/// cases, subjects or assets must be a bitmap scan on an index condition; a plan that still
/// reads one of them in full (a Seq Scan) has no index to use for that filter.
@Suite("Lists read by index, whatever the filter")
struct ListPlanTests {
    static let office = try! OfficeCode("BE-ARO")
    static let day = try! Day("2026-03-14")
    static let bigTables = ["case_file", "subject", "asset"]

    /// The plan of `sql` in text form, on a session that prices full reads out.
    func plan(_ sql: SQLBuilder, on db: FreshDatabase) async throws -> String {
        try await db.pool.withSession { session in
            _ = try await session.simpleQuery("SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off")
            return try await session.query("EXPLAIN " + sql.text, sql.parameters).map { try $0.decode(String.self, 0) }.joined(separator: "\n")
        }
    }

    static let caseFilters: [(String, @Sendable (inout CaseFilter) -> Void)] = [
        ("none", { _ in }),
        ("status", { $0.status = .freezing }),
        ("offence", { $0.offence = .moneyLaundering }),
        ("asset category", { $0.assetCategory = .bankAccount }),
        ("asset country", { $0.country = try! CountryCode("NL") }),
        ("opened from and to", { $0.openedFrom = ListPlanTests.day; $0.openedTo = ListPlanTests.day }),
        ("text", { $0.text = "Vermeulen" }),
        ("after a position", { $0.after = ListPosition(day: ListPlanTests.day, id: UUID()) }),
    ]

    @Test(arguments: caseFilters.indices)
    func everyCaseListFilterReadsByIndex(_ index: Int) async throws {
        let (name, narrow) = Self.caseFilters[index]
        var filter = CaseFilter(office: Self.office, limit: 50)
        narrow(&filter)
        // A contains-search has no other way than its trigram indexes.
        try await expectReadByIndex(
            CaseRepository.listQuery(filter), of: "cases by \(name)",
            using: filter.text == nil ? [] : ["case_file_search_text_idx"])
    }

    static let assetFilters: [(String, @Sendable (inout AssetFilter) -> Void)] = [
        ("none", { _ in }),
        ("case", { $0.caseID = UUID() }),
        ("category", { $0.category = .motorVehicle }),
        ("country", { $0.country = try! CountryCode("LU") }),
        ("state", { $0.state = .frozen }),
        ("identified from and to", { $0.identifiedFrom = ListPlanTests.day; $0.identifiedTo = ListPlanTests.day }),
        ("value missing", { $0.valueMissing = true }),
        ("text", { $0.text = "BE68 5390" }),
        ("after a position", { $0.after = ListPosition(day: ListPlanTests.day, id: UUID()) }),
    ]

    @Test(arguments: assetFilters.indices)
    func everyAssetListFilterReadsByIndex(_ index: Int) async throws {
        let (name, narrow) = Self.assetFilters[index]
        var filter = AssetFilter(office: Self.office, limit: 50)
        narrow(&filter)
        try await expectReadByIndex(
            AssetRepository.listQuery(filter), of: "assets by \(name)", using: filter.text == nil ? [] : ["asset_search_idx"])
    }

    /// The trail of a record of each kind, by consultations or by every kind of entry, and
    /// the GIN lookups it makes for the readings of a case that showed it: one for a part of
    /// a case, none for another kind. (The lists that showed it are found through the GIN
    /// index or the entity index, as the planner prices them on this empty table.)
    static let trails: [(entity: String, kind: AuditEntry.Kind?, lookups: Int)] = [
        ("subject", .consultation, 1), ("asset", nil, 1), ("order", .consultation, 1), ("case", nil, 0), ("valuation", .consultation, 0),
    ]

    @Test(arguments: trails.indices)
    func theTrailOfARecordReadsByIndex(_ index: Int) async throws {
        let trail = Self.trails[index]
        // The whole trail, as the administrator at the command line reads it: no office index to lean on.
        var filter = AuditFilter(office: nil, limit: 50)
        filter.entity = trail.entity
        filter.entityID = UUID().uuidString.lowercased()
        filter.kind = trail.kind
        try await TestDatabase.withFresh { db in
            let plan = try await plan(AuditRepository.searchQuery(filter), on: db)
            #expect(!plan.contains("Seq Scan on audit_entry"), "\(trail.entity):\n\(plan)")
            #expect(plan.contains("Bitmap Index Scan on audit_entry_entity_idx"), "\(trail.entity):\n\(plan)")
            let lookups = plan.components(separatedBy: "Bitmap Index Scan on audit_entry_consultation_shown_idx").count - 1
            #expect(lookups == trail.lookups, "\(trail.entity):\n\(plan)")
        }
    }

    /// Explains `sql` on a fresh database: no big table is read in full, and each of
    /// `indexes` answers a condition.
    func expectReadByIndex(_ sql: SQLBuilder, of what: String, using indexes: [String]) async throws {
        try await TestDatabase.withFresh { db in
            let plan = try await plan(sql, on: db)
            for table in Self.bigTables {
                #expect(!plan.contains("Seq Scan on \(table)"), "\(what):\n\(plan)")
            }
            for index in indexes {
                #expect(plan.contains("Bitmap Index Scan on \(index)"), "\(what):\n\(plan)")
            }
        }
    }
}
