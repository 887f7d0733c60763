import ArcaDomain
import ArcaPersistence
import Foundation

/// Fills an empty database with realistic, deterministic synthetic data for demonstrations
/// and benchmarks: the Belgian ARO and AMO with a user of every role, and cases opened
/// over the three years before the day the data set is "as of" with subjects, assets of every category, valuations in
/// several currencies, orders at every stage, and, on one case in ten, a cross-border
/// information request received from or sent to another Member State's office: answered in
/// time, answered late, refused or still waiting; and on half of its cases that reach
/// enforcement, a confiscation certificate sent to another Member State's office, recognised and
/// executed there, with what it recovered in the Art 16 ledger when the order names a sum. Everything goes through the use cases,
/// so the data obeys every rule and is fully audited.
///
/// The same seed and as-of day give the same data, on whatever day it is seeded: each
/// office's series of a year is recorded in date order by one worker, so even the references
/// come out the same.
public struct SeedDemo: Sendable {
    let useCases: UseCases
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.useCases = UseCases(database: database, clock: clock)
        self.clock = clock
    }

    public struct Summary: Sendable, Equatable {
        public var cases = 0
        public var subjects = 0
        public var assets = 0
        public var valuations = 0
        public var orders = 0
        public var requests = 0
        public var certificates = 0
        public var managementEvents = 0
        public var recoveredValues = 0
    }

    /// The day a demo data set ends on unless told otherwise: fixed, so that the demo is the
    /// same whenever it is seeded.
    public static let defaultAsOf = try! Day("2026-10-30")

    /// The demo officer whose token `make run` prints.
    public static let officerName = "j.peeters"

    static let offices = [
        ("BE-ARO", "BE", "Central Office for Seizure and Confiscation (ARO)"),
        ("BE-AMO", "BEAMO", "Belgian Asset Management Office"),
    ]
    static let users = [
        ("j.peeters", "officer", "BE-ARO"), ("e.lambert", "officer", "BE-ARO"), ("m.dubois", "liaison", "BE-ARO"),
        ("a.janssens", "analyst", "BE-ARO"), ("l.claes", "auditor", "BE-ARO"), ("s.wouters", "admin", "BE-ARO"),
        ("k.maes", "officer", "BE-AMO"), ("n.mertens", "analyst", "BE-AMO"),
    ]

    /// Whether demo data is there already.
    public func isSeeded() async throws -> Bool {
        try await database.transaction { try await $0.offices.find(OfficeCode("BE-ARO")) != nil }
    }

    /// `assetsPerCase` is how many assets a case is given (2 to 5 unless told otherwise).
    public func callAsFunction(
        cases: Int, seed: UInt64, asOf: Day = SeedDemo.defaultAsOf, assetsPerCase: ClosedRange<Int> = 2...5, by admin: Caller
    ) async throws -> Summary {
        guard (1...1_000_000).contains(cases) else { throw UseCaseError.invalid("cases", "range", "between 1 and 1000000 cases") }
        guard asOf <= Day(clock(), in: Office.defaultTimeZone) else { throw UseCaseError.invalid("asOf", "not-in-future", "the demo cannot end after today") }
        guard try await !isSeeded() else { throw UseCaseError.conflict("the demo offices exist already: the database is seeded") }
        for (code, prefix, name) in Self.offices {
            _ = try await useCases.addOffice(code: code, memberState: "BE", referencePrefix: prefix, name: name, by: admin)
        }
        var officers: [String: Caller] = [:]
        var liaison: Caller?
        for (name, role, office) in Self.users {
            // The account that seeds the demo acts as its users at the command line.
            let user = try await useCases.addUser(name: name, role: role, office: office, osAccount: admin.osAccount?.value, by: admin)
            if role == "officer", officers[office] == nil { officers[office] = Caller(user: user) }
            if role == "liaison" { liaison = Caller(user: user) }
        }
        guard let liaison else { return try unreachable() }

        // Plan every case first, from the seed alone; then record each office-year series in order.
        let today = asOf
        var planner = DemoRandom(seed: seed)
        let plans = (0..<cases).map { index in CasePlan(index: index, today: today, assets: assetsPerCase, random: &planner) }
        let series = Dictionary(grouping: plans) { "\($0.office) \($0.openedOn.year)" }
        return try await withThrowingTaskGroup(of: Summary.self) { group in
            for key in series.keys.sorted() {
                let plans = series[key]!.sorted { ($0.openedOn, $0.index) < ($1.openedOn, $1.index) }
                let officer = officers[plans[0].office]!
                group.addTask {
                    var summary = Summary()
                    for plan in plans {
                        var random = DemoRandom(seed: seed &+ UInt64(plan.index) &* 0x9E37_79B9)
                        try await record(plan, by: officer, liaison: liaison, today: today, seed: seed, random: &random, into: &summary)
                    }
                    return summary
                }
            }
            var total = Summary()
            for try await part in group {
                total.cases += part.cases
                total.subjects += part.subjects
                total.assets += part.assets
                total.valuations += part.valuations
                total.orders += part.orders
                total.requests += part.requests
                total.certificates += part.certificates
                total.managementEvents += part.managementEvents
                total.recoveredValues += part.recoveredValues
            }
            return total
        }
    }

    /// Records one case and carries it to its planned stage.
    private func record(
        _ plan: CasePlan, by officer: Caller, liaison: Caller, today: Day, seed: UInt64, random: inout DemoRandom, into summary: inout Summary
    ) async throws {
        let file = try await useCases.createCase(
            NewCase(
                title: plan.title, offences: plan.offences, openedOn: plan.openedOn.description, origin: plan.origin,
                criminalFileReference: plan.criminalFile),
            by: officer)
        summary.cases += 1
        if plan.index % 10 == 3, plan.office == "BE-ARO" {
            // A random stream of its own, so the rest of the case is as it would be without it.
            var exchange = DemoRandom(seed: seed &+ UInt64(plan.index) &* 0x51_7CC1_B727)
            try await recordRequest(on: file, opened: plan.openedOn, today: today, by: liaison, random: &exchange)
            summary.requests += 1
        }
        var subjects: [Subject] = []
        for person in DemoPeople.subjects(random: &random) {
            subjects.append(try await useCases.addSubject(caseID: file.id, person, by: officer))
        }
        summary.subjects += subjects.count

        var day = plan.openedOn
        func later(_ most: Int) -> Day {
            day = min(today, day.adding(days: random.int(0...most)))
            return day
        }
        var assets: [Asset] = []
        for category in plan.categories {
            let owners = subjects.filter { $0.role == .owner || $0.role == .suspect }.prefix(1).map(\.id.lowercased)
            let input = DemoAssets.asset(category, owners: owners, identifiedOn: later(20), random: &random)
            assets.append(try await useCases.addAsset(caseID: file.id, input, by: officer))
        }
        summary.assets += assets.count
        for asset in assets where random.chance(40) {
            _ = try await useCases.recordValuation(
                assetID: asset.id, DemoAssets.valuation(of: asset, on: later(30), random: &random), by: officer)
            summary.valuations += 1
        }

        var status = CaseStatus.opened
        var version = 1
        func advance(to next: CaseStatus) async throws {
            guard CaseLifecycle.canMove(from: status, to: next) else { return }
            _ = try await useCases.updateCase(id: file.id, changes: CaseChanges(status: next.rawValue), expectedVersion: .exactly(version), by: officer)
            version += 1
            status = next
        }
        let stage = plan.stage
        if stage >= .tracing {
            try await advance(to: .tracing)
            for asset in assets where random.chance(50) {
                _ = try await useCases.recordAssetEvent(assetID: asset.id, NewAssetEvent(action: "trace", occurredOn: later(15).description, reason: random.pick(DemoAssets.tracing)), by: officer)
            }
        }
        guard stage >= .freezing else { return }
        try await advance(to: .freezing)
        var frozen = Array(assets.prefix(max(1, assets.count - 1)))
        // An order is executed in one state: one per state where the property is (DOMAIN §5.1).
        var freezings: [LegalOrder] = []
        for group in Self.byLocation(frozen) {
            freezings.append(
                try await useCases.createOrder(
                    caseID: file.id,
                    NewOrder(
                        kind: "freezing", urgent: random.chance(30), issuingAuthority: random.pick(DemoPeople.authorities),
                        decisionReference: "BS/\(day.year)/\(random.digits(5))", decisionDate: later(10).description,
                        assets: group.map(\.id.lowercased)),
                    by: officer))
        }
        summary.orders += freezings.count
        if stage == .freezing, random.chance(50) { return }
        for freezing in freezings {
            _ = try await useCases.executeOrder(
                orderID: freezing.id, OrderExecutionInput(on: later(5).description, reason: "seized by the federal judicial police"), by: officer)
        }

        // Management and recovered money draw on a stream of their own, so the rest of the case
        // is as it would be without them.
        var care = DemoRandom(seed: (seed ^ 0x6A09_E667_F3BC_C908) &+ UInt64(plan.index) &* 0xD1B5_4A32_D192_ED03)
        let victim = subjects.first { $0.role == .victim }
        if stage >= .management {
            try await advance(to: .management)
            for asset in frozen where DemoAssets.managed.contains(asset.category) {
                try await manage(asset, on: day, by: officer, random: &care)
                summary.managementEvents += 2
            }
            for asset in frozen where [.perishable, .motorVehicle].contains(asset.category) && random.chance(60) {
                let proceeds = DemoAssets.fraction(of: asset.estimatedValue, random: &random)
                _ = try await useCases.recordAssetEvent(
                    assetID: asset.id,
                    NewAssetEvent(action: "sell_interim", occurredOn: later(60).description, reason: "interim sale to preserve value", amount: proceeds),
                    by: officer)
            }
            // Property a victim identifies goes back to them before any confiscation (Reg 2018/1805 Art 29).
            if let victim, frozen.count > 1, random.chance(30) {
                let returned = frozen.removeLast()
                _ = try await useCases.recordAssetEvent(
                    assetID: returned.id,
                    NewAssetEvent(
                        action: "restitute", occurredOn: later(30).description, reason: "returned to the victim, its owner",
                        recipient: victim.id.lowercased),
                    by: officer)
            }
        }
        if plan.acquittal {
            let acquitted = later(200).description
            for freezing in freezings {
                _ = try await useCases.liftOrder(
                    orderID: freezing.id, OrderLifting(on: acquitted, ground: "acquittal", reason: "acquittal by the criminal court"), by: officer)
            }
            try await advance(to: .closed)
            return
        }
        guard stage >= .judicialPhase else { return }
        try await advance(to: .judicialPhase)
        guard stage >= .confiscation else { return }
        try await advance(to: .confiscation)
        let type = random.pick(ConfiscationType.allCases).rawValue
        var confiscations: [(order: LegalOrder, assets: [Asset])] = []
        for group in Self.byLocation(frozen) {
            let order = try await useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: "confiscation", confiscationType: type, issuingAuthority: random.pick(DemoPeople.courts),
                    decisionReference: "\(day.year)/\(random.digits(4))/C", decisionDate: later(300).description,
                    assets: group.map(\.id.lowercased),
                    coveredAmount: type == "value" ? MoneyInput(amount: "\(random.int(10...900))000.00", currency: "EUR") : nil),
                by: officer)
            confiscations.append((order, group))
        }
        summary.orders += confiscations.count
        guard stage >= .enforcement else { return }
        try await advance(to: .enforcement)
        for confiscation in confiscations {
            _ = try await useCases.finaliseOrder(
                orderID: confiscation.order.id, OrderFinality(on: later(90).description, reason: "no appeal lodged within the time limit"),
                by: officer)
        }
        var exchange = DemoRandom(seed: seed &+ UInt64(plan.index) &* 0x2545_F491_4F6C_DD1D)
        if plan.office == "BE-ARO", exchange.chance(50), let first = confiscations.first?.order {
            try await recordCertificate(for: first, of: file, by: liaison, random: &exchange)
            summary.certificates += 1
        }
        guard stage >= .disposal else { return }
        try await advance(to: .disposal)
        // A confiscation is executed asset by asset, each with the amount it realised.
        for (order, group) in confiscations {
            for asset in group {
                let realised = DemoAssets.fraction(of: asset.estimatedValue, random: &random)
                _ = try await useCases.executeOrder(
                    orderID: order.id,
                    OrderExecutionInput(
                        on: later(60).description, reason: random.pick(DemoAssets.recoveries),
                        assets: [OrderExecutionInput.Part(asset: asset.id.lowercased, realised: realised)]),
                    by: officer)
                // Some money recovered is still waiting for its final destination.
                guard stage == .closed || random.chance(70) else { continue }
                let disposedOn = later(20)
                var outcome = random.pick(DemoAssets.disposals)
                // Only a case with a victim compensates one.
                if outcome.redressesVictim, victim == nil { outcome = .soldAuction }
                let costs = outcome.isSale ? Decimal(care.int(150...2_500)) : 0
                _ = try await useCases.recordAssetEvent(
                    assetID: asset.id,
                    NewAssetEvent(
                        action: "dispose", occurredOn: disposedOn.description, reason: "disposal decided by the asset management office",
                        amount: outcome.isSale ? realised : nil, outcome: outcome.rawValue,
                        costs: outcome.isSale ? MoneyInput(amount: "\(costs)", currency: realised.currency) : nil,
                        recipient: outcome.redressesVictim ? victim?.id.lowercased : nil),
                    by: officer)
                if outcome.isSale || outcome == .victimCompensation {
                    let recorded = try await recordRecovered(
                        realised, lessCosts: costs, disposedAs: outcome, from: asset, in: file, on: disposedOn, victim: victim, by: officer, random: &care)
                    if recorded { summary.recoveredValues += 1 }
                }
                if stage == .closed {
                    _ = try await useCases.recordAssetEvent(
                        assetID: asset.id, NewAssetEvent(action: "close", occurredOn: later(10).description, reason: "nothing left to do"), by: officer)
                }
            }
        }
        if stage == .closed { try await advance(to: .closed) }
    }
}

