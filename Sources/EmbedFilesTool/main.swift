import Foundation

// Usage: EmbedFilesTool OUTPUT.swift CONSTANT FILE…
// Writes `let CONSTANT: [(name: String, text: String)]` holding each file's name and text.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedFilesTool OUTPUT.swift CONSTANT FILE…\n".utf8))
    exit(2)
}

/// A raw multi-line literal whose delimiter cannot occur in the text, so the text needs
/// no escaping and comes back byte for byte.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var source = "// Generated at build time by the EmbedFiles plugin. Do not edit.\n\n"
source += "let \(arguments[1]): [(name: String, text: String)] = [\n"
for path in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8)
    source += "(name: \(literal(url.lastPathComponent)), text: \(literal(text))),\n"
}
source += "]\n"
try source.write(toFile: arguments[0], atomically: true, encoding: .utf8)
