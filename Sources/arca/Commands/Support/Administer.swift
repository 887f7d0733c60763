import ArcaApplication
import ArcaDomain
import ArgumentParser
import Foundation

/// Runs an administrative use case against the configured database, as the CLI caller.
func administer<T>(poolSize: Int = 1, _ body: (CompositionRoot, Caller) async throws -> T) async throws -> T {
    let root = try CompositionRoot.connect(poolSize: poolSize, logger: Logging.logger("arca"))
    do {
        let result = try await body(root, Caller.commandLine())
        await root.database.close()
        return result
    } catch {
        await root.database.close()
        throw CompositionRoot.explain(error)
    }
}

/// Prints `value` as sorted JSON for scripts.
func printJSON(_ value: some Encodable) throws {
    print(try jsonText(value))
}

/// `value` as sorted, indented JSON.
func jsonText(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
