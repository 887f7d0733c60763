import Foundation
import Testing

/// The import rules of Docs/ARCHITECTURE.md, checked on the source tree: SwiftPM lets a
/// module import anything its dependencies import, so the rules need a test of their own.
@Suite("Architecture: which module may import which")
struct LayerRulesTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    func imports(of module: String) throws -> [String: Set<String>] {
        let folder = Self.sources.appendingPathComponent(module)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
        var found: [String: Set<String>] = [:]
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ ["public", "internal", "package", "@testable", "@preconcurrency"].contains($0) })
                {
                    found[file.lastPathComponent, default: []].insert(String(words[index + 1]))
                }
            }
        }
        return found
    }

    @Test func theDomainImportsFoundationOnly() throws {
        for (file, modules) in try imports(of: "ArcaDomain") {
            #expect(modules.isSubset(of: ["Foundation"]), "\(file) imports \(modules.sorted())")
        }
    }

    @Test func theHTTPLayerNeverTouchesTheDatabase() throws {
        for (file, modules) in try imports(of: "ArcaHTTP") {
            #expect(modules.isDisjoint(with: ["LibPQ", "CLibPQ", "ArcaPersistence", "PostgresCluster"]), "\(file) imports \(modules.sorted())")
        }
    }

    @Test func libPQKnowsNothingOfARCA() throws {
        for (file, modules) in try imports(of: "LibPQ") {
            #expect(modules.allSatisfy { !$0.hasPrefix("Arca") }, "\(file) imports \(modules.sorted())")
        }
    }

    @Test func theApplicationLayerKnowsNoHTTPNorLibPQ() throws {
        for (file, modules) in try imports(of: "ArcaApplication") {
            #expect(modules.isDisjoint(with: ["Hummingbird", "ArcaHTTP", "LibPQ", "CLibPQ"]), "\(file) imports \(modules.sorted())")
        }
    }
}
