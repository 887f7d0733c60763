import Foundation

/// Where the PostgreSQL server programs live: `$ARCA_PG_BINDIR`, else `pg_config --bindir`
/// when it holds `initdb` (Debian's pg_config comes with libpq-dev and points at the
/// server's folder), else the newest `/usr/lib/postgresql/*/bin`.
struct ServerBinaries {
    let directory: String

    func tool(_ name: String) -> String {
        directory + "/" + name
    }

    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        var candidates: [String] = []
        if let explicit = environment["ARCA_PG_BINDIR"], !explicit.isEmpty { candidates.append(explicit) }
        if let pgConfig = which("pg_config"),
            let output = try? Command(executable: pgConfig, arguments: ["--bindir"]).run(), output.status == 0
        {
            candidates.append(output.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.compactMap(Int.init).sorted(by: >) {
            candidates.append("/usr/lib/postgresql/\(version)/bin")
        }
        for directory in candidates where FileManager.default.isExecutableFile(atPath: directory + "/initdb") {
            return ServerBinaries(directory: directory)
        }
        throw ClusterError(
            "no PostgreSQL server programs found (looked in: \(candidates.isEmpty ? "nothing" : candidates.joined(separator: ", "))); install them with `apt-get install postgresql`, or set ARCA_PG_BINDIR, or set DATABASE_URL to use an existing server"
        )
    }

    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var hasUTF8CLocale: Bool {
        ["/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8"].contains { FileManager.default.fileExists(atPath: $0) }
    }
}

/// The account the server runs as: the caller itself, or, for root, an unprivileged
/// system account created on first use.
struct RunAccount {
    let name: String?
    let uid: uid_t
    let gid: gid_t

    static func current() throws -> RunAccount {
        guard geteuid() == 0 else { return RunAccount(name: nil, uid: geteuid(), gid: getegid()) }
        let name = EmbeddedCluster.serviceAccount
        if getpwnam(name) == nil {
            guard let useradd = ServerBinaries.which("useradd") ?? ["/usr/sbin/useradd", "/sbin/useradd"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }) else {
                throw ClusterError("PostgreSQL cannot run as root and `useradd` is missing to create the \(name) account")
            }
            let output = try Command(
                executable: useradd,
                arguments: ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name]
            ).run()
            // Another process may have created it at the same moment.
            if output.status != 0 && getpwnam(name) == nil {
                throw ClusterError("could not create the \(name) account: \(output.text)")
            }
        }
        guard let entry = getpwnam(name) else { throw ClusterError("the \(name) account is missing") }
        return RunAccount(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// A command run as this account.
    func command(_ executable: String, _ arguments: [String]) -> Command {
        guard let name else { return Command(executable: executable, arguments: arguments) }
        let runuser = ServerBinaries.which("runuser") ?? "/usr/sbin/runuser"
        return Command(executable: runuser, arguments: ["-u", name, "--", executable] + arguments)
    }

    func own(_ url: URL) throws {
        guard name != nil else { return }
        guard chown(url.path, uid, gid) == 0 else {
            throw ClusterError("could not give \(url.path) to \(name ?? "the server account"): \(String(cString: strerror(errno)))")
        }
    }

    /// Every folder above the cluster must be traversable by the server account.
    func checkReachable(_ url: URL) throws {
        guard let name else { return }
        var current = url.deletingLastPathComponent()
        while current.path != "/" && !current.path.isEmpty {
            var info = stat()
            if stat(current.path, &info) == 0 {
                let otherCanEnter = info.st_mode & S_IXOTH != 0
                let groupCanEnter = info.st_mode & S_IXGRP != 0 && info.st_gid == gid
                if !otherCanEnter && !groupCanEnter && info.st_uid != uid {
                    throw ClusterError(
                        "PostgreSQL runs as \(name), which cannot enter \(current.path); run `chmod o+x \(current.path)` or set ARCA_HOME to a folder it can reach"
                    )
                }
            }
            current = current.deletingLastPathComponent()
        }
    }
}
