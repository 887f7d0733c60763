import Foundation
import Testing

/// The import rules of Docs/ARCHITECTURE.md, checked on the source tree: SwiftPM lets a
/// module import anything its dependencies import, so the rules need a test of their own.
/// The rules are read from the document's module table, so the two cannot drift apart.
@Suite("Architecture: which module may import which")
struct LayerRulesTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sources = repository.appendingPathComponent("Sources")

    struct Rule: CustomTestStringConvertible, Sendable {
        let module: String
        /// nil: anything (the composition root).
        let importsOnly: Set<String>?
        let neverImports: Set<String>

        var testDescription: String { module }
    }

    /// The rows of the table under "| module | imports only | never imports |".
    static func rules() throws -> [Rule] {
        let text = try String(contentsOf: repository.appendingPathComponent("Docs/ARCHITECTURE.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(of: "| module | imports only | never imports |") else {
            throw RuleTableMissing()
        }
        return lines[(header + 2)...].prefix(while: { $0.hasPrefix("|") }).map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            func names(_ cell: String) -> Set<String> {
                Set(cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "—" })
            }
            let anything = cells[1].hasPrefix("everything")
            return Rule(module: cells[0], importsOnly: anything ? nil : names(cells[1]), neverImports: names(cells[2]))
        }
    }

    struct RuleTableMissing: Error {}

    /// The modules each Swift file of `module` imports; fails when the folder is missing.
    static func imports(of module: String) throws -> [String: Set<String>] {
        let folder = sources.appendingPathComponent(module)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        else {
            throw ModuleFolderMissing(module: module)
        }
        var found: [String: Set<String>] = [:]
        for case let file as URL in files where file.pathExtension == "swift" {
            found[file.lastPathComponent] = []
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ ["public", "internal", "package", "@testable", "@preconcurrency", "@_implementationOnly", "@_exported"].contains($0) })
                {
                    found[file.lastPathComponent, default: []].insert(String(words[index + 1]))
                }
            }
        }
        return found
    }

    struct ModuleFolderMissing: Error, CustomStringConvertible {
        let module: String
        var description: String { "Sources/\(module) is named in Docs/ARCHITECTURE.md but missing" }
    }

    @Test func theTableHasARowForEveryModuleWithSwiftSources() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { name in
            (try? Self.imports(of: name))?.isEmpty == false
        }
        let rows = try Self.rules().map(\.module)
        #expect(rows.count >= 9)
        #expect(Set(folders) == Set(rows))
    }

    @Test(arguments: try LayerRulesTests.rules())
    func eachModuleImportsOnlyWhatItsRowAllows(_ rule: Rule) throws {
        let files = try Self.imports(of: rule.module)
        #expect(!files.isEmpty, "Sources/\(rule.module) has no Swift file")
        for (file, modules) in files {
            if let allowed = rule.importsOnly {
                #expect(modules.isSubset(of: allowed), "\(rule.module)/\(file) imports \(modules.subtracting(allowed).sorted())")
            }
            #expect(modules.isDisjoint(with: rule.neverImports), "\(rule.module)/\(file) imports \(modules.intersection(rule.neverImports).sorted())")
        }
    }

    @Test func aMissingModuleFolderIsAFailureNotAPass() {
        #expect(throws: ModuleFolderMissing.self) { try Self.imports(of: "ArcaNowhere") }
    }

    /// Each use case (a public struct with `callAsFunction`) is alone in a file named after it,
    /// so that a reader finds "ExecuteOrder" in ExecuteOrder.swift.
    @Test func eachUseCaseLivesInAFileOfItsOwnName() throws {
        let folder = Self.sources.appendingPathComponent("ArcaApplication")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var useCases = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            var current: String?
            var found: [String] = []
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("public struct ") || line.hasPrefix("public final class ") || line.hasPrefix("struct ") {
                    current = line.split(separator: " ").drop { $0 != "struct" && $0 != "class" }.dropFirst().first
                        .map { String($0.prefix { $0.isLetter || $0.isNumber }) }
                }
                if line.contains("public func callAsFunction"), let current, !found.contains(current) { found.append(current) }
            }
            let name = file.deletingPathExtension().lastPathComponent
            #expect(found.isEmpty || found == [name], "\(file.lastPathComponent) holds the use cases \(found)")
            useCases += found.count
        }
        #expect(useCases >= 25)
    }
}