extension SeedDemo {
    /// Property that needs keeping is handed to the asset management office, which bills its keep.
    private func manage(_ asset: Asset, on day: Day, by officer: Caller, random: inout DemoRandom) async throws {
        _ = try await useCases.recordManagementEvent(
            assetID: asset.id,
            NewManagementEvent(kind: "custody", occurredOn: day.description, manager: random.pick(DemoAssets.managers), reason: "handed over for safekeeping"),
            by: officer)
        _ = try await useCases.recordManagementEvent(
            assetID: asset.id,
            NewManagementEvent(
                kind: "cost", occurredOn: day.description, purpose: random.pick(DemoAssets.costs),
                amount: MoneyInput(amount: "\(random.int(80...4_000)).\(random.digits(2))", currency: "EUR"), reason: "invoice of the custodian"),
            by: officer)
    }

    /// The money a disposal brought in, net of its costs, received and sent on: to the victim
    /// when it was sold to compensate one (and sometimes when a victim has a claim), else to the
    /// budget or the special fund for confiscated assets. False when nothing is left after costs.
    private func recordRecovered(
        _ realised: MoneyInput, lessCosts costs: Decimal, disposedAs outcome: DisposalOutcome, from asset: Asset, in file: Case, on day: Day,
        victim: Subject?, by officer: Caller, random: inout DemoRandom
    ) async throws -> Bool {
        let net = (Decimal(string: realised.amount ?? "", locale: Locale(identifier: "en_US_POSIX")) ?? 0) - costs
        guard net > 0 else { return false }
        let toVictim = outcome == .victimCompensation || (victim != nil && random.chance(30))
        _ = try await useCases.recordRecoveredValue(
            caseID: file.id,
            NewRecoveredValue(
                amount: MoneyInput(amount: "\(net)", currency: realised.currency), receivedOn: day.description, source: "sale",
                destination: toVictim ? "victim_compensation" : random.pick(["state_budget", "special_fund"]),
                recipient: toVictim ? victim?.id.lowercased : nil, asset: asset.id.lowercased,
                reason: "proceeds paid into the account of the asset management office, less its costs"),
            by: officer)
        return true
    }

