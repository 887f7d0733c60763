import Foundation
import Logging

/// A private PostgreSQL cluster under `<home>/postgres`, run with the server binaries
/// installed on the machine and reachable on 127.0.0.1 only. When the caller is root, the
/// server runs as an unprivileged system account, since PostgreSQL refuses to run as root;
/// if that account cannot enter a folder above the home (a clone in root's 0700 home
/// folder), the cluster lives under `/var/lib/arca/clusters/` instead (see `location`).
public final class EmbeddedCluster: Sendable {
    public static let defaultPort = 54329
    public static let serviceAccount = "arca-pg"
    /// Owns the schema and runs the migrations.
    public static let superuser = "arca"
    /// What `arca serve` and the record commands connect as: no superuser, owner of nothing
    /// (migration 0026 says what it may do).
    public static let applicationRole = "arca_app"
    public static let defaultDatabase = "arca"

    public let home: URL
    /// The folder of the cluster: `<home>/postgres`, or its stand-in under `sharedRoot`.
    public let location: URL
    private let logger: Logger

    /// Where clusters live whose home the server account cannot reach.
    public static let sharedRoot = URL(fileURLWithPath: "/var/lib/arca/clusters")

    public enum Status: Equatable, Sendable {
        case notInitialized
        case stopped
        case running(pid: Int32, port: Int)
    }

    public init(home: URL, logger: Logger = Logger(label: "arca.cluster")) {
        self.home = home.standardizedFileURL
        self.logger = logger
        let local = self.home.appendingPathComponent("postgres")
        // One folder per home, named so that an operator can tell whose it is.
        let name = self.home.deletingLastPathComponent().lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        standIn = Self.sharedRoot.appendingPathComponent("\(name.isEmpty ? "arca" : name)-\(Self.hash(self.home.path))")
        let standInCluster = standIn.appendingPathComponent("postgres")
        func initialised(_ root: URL) -> Bool {
            FileManager.default.fileExists(atPath: root.appendingPathComponent("data/PG_VERSION").path)
        }
        // A cluster that exists stays where it is, whatever the folders' modes have become.
        if initialised(local) {
            location = local
        } else if initialised(standInCluster) || (geteuid() == 0 && !Self.othersCanEnter(foldersAbove: local)) {
            location = standInCluster
        } else {
            location = local
        }
    }

    /// The folder under `sharedRoot` that would hold this home's cluster.
    private let standIn: URL

    /// Whether an account that owns none of them may traverse every folder above `url`.
    static func othersCanEnter(foldersAbove url: URL) -> Bool {
        var current = url.deletingLastPathComponent()
        while current.path != "/" && !current.path.isEmpty {
            var info = stat()
            if stat(current.path, &info) == 0, info.st_mode & S_IXOTH == 0 { return false }
            current = current.deletingLastPathComponent()
        }
        return true
    }

