import Foundation

/// Runs a program to completion and captures what it printed.
struct Command {
    var executable: String
    var arguments: [String]
    var environment: [String: String] = [:]
    var directory = "/"

    struct Output {
        let status: Int32
        let text: String
    }

    func run() throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to a file, not a pipe: `pg_ctl start` leaves a server running that
        // inherits the descriptor, and a pipe would then never reach end-of-file.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("arca-cmd-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try FileHandle(forWritingTo: capture)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? handle.close()
            throw ClusterError("could not run \(executable): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        try? handle.close()
        let data = (try? Data(contentsOf: capture)) ?? Data()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// Runs and fails with the program's own words when it exits non-zero.
    @discardableResult
    func check(_ what: String) throws -> String {
        let output = try run()
        guard output.status == 0 else {
            throw ClusterError("\(what) failed (exit \(output.status)): \(output.text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return output.text
    }
}

public struct ClusterError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