    /// The assets grouped by the state where they are, in a stable order.
    static let counterparts = [
        ("NL", "ARO Netherlands (FIOD)"), ("DE", "ARO Germany (BKA)"), ("FR", "PIAC Paris (AGRASC)"), ("RO", "ARO Bucharest (ONPCSB)"),
        ("ES", "ORGA Madrid"), ("IT", "ARO Rome (Direzione Centrale)"),
    ]

    /// The case's year and number (`2025-123` of `BE-2025-000123`): only Belgian ARO cases have
    /// messages, at most one request and one certificate each, so references made of it are unique.
    private static func serial(of file: Case) -> String {
        "\(file.reference.year)-\(file.reference.number)"
    }

    /// A request about the case, received over SIENA or sent, a few days after it was opened;
    /// answered in time, answered late, refused, or (when recent) still awaiting its answer.
    private func recordRequest(on file: Case, opened: Day, today: Day, by liaison: Caller, random: inout DemoRandom) async throws {
        let (state, office) = random.pick(Self.counterparts)
        let incoming = random.chance(60)
        let urgent = random.chance(30)
        let receivedDay = min(today, opened.adding(days: random.int(1...20)))
        let receivedAt = min(Self.instant(receivedDay, hour: random.int(7...16)), clock())
        var request = try await useCases.registerRequest(
            NewRequest(
                direction: incoming ? "incoming" : "outgoing", kind: "information_request", caseID: file.id.lowercased, counterpartState: state,
                counterpartOffice: office, channel: "aro_siena",
                externalReference: incoming ? "SIENA-\(state)-\(Self.serial(of: file))" : nil, urgent: urgent,
                urgencyReason: urgent ? "assets about to be moved abroad" : nil, directlyAccessible: random.chance(50),
                receivedAt: incoming ? Self.stamp(receivedAt) : nil,
                form: RequestForm(
                    offence: file.offences.first?.rawValue.replacingOccurrences(of: "_", with: " "),
                    informationSought: "bank accounts, vehicles and real estate held by the persons concerned",
                    reasonsToBelieve: "transfers to and from accounts in \(incoming ? "Belgium" : state)", purpose: "tracing proceeds of crime")),
            by: liaison)
        /// `instant` nil: now.
        func move(_ action: String, at instant: Date?, _ input: RequestMoveInput = RequestMoveInput(action: nil)) async throws {
            var move = input
            move.action = action
            move.occurredAt = instant.map { Self.stamp(min($0, clock())) }
            request = try await useCases.moveRequest(requestID: request.request.id, move, by: liaison)
        }
        if incoming {
            try await move("triage", at: receivedAt.addingTimeInterval(3600))
        } else {
            // Drafted now (a draft is dated when it is recorded), so sent now too: the answer is awaited.
            try await move("send", at: nil, RequestMoveInput(action: nil, externalReference: "SIENA-BE-\(Self.serial(of: file))"))
        }
        guard let deadline = request.request.clock?.deadline else { return }
        let end = min(Self.instant(today, hour: 18), clock())
        // Answered in time (six in ten), late (two), refused (one), or still waiting, overdue
        // once its deadline has passed (one, and every request whose deadline is still ahead).
        let outcome = random.int(1...10)
        if outcome == 9 || deadline > end { return }
        let answeredAt = min(
            end, outcome <= 6 ? deadline.addingTimeInterval(-3600 * Double(random.int(1...6))) : deadline.addingTimeInterval(86400 * Double(random.int(1...5))))
        guard answeredAt > request.events.last?.occurredAt ?? receivedAt else { return }
        if outcome == 10 {
            try await move("refuse", at: answeredAt, RequestMoveInput(action: nil, reason: "no information held", refusalGround: "information_not_available"))
        } else {
            try await move(outcome <= 7 ? "answer_in_full" : "answer_in_part", at: answeredAt, RequestMoveInput(action: nil, reason: "accounts and vehicles listed in the reply"))
        }
    }

