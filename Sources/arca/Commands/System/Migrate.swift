import ArcaPersistence
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending SQL migrations (compiled into this binary from SQL/).",
        discussion: "Each migration runs in its own transaction, under an advisory lock, and is recorded with its SHA-256 checksum."
    )

    @Flag(help: "List applied and pending migrations instead of applying them.")
    var status = false

    func run() async throws {
        let logger = Logging.logger("arca")
        let root = try CompositionRoot.connect(as: .owner, poolSize: 1, logger: logger)
        defer { Task { await root.database.close() } }
        do {
            let migrator = try root.database.migrator()
            if status {
                for entry in try await migrator.status() {
                    let when = entry.appliedAt.map { " " + ISO8601DateFormatter().string(from: $0) } ?? ""
                    print("\(entry.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.name)\(when)")
                }
            } else {
                let applied = try await migrator.migrate { print("applying \($0.name)") }
                print(applied.isEmpty ? "nothing to apply: the schema is up to date" : "applied \(applied.count) migration(s)")
            }
        } catch {
            throw CompositionRoot.explain(error)
        }
    }
}
