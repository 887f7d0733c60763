import Foundation
import PackagePlugin

/// Compiles repository files into a target as Swift string literals, so the `arca` binary
/// carries its SQL migrations and its OpenAPI document wherever it is copied.
@main
struct EmbedFiles: BuildToolPlugin {
    /// What each target embeds: a folder of the package, the files' extension or name, and
    /// the name of the generated constant.
    static let plan: [String: (folder: String, matches: @Sendable (String) -> Bool, constant: String)] = [
        "ArcaPersistence": ("SQL", { $0.hasSuffix(".sql") }, "embeddedMigrationFiles"),
        "ArcaHTTP": ("Docs", { $0 == "openapi.yaml" }, "embeddedDocuments"),
    ]

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [PackagePlugin.Command] {
        guard let plan = Self.plan[target.name] else { return [] }
        let folder = context.package.directoryURL.appending(path: plan.folder)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { plan.matches($0.lastPathComponent) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded_\(plan.constant).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) file(s) from \(plan.folder)/ into \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path, plan.constant] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