    /// The order's confiscation certificate, sent over the mutual-recognition channel to another
    /// state's office, recognised there, and, for a sum of money, part of it recovered. Drafted
    /// now (a draft is dated when it is recorded), so its later moves are dated now too.
    private func recordCertificate(for order: LegalOrder, of caseFile: Case, by liaison: Caller, random: inout DemoRandom) async throws {
        let (state, office) = random.pick(Self.counterparts.filter { $0.0 != order.executingState.value })
        var file = try await useCases.issueCertificate(
            NewCertificate(orderID: order.id.lowercased, counterpartState: state, counterpartOffice: office), by: liaison)
        let reference = "MR-BE-\(state)-\(Self.serial(of: caseFile))"
        for (action, reason) in [("send", nil), ("recognise", "recognised by the executing court"), ("execute", "executed by the executing state")] {
            file = try await useCases.moveCertificate(
                certificateID: file.certificate.id,
                CertificateMoveInput(action: action, reason: reason, externalReference: action == "send" ? reference : nil), by: liaison)
        }
        guard let ordered = order.coveredAmount, random.chance(70) else { return }
        let part = ordered.amount * Decimal(random.int(20...90)) / 100
        _ = try await useCases.recordRecovery(
            certificateID: file.certificate.id,
            NewRecovery(
                amount: MoneyInput(amount: Money(part, ordered.currency).amountText, currency: ordered.currency.code),
                recoveredOn: Day(clock(), in: Office.defaultTimeZone).description, reason: "paid by the executing state"),
            by: liaison)
    }

