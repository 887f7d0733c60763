import ArcaApplication
import ArcaDomain
import ArcaHTTP
import ArgumentParser
import Foundation

/// Who a record-keeping command acts as, and how it prints.
struct ActingOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The user to act as (default: $ARCA_USER); their role and office apply.")
    var user: String?

    @Flag(help: "Print JSON, as the HTTP API answers.")
    var json = false

    /// Runs a use case as the named user against the configured database.
    func run<T>(_ body: (UseCases, Caller) async throws -> T) async throws -> T {
        guard let name = user ?? ProcessInfo.processInfo.environment["ARCA_USER"], !name.isEmpty else {
            throw ValidationError("say who acts: --as USER or ARCA_USER (see `arca user add`)")
        }
        return try await administer { root, _ in
            let useCases = root.useCases
            return try await body(useCases, try await useCases.actAsUser(name))
        }
    }

    /// JSON when asked, else the readable form.
    func show(_ resource: some Encodable, _ text: () -> String) throws {
        if json {
            try printJSON(resource)
        } else {
            print(text())
        }
    }
}

/// A plain table with a header row and columns as wide as their widest cell; for a list
/// page, followed by how to ask for the next one.
func table(_ header: [String], _ rows: [[String]], next: String? = nil) -> String {
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    let lines = ([header] + rows).map { row in
        row.enumerated().map { column, cell in
            column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
    return (lines + (next.map { ["more: --cursor \($0)"] } ?? [])).joined(separator: "\n")
}

func parseID(_ text: String, _ what: String) throws -> UUID {
    guard let id = UUID(uuidString: text) else { throw ValidationError("\(text) is not a \(what) id (as printed by arca)") }
    return id
}

/// `--value 1234.56 --currency EUR` as a money input; one without the other is refused by the use case.
func moneyInput(_ amount: String?, _ currency: String?) -> MoneyInput? {
    amount == nil && currency == nil ? nil : MoneyInput(amount: amount, currency: currency ?? "EUR")
}

struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Cases: open, list, show.", subcommands: [Create.self, List.self, Show.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a case in your office (role officer).")

        @OptionGroup var acting: ActingOptions

        @Option(help: "The case's title.")
        var title: String

        @Option(name: .customLong("offence"), help: "An offence category code; repeat for several (see GET /v1/vocabularies).")
        var offences: [String] = []

        @Option(help: "The day it was opened, YYYY-MM-DD.")
        var openedOn: String

        @Option(help: "domestic_referral (default), incoming_request, spontaneous_information or incoming_certificate.")
        var origin: String?

        @Option(help: "The reference of the criminal file.")
        var criminalFile: String?

        func run() async throws {
            let record = try await acting.run { useCases, caller in
                try await useCases.createCase(
                    NewCase(title: title, offences: offences, openedOn: openedOn, origin: origin, criminalFileReference: criminalFile),
                    by: caller)
            }
            try acting.show(CaseResource(record)) { "opened case \(record.reference) id \(record.id.lowercased): \(record.title)" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The cases your office may see, newest opened first.")

        @OptionGroup var acting: ActingOptions

        @Option(help: "Only cases in this status.") var status: String?
        @Option(help: "Only cases with this offence.") var offence: String?
        @Option(help: "Only cases holding an asset of this category.") var assetCategory: String?
        @Option(help: "Only cases holding an asset in this country.") var country: String?
        @Option(help: "Opened on or after, YYYY-MM-DD.") var openedFrom: String?
        @Option(help: "Opened on or before, YYYY-MM-DD.") var openedTo: String?
        @Option(name: .customLong("search"), help: "Part of the reference, title or a subject's name.") var text: String?
        @Option(help: "Cases per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            let page = try await acting.run { useCases, caller in
                try await useCases.listCases(
                    CaseListRequest(
                        status: status, offence: offence, assetCategory: assetCategory, country: country, openedFrom: openedFrom,
                        openedTo: openedTo, text: text, limit: limit, cursor: cursor),
                    by: caller)
            }
            try acting.show(PageResource(items: page.items.map(CaseResource.init), next: page.next)) {
                let rows = page.items.map { [$0.reference.description, $0.openedOn.description, $0.status.rawValue, $0.id.lowercased, $0.title] }
                return table(["REFERENCE", "OPENED", "STATUS", "ID", "TITLE"], rows, next: page.next)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A case with its subjects, assets and orders.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The case id.") var id: String

        func run() async throws {
            let caseID = try parseID(id, "case")
            let file = try await acting.run { useCases, caller in try await useCases.readCase(id: caseID, by: caller) }
            try acting.show(CaseFileResource(file)) {
                let record = file.record
                var lines = [
                    "\(record.reference)  \(record.title)",
                    "status \(record.status.rawValue), opened \(record.openedOn), office \(record.office), version \(record.version)",
                    "offences: \(record.offences.map(\.rawValue).joined(separator: ", "))",
                ]
                if let criminalFile = record.criminalFileReference { lines.append("criminal file: \(criminalFile)") }
                if !file.sharedWith.isEmpty { lines.append("shared with: \(file.sharedWith.map(\.value).joined(separator: ", "))") }
                lines.append("\nsubjects:")
                lines.append(table(["ROLE", "NAME", "ID"], file.subjects.map { [$0.role.rawValue, $0.name, $0.id.lowercased] }))
                lines.append("\nassets:")
                lines.append(
                    table(
                        ["STATE", "CATEGORY", "ESTIMATE", "ID", "DESCRIPTION"],
                        file.assets.map {
                            [$0.state.rawValue, $0.category.rawValue, $0.estimatedValue?.description ?? "-", $0.id.lowercased, $0.description]
                        }))
                lines.append("\norders:")
                lines.append(
                    table(
                        ["KIND", "STATUS", "DECIDED", "ID", "REFERENCE"],
                        file.orders.map { [$0.kind.rawValue, $0.status.rawValue, $0.decisionDate.description, $0.id.lowercased, $0.decisionReference] }))
                return lines.joined(separator: "\n")
            }
        }
    }
}

struct AssetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", abstract: "Assets: add, list, show.", subcommands: [Add.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a piece of property in a case of your office (role officer).")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "The case id.") var caseID: String
        @Option(help: "An asset category code, e.g. bank_account.") var category: String
        @Option(help: "What the property is.") var description: String
        @Option(help: "Country where the property is (ISO 3166-1 alpha-2).") var country: String
        @Option(help: "IBAN of an account.") var iban: String?
        @Option(help: "VIN of a vehicle.") var vin: String?
        @Option(help: "Land-registry or cadastral reference.") var landRegistry: String?
        @Option(help: "Crypto-asset wallet address.") var wallet: String?
        @Option(help: "Registration mark of a vehicle, vessel or aircraft.") var registration: String?
        @Option(help: "proceeds_direct, proceeds_indirect, instrumentality, equivalent_value, extended or unexplained_wealth.") var propertyRole: String?
        @Option(name: .customLong("owner"), help: "A subject id of the case who owns it; repeat for several.") var owners: [String] = []
        @Option(help: "Estimated value, a decimal such as 1234.56.") var value: String?
        @Option(help: "Currency of the value (default EUR).") var currency: String?
        @Option(help: "Day identified, YYYY-MM-DD (default today).") var identifiedOn: String?

        func run() async throws {
            let id = try parseID(caseID, "case")
            let asset = try await acting.run { useCases, caller in
                try await useCases.addAsset(
                    caseID: id,
                    NewAsset(
                        category: category, description: description,
                        identifiers: IdentifierInput(
                            iban: iban, vin: vin, landRegistryReference: landRegistry, walletAddress: wallet, registrationMark: registration),
                        country: country, propertyRole: propertyRole, owners: owners, estimatedValue: moneyInput(value, currency),
                        identifiedOn: identifiedOn),
                    by: caller)
            }
            try acting.show(AssetResource(asset)) { "recorded asset \(asset.id.lowercased) (\(asset.category.rawValue)), \(asset.state.rawValue)" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assets across the cases your office may see.")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "Only the assets of this case.") var caseID: String?
        @Option(help: "Only this category.") var category: String?
        @Option(help: "Only property in this country.") var country: String?
        @Option(help: "Only assets in this state.") var state: String?
        @Option(help: "Identified on or after, YYYY-MM-DD.") var identifiedFrom: String?
        @Option(help: "Identified on or before, YYYY-MM-DD.") var identifiedTo: String?
        @Option(name: .customLong("search"), help: "Part of the description or an identifier.") var text: String?
        @Flag(help: "Only assets frozen or confiscated with no valuation to give that value.") var valueMissing = false
        @Option(help: "Assets per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            let page = try await acting.run { useCases, caller in
                try await useCases.listAssets(
                    AssetListRequest(
                        caseID: caseID, category: category, country: country, state: state, identifiedFrom: identifiedFrom,
                        identifiedTo: identifiedTo, text: text, valueMissing: valueMissing ? "true" : nil, limit: limit, cursor: cursor),
                    by: caller)
            }
            try acting.show(PageResource(items: page.items.map(AssetResource.init), next: page.next)) {
                let rows = page.items.map {
                    [$0.identifiedOn.description, $0.state.rawValue, $0.category.rawValue, $0.country.value, $0.estimatedValue?.description ?? "-", $0.id.lowercased, $0.description]
                }
                return table(["IDENTIFIED", "STATE", "CATEGORY", "COUNTRY", "ESTIMATE", "ID", "DESCRIPTION"], rows, next: page.next)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An asset with its values, valuations and history.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The asset id.") var id: String

        func run() async throws {
            let assetID = try parseID(id, "asset")
            let file = try await acting.run { useCases, caller in try await useCases.readAsset(id: assetID, by: caller) }
            try acting.show(AssetFileResource(file)) {
                let asset = file.asset
                var lines = [
                    "\(asset.category.rawValue) in \(asset.country): \(asset.description)",
                    "state \(asset.state.rawValue); next: \(AssetLifecycle.allowedActions(from: asset.state).map(\.rawValue).joined(separator: ", "))",
                    "estimated \(asset.estimatedValue?.description ?? "-"), at freezing \(asset.valueAtFreezing?.description ?? "-"), at confiscation \(asset.valueAtConfiscation?.description ?? "-"), realised \(asset.realisedValue?.description ?? "-")",
                ]
                if let iban = asset.identifiers.iban { lines.append("IBAN \(iban)") }
                if let vin = asset.identifiers.vin { lines.append("VIN \(vin)") }
                lines.append("\nhistory:")
                // A corrected event shows the day it really happened and the day first recorded.
                let history = AssetHistory(events: file.events)
                lines.append(
                    table(
                        ["DAY", "ACTION", "TO", "BY", "REASON"],
                        file.events.map { event in
                            let day = history.correctedDay(of: event).map { "\($0) (recorded \(event.occurredOn))" } ?? event.occurredOn.description
                            return [day, event.action, event.to.rawValue, event.actor, event.reason ?? ""]
                        }))
                return lines.joined(separator: "\n")
            }
        }
    }
}

struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Freezing and confiscation orders: create, finalise, execute, lift, correct a date.",
        subcommands: [Create.self, Finalise.self, Execute.self, Lift.self, Correct.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an order in a case of your office (role officer).")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "The case id.") var caseID: String
        @Option(help: "freezing or confiscation.") var kind: String
        @Flag(help: "An urgent freeze (freezing orders only).") var urgent = false
        @Option(help: "The id of the urgent freezing order this court order confirms.") var confirms: String?
        @Option(name: .customLong("type"), help: "Confiscation type: standard, value, extended, non_conviction_based, third_party, unexplained_wealth.") var confiscationType: String?
        @Option(help: "The state whose authority issued it (default: this deployment's).") var issuingState: String?
        @Option(help: "The authority that decided it.") var authority: String
        @Option(help: "The state where it is executed (default: this deployment's).") var executingState: String?
        @Option(help: "The decision's reference.") var decisionReference: String
        @Option(help: "The decision's date, YYYY-MM-DD.") var decisionDate: String
        @Option(name: .customLong("asset"), help: "An asset id of the case; repeat for several.") var assets: [String] = []
        @Option(name: .customLong("subject"), help: "A subject id of the case the order concerns; repeat for several.") var subjects: [String] = []
        @Option(help: "The sum a value confiscation covers, a decimal.") var amount: String?
        @Option(help: "Currency of the sum (default EUR).") var currency: String?

        func run() async throws {
            let id = try parseID(caseID, "case")
            let order = try await acting.run { useCases, caller in
                try await useCases.createOrder(
                    caseID: id,
                    NewOrder(
                        kind: kind, urgent: urgent, confirms: confirms, confiscationType: confiscationType, issuingState: issuingState,
                        issuingAuthority: authority, executingState: executingState, decisionReference: decisionReference,
                        decisionDate: decisionDate, assets: assets, subjects: subjects, coveredAmount: moneyInput(amount, currency)),
                    by: caller)
            }
            try acting.show(OrderResource(order)) { "recorded \(order.kind.rawValue) order \(order.id.lowercased) (\(order.decisionReference))" }
        }
    }

    struct Finalise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a confiscation order became final: its assets are confiscated for good.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The order id.") var id: String
        @Option(name: .customLong("on"), help: "The day it became final, YYYY-MM-DD.") var day: String
        @Option(help: "How it became final (appeal period expired, appeal dismissed).") var reason: String?

        func run() async throws {
            let orderID = try parseID(id, "order")
            let order = try await acting.run { useCases, caller in
                try await useCases.finaliseOrder(orderID: orderID, OrderFinality(on: day, reason: reason), by: caller)
            }
            try acting.show(OrderResource(order)) { "confiscation order \(order.id.lowercased) final on \(day)" }
        }
    }

    struct Execute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an order was carried out on some or all of its assets.",
            discussion: """
                A freezing order freezes the assets; a final confiscation order realises them, each with the amount \
                realised (--realised, in the order of --asset). Without --asset, every asset not executed yet.
                """)

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The order id.") var id: String
        @Option(name: .customLong("on"), help: "The day it was carried out, YYYY-MM-DD.") var day: String
        @Option(name: .customLong("asset"), help: "An asset of the order executed that day; repeat for several.") var assets: [String] = []
        @Option(name: .customLong("realised"), help: "For a confiscation: the amount realised for each --asset, in order.") var realised: [String] = []
        @Option(help: "For a value confiscation: a sum executed, a decimal.") var amount: String?
        @Option(help: "Currency of the amounts (default EUR).") var currency: String?
        @Option(help: "Why, or how it was carried out.") var reason: String?

        func validate() throws {
            guard realised.isEmpty || realised.count == assets.count else {
                throw ValidationError("give one --realised per --asset (\(assets.count) assets, \(realised.count) amounts)")
            }
        }

        func run() async throws {
            let orderID = try parseID(id, "order")
            let parts = assets.enumerated().map { index, asset in
                OrderExecutionInput.Part(asset: asset, realised: realised.isEmpty ? nil : moneyInput(realised[index], currency))
            }
            let order = try await acting.run { useCases, caller in
                try await useCases.executeOrder(
                    orderID: orderID,
                    OrderExecutionInput(on: day, reason: reason, assets: parts.isEmpty ? nil : parts, amount: moneyInput(amount, currency)),
                    by: caller)
            }
            try acting.show(OrderResource(order)) {
                "executed \(order.kind.rawValue) order \(order.id.lowercased) on \(day) (\(order.execution.rawValue) execution)"
            }
        }
    }

    struct Lift: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that an order was withdrawn or quashed; an asset no other order holds is released.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The order id.") var id: String
        @Option(name: .customLong("on"), help: "The day it was lifted, YYYY-MM-DD.") var day: String
        @Option(help: "The ground: \(LiftingGround.allCases.map(\.rawValue).joined(separator: ", ")).") var ground: String
        @Option(help: "Why it was lifted.") var reason: String

        func run() async throws {
            let orderID = try parseID(id, "order")
            let order = try await acting.run { useCases, caller in
                try await useCases.liftOrder(orderID: orderID, OrderLifting(on: day, ground: ground, reason: reason), by: caller)
            }
            try acting.show(OrderResource(order)) { "lifted \(order.kind.rawValue) order \(order.id.lowercased) on \(day)" }
        }
    }

    struct Correct: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct the date of a step of an order recorded with a wrong one; the asset events it made follow.",
            discussion: "The order keeps the date first recorded; the correction says which day it really was, and why.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The order id.") var id: String
        @Option(help: "decision, finality, execution or lifting.") var step: String
        @Option(help: "For an execution: the asset it was executed on.") var asset: String?
        @Option(name: .customLong("on"), help: "The day it really happened, YYYY-MM-DD.") var day: String
        @Option(help: "Why the recorded date was wrong.") var reason: String

        func run() async throws {
            let orderID = try parseID(id, "order")
            let order = try await acting.run { useCases, caller in
                try await useCases.correctOrderDate(
                    orderID: orderID, OrderDateCorrectionInput(step: step, asset: asset, on: day, reason: reason), by: caller)
            }
            try acting.show(OrderResource(order)) { "order \(order.id.lowercased): \(step) corrected to \(day)" }
        }
    }
}
