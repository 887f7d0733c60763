import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Cases: open, list, show; their totals and the money recovered.",
        subcommands: [Create.self, List.self, Show.self, Totals.self, Recover.self])

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

        @Option(help: "An incoming request with no case yet (a partner's, sent directly) that the case is opened for; it is linked to the case.")
        var fromRequest: String?

        @Option(help: "An incoming certificate with no case yet (a partner's, sent directly) that the case is opened for; it belongs to the case.")
        var fromCertificate: String?

        func run() async throws {
            let record = try await acting.run { useCases, caller in
                try await useCases.createCase(
                    NewCase(
                        title: title, offences: offences, openedOn: openedOn, origin: origin, criminalFileReference: criminalFile,
                        fromRequest: fromRequest, fromCertificate: fromCertificate),
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
                if let retention = record.retention {
                    lines.append(retention.erasedAt.map { "personal data erased \($0.formatted(.iso8601))" } ?? "review due \(retention.reviewOn)")
                }
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

    struct Totals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A case's totals in EUR: frozen, confiscated, realised, recovered, management costs (each at the rate of its day).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The case id.") var id: String

        @Flag(help: "Also list the records behind each total.") var records = false

        func run() async throws {
            let caseID = try parseID(id, "case")
            let money = try await acting.run { useCases, caller in try await useCases.readCaseTotals(caseID: caseID, by: caller) }
            try acting.show(CaseTotalsResource(money)) {
                var lines = ["\(money.case.reference)  \(money.case.title)", ""]
                lines.append(
                    table(
                        ["TOTAL", "RECORDS", "EUR", "NOT SUMMED"],
                        money.totals.lines.map { total in
                            let missing = total.withoutValue.map { "\($0.label): no value" } + total.unconverted.map { "\($0.currency.code) on \($0.day): no rate" }
                            return [total.line.rawValue, String(total.count), Money(total.euro, .euro).amountText, missing.joined(separator: "; ")]
                        }))
                if records {
                    for total in money.totals.lines where !total.records.isEmpty {
                        lines.append("\n\(total.line.rawValue):")
                        lines.append(
                            table(
                                ["DAY", "AMOUNT", "EUR", "RATE", "RECORD"],
                                total.records.map { record in
                                    [
                                        record.amount.day.description, record.amount.value?.description ?? "-",
                                        record.euro.map { Money($0.euro.rounded(toPlaces: 2), .euro).amountText } ?? "-",
                                        record.euro?.rate.map { "\($0.rate) (\($0.day))" } ?? "", record.amount.label,
                                    ]
                                }))
                    }
                }
                if !money.recovered.isEmpty {
                    lines.append("\nrecovered:")
                    lines.append(
                        table(
                            ["RECEIVED", "AMOUNT", "SOURCE", "DESTINATION", "ID"],
                            money.recovered.map {
                                [
                                    $0.receivedOn.description, $0.value.description, $0.source.rawValue + ($0.sourceState.map { " (\($0))" } ?? ""),
                                    $0.destination.rawValue + ($0.destinationState.map { " (\($0))" } ?? ""), $0.id.lowercased,
                                ]
                            }))
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Recover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record money actually received in a case of your office, net of costs, and where it went (role officer).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The case id.") var id: String
        @Option(help: "The amount received, a decimal such as 1234.56.") var amount: String
        @Option(help: "Its currency (default EUR).") var currency: String?
        @Option(help: "The day it was received, YYYY-MM-DD.") var receivedOn: String
        @Option(help: "sale, payment_by_convicted_person, seized_cash or funds_from_another_state.") var source: String
        @Option(help: "For funds from another state: the state that paid them (ISO 3166-1 alpha-2).") var sourceState: String?
        @Option(help: "victim_compensation, state_budget, special_fund or share_to_another_state.") var destination: String
        @Option(help: "For a share to another state: that state.") var destinationState: String?
        @Option(help: "For victim compensation: the victim's subject id.") var recipient: String?
        @Option(help: "The asset of the case the money came from.") var asset: String?
        @Option(help: "Why, or on what basis (the court's decision, the bank's transfer).") var reason: String

        func run() async throws {
            let caseID = try parseID(id, "case")
            let recovered = try await acting.run { useCases, caller in
                try await useCases.recordRecoveredValue(
                    caseID: caseID,
                    NewRecoveredValue(
                        amount: MoneyInput(amount: amount, currency: currency ?? "EUR"), receivedOn: receivedOn, source: source,
                        sourceState: sourceState, destination: destination, destinationState: destinationState, recipient: recipient, asset: asset,
                        reason: reason),
                    by: caller)
            }
            try acting.show(RecoveredValueResource(recovered)) {
                "recorded \(recovered.value) received on \(recovered.receivedOn) (\(recovered.source.rawValue) to \(recovered.destination.rawValue)), \(recovered.id.lowercased)"
            }
        }
    }
}