    /// FNV-1a, as a short stable name for a path.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return String(hash, radix: 16)
    }

    /// `$ARCA_HOME`, else `.arca` in the working directory.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["ARCA_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".arca")
    }

    var root: URL { location }
    var dataDirectory: URL { root.appendingPathComponent("data") }
    var logFile: URL { root.appendingPathComponent("server.log") }
    var passwordFile: URL { root.appendingPathComponent("superuser.password") }
    var applicationPasswordFile: URL { root.appendingPathComponent("application.password") }
    var portFile: URL { root.appendingPathComponent("port") }
    var pidFile: URL { dataDirectory.appendingPathComponent("postmaster.pid") }

    /// Unix sockets have a short path limit (107 bytes); a deep home uses /tmp instead.
    var socketDirectory: URL {
        let local = root.appendingPathComponent("run")
        if local.path.utf8.count + 20 < 100 { return local }
        return URL(fileURLWithPath: "/tmp/arca-pg-\(Self.hash(root.path))")
    }

    /// The port the cluster was last configured with, or the default.
    public var port: Int {
        (try? String(contentsOf: portFile, encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .flatMap { Self.ports.contains($0) ? $0 : nil } ?? Self.defaultPort
    }

    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    /// The URL of a database on this cluster as its superuser, the schema's owner (the
    /// password is the cluster's own, generated at init).
    public func url(database: String = EmbeddedCluster.defaultDatabase) throws -> String {
        try url(database: database, role: Self.superuser, passwordFile: passwordFile)
    }

    /// The URL of a database on this cluster as the application role (its password is
    /// generated when `start` creates the role).
    public func applicationURL(database: String = EmbeddedCluster.defaultDatabase) throws -> String {
        try url(database: database, role: Self.applicationRole, passwordFile: applicationPasswordFile)
    }

    private func url(database: String, role: String, passwordFile: URL) throws -> String {
        guard isInitialized else {
            throw ClusterError("no cluster under \(root.path): run `arca db start` first")
        }
        let password = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return "postgresql://\(role):\(password)@127.0.0.1:\(port)/\(database)"
    }

    public func status() throws -> Status {
        guard isInitialized else { return .notInitialized }
        guard let pid = livePostmasterPID() else { return .stopped }
        return try isReady() ? .running(pid: pid, port: port) : .stopped
    }

    /// Creates the cluster if needed and starts it; harmless when it already runs.
    /// A `postmaster.pid` left by a crashed server is recognised and removed.
    @discardableResult
    public func start(port requestedPort: Int? = nil) throws -> Status {
        let binaries = try ServerBinaries.locate()
        let account = try RunAccount.current()
        try prepareDirectories(account: account)
        if !isInitialized {
            try initialize(binaries: binaries, account: account)
        }
        if let requestedPort, !Self.ports.contains(requestedPort) {
            throw ClusterError("port \(requestedPort) is not a TCP port one may listen on (\(Self.ports.lowerBound)–\(Self.ports.upperBound))")
        }
        if let requestedPort, requestedPort != port {
            if livePostmasterPID() != nil, try isReady() {
                throw ClusterError("the cluster already runs on port \(port); run `arca db stop` before changing the port to \(requestedPort)")
            }
            try String(requestedPort).write(to: portFile, atomically: true, encoding: .utf8)
        }
        if try status() == .stopped {
            // Only when no server of ours is alive: a slow or recovering one holds its own port.
            if requestedPort == nil, livePostmasterPID() == nil, !Self.portIsFree(port) {
                // Another checkout's cluster, or anything else, holds the port: move, and remember.
                let free = Self.freePort(preferring: port + 1)
                logger.warning("port \(port) is taken; the cluster under \(root.path) now uses port \(free)")
                try String(free).write(to: portFile, atomically: true, encoding: .utf8)
            }
            try writeServerSettings(account: account)
            try recoverFromCrash()
            try launch(binaries: binaries, account: account)
        }
        try ensureDefaultDatabase(binaries: binaries)
        try ensureApplicationRole(binaries: binaries)
        return try status()
    }

    /// A hot standby of this cluster, which must run: a copy under `standbyHome` taken with
    /// `pg_basebackup`, that follows it by streaming replication once started (`start`, on a port
    /// of its own). It answers reads only; the statistics and the case and asset lists may be
    /// pointed at it (`ARCA_REPLICA_URL`). Its roles and passwords are the primary's.
    public func createStandby(home standbyHome: URL) throws -> EmbeddedCluster {
        let standby = EmbeddedCluster(home: standbyHome, logger: logger)
        guard !standby.isInitialized else { throw ClusterError("\(standby.root.path) already holds a cluster") }
        guard case .running = try status() else { throw ClusterError("the cluster under \(root.path) must run to be copied: run `arca db start`") }
        let binaries = try ServerBinaries.locate()
        let account = try RunAccount.current()
        try standby.prepareDirectories(account: account)
        let password = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        try Self.writeSecret(password, to: standby.passwordFile)
        if let application = try? String(contentsOf: applicationPasswordFile, encoding: .utf8) {
            try Self.writeSecret(application.trimmingCharacters(in: .whitespacesAndNewlines), to: standby.applicationPasswordFile)
        }
        var copy = account.command(
            binaries.tool("pg_basebackup"),
            ["-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, "-D", standby.dataDirectory.path, "-R", "-X", "stream", "-c", "fast"])
        copy.environment = ["PGPASSWORD": password]
        try copy.check("pg_basebackup")
        try String(Self.freePort(preferring: port + 1)).write(to: standby.portFile, atomically: true, encoding: .utf8)
        logger.info("a standby of the cluster under \(root.path) is ready under \(standby.root.path)")
        return standby
    }

    /// Stops the server (fast shutdown: open sessions are ended, work is not lost).
    public func stop() throws {
        guard isInitialized, livePostmasterPID() != nil else { return }
        let binaries = try ServerBinaries.locate()
        let account = try RunAccount.current()
        try account.command(binaries.tool("pg_ctl"), ["-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60", "stop"])
            .check("pg_ctl stop")
    }

    /// Stops the server and deletes the whole cluster.
    public func destroy() throws {
        try? stop()
        try? FileManager.default.removeItem(at: root)
        // A stand-in under the shared root is one folder per home: it goes whole.
        if root.deletingLastPathComponent().path == standIn.path {
            try? FileManager.default.removeItem(at: standIn)
        }
        if socketDirectory.path.hasPrefix("/tmp/") { try? FileManager.default.removeItem(at: socketDirectory) }
    }

    // MARK: - Steps

    /// The cluster's folder is the server account's alone (0700) from the moment it is made, and
    /// one made before that rule is closed at the next start: it holds the passwords and a log
    /// that may quote personal data.
    private func prepareDirectories(account: RunAccount) throws {
        let files = FileManager.default
        try files.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        if !files.fileExists(atPath: root.path) {
            guard mkdir(root.path, 0o700) == 0 || errno == EEXIST else {
                throw ClusterError("cannot create \(root.path): \(String(cString: strerror(errno)))")
            }
        }
        guard chmod(root.path, 0o700) == 0 else { throw ClusterError("cannot restrict \(root.path): \(String(cString: strerror(errno)))") }
        try account.own(root)
        try files.createDirectory(at: socketDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try account.own(socketDirectory)
        try account.checkReachable(root)
    }

    private func initialize(binaries: ServerBinaries, account: RunAccount) throws {
        let files = FileManager.default
        if files.fileExists(atPath: dataDirectory.path) {
            // A half-made data directory from an interrupted initdb.
            try files.removeItem(at: dataDirectory)
        }
        try files.createDirectory(at: dataDirectory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try account.own(dataDirectory)

        let password = Self.generatePassword()
        try Self.writeSecret(password, to: passwordFile)
        // initdb reads the password from a file the service account can read; it is gone
        // as soon as initdb returns.
        let handoff = root.appendingPathComponent(".initdb-password")
        try Self.writeSecret(password, to: handoff)
        try account.own(handoff)
        defer { try? files.removeItem(at: handoff) }

        var arguments = [
            "-D", dataDirectory.path, "-U", Self.superuser, "--pwfile", handoff.path,
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
        ]
        arguments += ServerBinaries.hasUTF8CLocale ? ["--locale=C.UTF-8"] : ["--no-locale"]
        logger.info("initialising a PostgreSQL cluster in \(dataDirectory.path)")
        try account.command(binaries.tool("initdb"), arguments).check("initdb")
        let conf = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: conf)
        handle.seekToEndOfFile()
        handle.write(Data("\n# Settings ARCA manages (rewritten at each start)\ninclude_if_exists = 'arca.conf'\n".utf8))
        try handle.close()
        if !files.fileExists(atPath: portFile.path) {
            try String(Self.freePort(preferring: Self.defaultPort)).write(to: portFile, atomically: true, encoding: .utf8)
        }
    }

    private func writeServerSettings(account: RunAccount) throws {
        let settings = """
            listen_addresses = '127.0.0.1'
            port = \(port)
            unix_socket_directories = '\(socketDirectory.path)'
            unix_socket_permissions = 0700
            max_connections = 200
            fsync = on
            logging_collector = off

            """
        let file = dataDirectory.appendingPathComponent("arca.conf")
        try settings.write(to: file, atomically: true, encoding: .utf8)
        try account.own(file)
    }

    /// After a `kill -9` the pid file stays behind; once no process of that pid is a
    /// postmaster any more it is safe to remove. Orphaned backends exit on their own soon
    /// after their postmaster dies, so wait for them before starting again.
    private func recoverFromCrash() throws {
        guard FileManager.default.fileExists(atPath: pidFile.path), livePostmasterPID() == nil else { return }
        logger.warning("removing a stale postmaster.pid left by a server that did not shut down")
        try FileManager.default.removeItem(at: pidFile)
        let deadline = Date().addingTimeInterval(20)
        while orphanedBackendsRunning(), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    private func launch(binaries: ServerBinaries, account: RunAccount) throws {
        let descriptor = open(logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw ClusterError("cannot create \(logFile.path): \(String(cString: strerror(errno)))") }
        fchmod(descriptor, 0o600)
        close(descriptor)
        try account.own(logFile)
        let output = try account.command(
            binaries.tool("pg_ctl"), ["-D", dataDirectory.path, "-l", logFile.path, "-w", "-t", "60", "start"]
        ).run()
        guard output.status == 0, try isReady() else {
            throw ClusterError(
                "PostgreSQL did not start on 127.0.0.1:\(port): \(output.text.trimmingCharacters(in: .whitespacesAndNewlines))\nlast lines of \(logFile.path):\n\(logTail())"
            )
        }
        logger.info("PostgreSQL listens on 127.0.0.1:\(port)")
    }

    private func ensureDefaultDatabase(binaries: ServerBinaries) throws {
        let password = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let env = ["PGPASSWORD": password]
        let query = Command(
            executable: binaries.tool("psql"),
            arguments: ["-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, "-d", "postgres", "-tAc",
                        "SELECT 1 FROM pg_database WHERE datname = '\(Self.defaultDatabase)'"],
            environment: env)
        if try query.check("psql").trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
        try Command(
            executable: binaries.tool("createdb"),
            arguments: ["-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, Self.defaultDatabase],
            environment: env
        ).check("createdb")
    }

    /// The application role, with a password of its own kept beside the superuser's; made
    /// again when its password file is gone.
    private func ensureApplicationRole(binaries: ServerBinaries) throws {
        if FileManager.default.fileExists(atPath: applicationPasswordFile.path) { return }
        let superuserPassword = try String(contentsOf: passwordFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let password = Self.generatePassword()
        let role = Self.applicationRole
        let statement = """
            DO $$ BEGIN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN
                    ALTER ROLE \(role) LOGIN PASSWORD '\(password)';
                ELSE
                    CREATE ROLE \(role) LOGIN PASSWORD '\(password)';
                END IF;
            END $$
            """
        try Command(
            executable: binaries.tool("psql"),
            arguments: ["-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", statement],
            environment: ["PGPASSWORD": superuserPassword]
        ).check("psql")
        try Self.writeSecret(password, to: applicationPasswordFile)
    }

    // MARK: - Observing the server

    /// The postmaster's pid when the pid file names a live postgres process.
    func livePostmasterPID() -> Int32? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let first = text.split(separator: "\n").first, let pid = Int32(first.trimmingCharacters(in: .whitespaces))
        else { return nil }
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return Self.isPostgresProcess(pid) ? pid : nil
    }

    /// A live postgres process; a zombie (killed, not yet reaped by its parent) is dead.
    private static func isPostgresProcess(_ pid: Int32) -> Bool {
        guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else {
            // No /proc (not Linux): trust the signal check.
            return !FileManager.default.fileExists(atPath: "/proc/self")
        }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return name.hasPrefix("postgres") && state != "Z" && state != "X"
    }

    private func orphanedBackendsRunning() -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        let marker = dataDirectory.path
        for entry in entries where Int32(entry) != nil {
            guard let environ = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")) else { continue }
            let command = String(decoding: environ, as: UTF8.self)
            if command.hasPrefix("postgres:") && Self.isPostgresProcess(Int32(entry)!) {
                // Backends rename themselves; their cwd is the data directory.
                if let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"), cwd == marker {
                    return true
                }
            }
        }
        return false
    }

    /// Ready means a client can connect as the cluster's superuser.
    func isReady() throws -> Bool {
        let binaries = try ServerBinaries.locate()
        let output = try Command(
            executable: binaries.tool("pg_isready"),
            arguments: ["-h", "127.0.0.1", "-p", String(port), "-U", Self.superuser, "-d", "postgres", "-t", "5"]
        ).run()
        return output.status == 0
    }

    private func logTail() -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "(no log)" }
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Whether nothing listens on 127.0.0.1:`port` (bound as PostgreSQL binds, reusing an
    /// address in TIME_WAIT).
    static func portIsFree(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Ports an unprivileged server may listen on.
    static let ports = 1024...65535

    /// `preferred` when it is free, else the next free port after it (wrapping to the start
    /// of the range).
    static func freePort(preferring preferred: Int) -> Int {
        let start = ports.contains(preferred) ? preferred : ports.lowerBound
        return (Array(start...ports.upperBound) + Array(ports.lowerBound..<start)).prefix(2000).first(where: portIsFree) ?? start
    }

    /// Writes a password readable by its owner only from the first byte (created 0600, not
    /// written and then restricted).
    static func writeSecret(_ text: String, to file: URL) throws {
        try? FileManager.default.removeItem(at: file)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ClusterError("cannot create \(file.path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    private static func generatePassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
