import ArcaDomain
import ArcaPersistence
import Foundation

/// Fills an empty database with demonstration data at national scale (100,000 cases and
/// more): a few hundred template cases recorded through the use cases, as `SeedDemo`
/// records them (every rule checked, every step audited), with 8 to 14 assets each; then
/// copies of them written through COPY (`Database.cloneCases`), each with new ids, a
/// reference of its own, every date moved up to three years earlier (so the data spans six
/// years), and new names, account numbers, VINs, plates and partners' message references. A copy is as valid as its
/// template. The load itself is one audit entry.
public struct SeedBulk: Sendable {
    let database: Database
    let demo: SeedDemo

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.demo = SeedDemo(database: database, clock: clock)
    }

    /// Template cases at most: enough for every stage and category to recur in many forms.
    public static let templates = 400
    /// Assets per template case: ten on average, a million for 100,000 cases.
    static let assetsPerCase = 8...14

    /// `progress` hears how many cases are there so far, out of `cases`; `templates` is how
    /// many of them are recorded through the use cases.
    public func callAsFunction(
        cases: Int, seed: UInt64, asOf: Day = SeedDemo.defaultAsOf, templates: Int = SeedBulk.templates, by admin: Caller,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> RecordCounts {
        guard (1...2_000_000).contains(cases) else { throw UseCaseError.invalid("cases", "range", "between 1 and 2000000 cases") }
        let recorded = min(cases, max(templates, 1))
        _ = try await demo(cases: recorded, seed: seed, asOf: asOf, assetsPerCase: Self.assetsPerCase, by: admin)
        progress(recorded)
        let recordedIDs = try await database.transaction { store in try await store.caseIDs() }

        var random = DemoRandom(seed: seed ^ 0xB0_1C)
        let clones = (0..<(cases - recorded)).map { _ in
            CaseClone(
                template: random.pick(recordedIDs), idMask: UUID(uuid: Self.bytes(random.next(), random.next())),
                daysEarlier: random.int(0...(3 * 365)))
        }
        let written = try await database.cloneCases(clones, rewriting: ["subject", "asset", "exchange_request", "certificate"], rewrite: Self.freshIdentities) { done in
            progress(recorded + done)
        }
        return try await database.transaction { store in
            try await store.audit.change(
                "SeedBulk", by: admin, entity: "deployment", id: "demo",
                after: ["templates": recorded, "copies": clones.count, "rows": written.values.reduce(0, +)])
            return try await store.recordCounts()
        }
    }

    /// New names for a copy's people and companies, and new identifiers for its property, drawn
    /// from the row's seed so that the same copy always gets the same ones.
    @Sendable static func freshIdentities(_ table: String, _ row: inout ClonedRow) {
        var random = DemoRandom(seed: row.seed)
        switch table {
        case "subject":
            if row["kind"] == "legal_person", let form = row["name"]?.split(separator: " ").last {
                row["name"] = DemoPeople.companyName(form: String(form), random: &random)
            } else {
                row["name"] = DemoPeople.personName(random: &random)
            }
        case "asset":
            if let iban = row["iban"] { row["iban"] = DemoAssets.iban(in: String(iban.prefix(2)), random: &random) ?? iban }
            if row["vin"] != nil { row["vin"] = DemoAssets.vin(random: &random) }
            if row["registration_mark"] != nil, let category = row["category"].flatMap(AssetCategory.init(rawValue:)) {
                row["registration_mark"] = DemoAssets.registrationMark(of: category, random: &random) ?? row["registration_mark"]
            }
        case "exchange_request", "certificate":
            // A message reference is unique per office and direction: the copy's own id makes it so.
            if let reference = row["external_reference"], let id = row["id"] { row["external_reference"] = "\(reference.prefix(60))/\(id)" }
        default:
            break
        }
    }

    static func bytes(_ high: UInt64, _ low: UInt64) -> uuid_t {
        let h = withUnsafeBytes(of: high.bigEndian) { Array($0) }, l = withUnsafeBytes(of: low.bigEndian) { Array($0) }
        return (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7])
    }
}
