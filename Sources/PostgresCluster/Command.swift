import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and captures what it printed.
///
/// Spawned directly with every inherited descriptor above stderr closed: `pg_ctl start`
/// leaves a server running that would otherwise keep pipes of this process (ours or a
/// concurrent caller's) open forever, and anything waiting for their end would hang.
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
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("arca-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: capture) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeInheritedDescriptors(&actions)

        // The shell changes directory (the server account must be able to read it) and
        // then becomes the program.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let envp = env.map { "\($0.key)=\($0.value)" }

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argv in
            withCStrings(envp) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
            }
        }
        guard spawned == 0 else {
            throw ClusterError("could not run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let data = (try? Data(contentsOf: capture)) ?? Data()
        return Output(status: code, text: String(decoding: data, as: UTF8.self))
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

    /// glibc 2.34+ can close every descriptor from 3 up in the child; Swift does not import
    /// the declaration, so it is looked up at run time.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}

/// Passes Swift strings to C as a NULL-terminated `char *[]`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

public struct ClusterError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