    /// `hour` o'clock UTC on `day`.
    static func instant(_ day: Day, hour: Int) -> Date {
        (try? Date("\(day)T00:00:00Z", strategy: .iso8601))!.addingTimeInterval(Double(hour) * 3600)
    }

    static func stamp(_ instant: Date) -> String { instant.formatted(.iso8601) }

    static func byLocation(_ assets: [Asset]) -> [[Asset]] {
        Dictionary(grouping: assets, by: \.country.value).sorted { $0.key < $1.key }.map(\.value)
    }
}

/// What one demo case will be: drawn from the seed before anything is recorded.
struct CasePlan: Sendable {
    let index: Int
    let office: String
    let openedOn: Day
    let title: String
    let offences: [String]
    let origin: String
    let criminalFile: String
    let categories: [AssetCategory]
    /// How far the case has come; older cases tend to be further along.
    let stage: CaseStatus
    let acquittal: Bool

    init(index: Int, today: Day, assets: ClosedRange<Int>, random: inout DemoRandom) {
        self.index = index
        office = random.chance(85) ? "BE-ARO" : "BE-AMO"
        let age = random.int(0...(3 * 365 - 1))
        openedOn = today.adding(days: -age)
        let offence = random.pick(DemoPeople.schemes)
        title = "Operation \(random.pick(DemoPeople.codenames)): \(offence.title)"
        offences = [offence.code] + (random.chance(50) ? ["money_laundering"] : []) + (random.chance(15) ? ["participation_in_criminal_organisation"] : [])
        origin = random.pick(["domestic_referral", "domestic_referral", "domestic_referral", "incoming_request", "spontaneous_information", "incoming_certificate"])
        criminalFile = "\(random.pick(["BR", "AN", "GE", "LI", "HA"])).\(random.int(10...99)).L\(random.int(1...9)).\(random.digits(6))/\(openedOn.year % 100)"
        // Every category appears: case n starts its list at category n.
        let all = AssetCategory.allCases
        categories = (0..<random.int(assets)).map { all[(index + $0 * 5) % all.count] }
        let reachable = CaseStatus.allCases.filter { $0 != .opened }
        let furthest = min(reachable.count - 1, age / 120)
        stage = age < 10 ? .opened : reachable[random.int(0...furthest)]
        acquittal = stage >= .management && random.chance(8)
    }
}
