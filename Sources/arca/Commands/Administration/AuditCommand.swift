import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: who consulted or changed what.", subcommands: [List.self, Verify.self, Anchor.self])

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

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that the audit trail was not changed: every entry's seal, link and place, and every chain's head.",
            discussion: """
                Exits 0 when the trail holds and 2 at the first broken link, which it names (chain, link, entry and what is wrong). \
                With --anchor, also proves that the trail up to an anchor taken earlier (arca audit anchor) was not rewritten.
                """)

        @Option(help: "An anchor file written by `arca audit anchor`.") var anchor: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let anchor = try self.anchor.map(Self.read)
            let verification = try await administer { root, admin in try await root.useCases.verifyAuditTrail(anchor: anchor, by: admin) }
            if json {
                try printJSON(AuditVerificationResource(verification))
            } else if let broken = verification.broken {
                print("audit trail BROKEN at \(broken) [\(broken.kind.rawValue)]")
            } else {
                let against = anchor.map { " and matches the anchor taken \(ISO8601DateFormatter().string(from: $0.takenAt))" } ?? ""
                print("audit trail verified: \(verification.entries) entries on \(verification.heads.count) chains hold\(against)")
            }
            if verification.broken != nil { throw ExitCode(2) }
        }

        static func read(_ path: String) throws -> AuditAnchor {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            do {
                return try decoder.decode(AuditAnchorResource.self, from: Data(contentsOf: URL(fileURLWithPath: path))).anchor()
            } catch {
                throw CLIError("cannot read the anchor \(path): \(error) — give a file written by `arca audit anchor`")
            }
        }
    }

    struct Anchor: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the heads of the audit trail's chains and their digest (JSON), to keep outside ARCA.",
            discussion: "Take one daily (e.g. from cron) and file it where ARCA's administrators cannot change it; `arca audit verify --anchor FILE` later proves the trail up to it was not rewritten.")

        @Option(help: "Write the anchor to this file instead of printing it.") var out: String?

        func run() async throws {
            let anchor = try await administer { root, admin in try await root.useCases.takeAuditAnchor(by: admin) }
            let text = try jsonText(AuditAnchorResource(anchor))
            guard let out else {
                print(text)
                return
            }
            do {
                try (text + "\n").write(to: URL(fileURLWithPath: out), atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("cannot write \(out): \(error.localizedDescription)")
            }
            print("anchor of \(anchor.heads.reduce(0) { $0 + $1.length }) entries written to \(out) (digest \(anchor.digest))")
        }
    }
}
