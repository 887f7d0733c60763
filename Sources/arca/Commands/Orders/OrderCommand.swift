import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

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
