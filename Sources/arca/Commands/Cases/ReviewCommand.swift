import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review cases' personal data (Dir 2016/680 Art 5): list those due, keep one for another period, or erase a closed one's.",
        subcommands: [Due.self, Keep.self, Erase.self])

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Your office's own cases whose review day has come, newest opened first (setting case.review_after).")

        @OptionGroup var acting: ActingOptions

        @Option(help: "Cases per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            let page = try await acting.run { useCases, caller in
                try await useCases.listCases(CaseListRequest(reviewDue: "true", limit: limit, cursor: cursor), by: caller)
            }
            try acting.show(PageResource(items: page.items.map(CaseResource.init), next: page.next)) {
                let rows = page.items.map {
                    [$0.reference.description, $0.retention?.reviewOn.description ?? "-", $0.status.rawValue, $0.id.lowercased, $0.title]
                }
                return table(["REFERENCE", "REVIEW DUE", "STATUS", "ID", "TITLE"], rows, next: page.next)
            }
        }
    }

    struct Keep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a case's personal data is still needed: it is next reviewed a whole period from today (role officer).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The case id.") var id: String
        @Option(help: "Why the data is still needed; kept in the audit trail.") var reason: String

        func run() async throws {
            let caseID = try parseID(id, "case")
            let record = try await acting.run { useCases, caller in
                try await useCases.keepCaseAfterReview(id: caseID, RetentionDecision(reason: reason), by: caller)
            }
            try acting.show(CaseResource(record)) { "kept case \(record.reference): next review \(record.retention?.reviewOn.description ?? "-")" }
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a closed case's personal data: its subjects' names and identifying details, and the values the trail recorded about them (role officer; cannot be undone).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The case id.") var id: String
        @Option(help: "Why the data is no longer needed; kept in the audit trail.") var reason: String

        func run() async throws {
            let caseID = try parseID(id, "case")
            let erasure = try await acting.run { useCases, caller in
                try await useCases.eraseCasePersonalData(id: caseID, RetentionDecision(reason: reason), by: caller)
            }
            try acting.show(CaseErasureResource(erasure)) {
                "erased the personal data of case \(erasure.record.reference): \(erasure.subjectsErased) subjects, "
                    + "\(erasure.trailEntriesErased) trail entries' values, \(erasure.rememberedAnswersForgotten) remembered answers"
            }
        }
    }
}
