import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

/// Who a record-keeping command acts as, and how it prints.
struct ActingOptions: ParsableArguments {
    @Option(
        name: .customLong("as"),
        help: "The user to act as (default: $ARCA_USER); their role and office apply. Allowed for the operating-system account mapped to them (arca user map-os-account), or with their own token in $ARCA_TOKEN (never on the command line, where other accounts could read it).")
    var user: String?


    @Option(
        help: ArgumentHelp(
            "Why you consult (default: $ARCA_PURPOSE): investigation, asset_management, cross_border_request, judicial_proceedings, statistics, supervision or data_quality, optionally followed by \"; \" and free text.",
            valueName: "purpose"))
    var purpose: String?

    @Flag(help: "Print JSON, as the HTTP API answers.")
    var json = false

    /// Runs a use case as the named user against the configured database, on a pool of
    /// `poolSize` connections (and as many beside it, for reads at once).
    func run<T>(poolSize: Int = 1, _ body: (UseCases, Caller) async throws -> T) async throws -> T {
        guard let name = user ?? ProcessInfo.processInfo.environment["ARCA_USER"], !name.isEmpty else {
            throw ValidationError("say who acts: --as USER or ARCA_USER (see `arca user add`)")
        }
        let said = purpose ?? ProcessInfo.processInfo.environment["ARCA_PURPOSE"]
        let purpose: ConsultationPurpose?
        do {
            purpose = try said.map { try ConsultationPurpose($0) }
        } catch {
            throw ValidationError("--purpose: \(error)")
        }
        return try await administer(poolSize: poolSize) { root, _ in
            let useCases = root.useCases
            let token = ProcessInfo.processInfo.environment["ARCA_TOKEN"]
            let caller = try await useCases.actAsUser(name, osAccount: Caller.operatingSystemAccount, token: token)
            return try await body(useCases, caller.consulting(for: purpose))
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
