import ArcaApplication
import ArcaResources
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: who consulted or changed what.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit entries, newest first (the whole trail, as the administrator).",
            discussion: "Auditors and administrators of an office read their office's entries over HTTP: GET /v1/audit-entries.")

        @Option(help: "Kind of record, e.g. case, subject, asset, order, user, setting; a subject, asset or order includes the readings of cases that showed one (entity case).") var entity: String?
        @Option(name: .customLong("id"), help: "The record's id.") var entityID: String?
        @Option(help: "The user who acted, e.g. j.peeters.") var actor: String?
        @Option(help: "change or consultation.") var kind: String?
        @Option(help: "The use case, e.g. ReadCase.") var operation: String?
        @Option(help: "Recorded at or after, RFC 3339 (2026-11-29T00:00:00Z).") var from: String?
        @Option(help: "Recorded before, RFC 3339.") var to: String?
        @Option(help: "Entries per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?
        @Flag(help: "Print JSON, as the HTTP API answers.") var json = false

        func run() async throws {
            let page = try await administer { root, admin in
                try await root.useCases.readAuditTrail(
                    AuditListRequest(
                        entity: entity, entityID: entityID, actor: actor, kind: kind, operation: operation, from: from, to: to,
                        limit: limit, cursor: cursor),
                    by: admin)
            }
            if json {
                try printJSON(PageResource(items: page.items.map(AuditEntryResource.init), next: page.next))
                return
            }
            let time = ISO8601DateFormatter()
            let rows = page.items.map { entry in
                [
                    entry.recordedAt.map(time.string) ?? "", entry.actor.name, entry.actor.office?.value ?? "-", entry.kind.rawValue,
                    entry.operation, "\(entry.entity) \(entry.entityID)",
                ]
            }
            print(table(["RECORDED", "ACTOR", "OFFICE", "KIND", "OPERATION", "RECORD"], rows, next: page.next))
        }
    }
}
