import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct AssetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset", abstract: "Assets: add, list, show; custody and costs of held property.",
        subcommands: [Add.self, List.self, Show.self, Manage.self])

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
                if !file.management.isEmpty {
                    lines.append("\nmanagement:")
                    lines.append(
                        table(
                            ["DAY", "KIND", "MANAGER OR PURPOSE", "AMOUNT", "BY"],
                            file.management.map { [$0.occurredOn.description, $0.kind.rawValue, $0.manager ?? $0.purpose ?? "", $0.cost?.description ?? "", $0.actor] }))
                }
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

    struct Manage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record custody handed to a manager, or a cost incurred, for property the authorities hold (role officer).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The asset id.") var id: String
        @Option(help: "Custody: who keeps the property from that day.") var custody: String?
        @Option(help: "A cost: its amount, a decimal such as 310.00.") var cost: String?
        @Option(help: "The cost's currency (default EUR).") var currency: String?
        @Option(name: .customLong("for"), help: "A cost: what it paid for (--purpose says why you act).") var purpose: String?
        @Option(help: "The day, YYYY-MM-DD.") var on: String
        @Option(help: "Why, or on what basis (the handover report, the invoice).") var reason: String

        func validate() throws {
            guard (custody == nil) != (cost == nil) else { throw ValidationError("give either --custody MANAGER or --cost AMOUNT --for TEXT") }
        }

        func run() async throws {
            let assetID = try parseID(id, "asset")
            let event = try await acting.run { useCases, caller in
                try await useCases.recordManagementEvent(
                    assetID: assetID,
                    NewManagementEvent(
                        kind: custody == nil ? "cost" : "custody", occurredOn: on, manager: custody, purpose: purpose,
                        amount: moneyInput(cost, currency), reason: reason),
                    by: caller)
            }
            try acting.show(ManagementEventResource(event)) {
                event.kind == .custody
                    ? "recorded custody by \(event.manager ?? "") from \(event.occurredOn)"
                    : "recorded a cost of \(event.cost?.description ?? "") on \(event.occurredOn) for \(event.purpose ?? "")"
            }
        }
    }
}
