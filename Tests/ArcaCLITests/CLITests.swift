import ArcaTestSupport
import Foundation
import Testing

/// Runs the real `arca` binary (built by `make test`, found through ARCA_BIN or beside the
/// test bundle) with its output captured.
struct ArcaProcess {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ARCA_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.bundleURL.appendingPathComponent("arca")
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("arca command line")
struct CLITests {
    @Test(arguments: [
        [], ["serve"], ["migrate"], ["db"], ["db", "start"], ["db", "stop"], ["db", "status"], ["db", "url"],
        ["office", "add"], ["user", "add"], ["token", "issue"], ["token", "revoke"], ["case", "create"], ["case", "list"],
        ["case", "show"], ["asset", "add"], ["asset", "list"], ["asset", "show"], ["order", "create"], ["order", "execute"],
        ["order", "lift"], ["audit", "list"], ["settings", "list"], ["settings", "set"], ["demo", "seed"],
    ])
    func everyCommandExplainsItselfWithHelp(_ command: [String]) throws {
        let outcome = try ArcaProcess.run(command + ["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE: arca"))
        #expect(outcome.stdout.contains("OVERVIEW:"))
    }

    @Test func aMalformedDatabaseURLIsOneLineAndANonZeroExit() throws {
        let outcome = try ArcaProcess.run(["migrate"], environment: ["DATABASE_URL": "not a url"])
        #expect(outcome.status != 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: cannot reach the database") == true)
        #expect(outcome.stderr.contains("DATABASE_URL"))
    }

    @Test func anUnreachableDatabaseIsOneLineAndANonZeroExit() throws {
        let url = "postgresql://arca@127.0.0.1:\(TestDatabase.freePort())/arca?connect_timeout=2"
        let outcome = try ArcaProcess.run(["migrate", "--status"], environment: ["DATABASE_URL": url])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("check DATABASE_URL"))
    }

    @Test func dbCommandsRefuseToRunWhenDatabaseURLIsSet() throws {
        let outcome = try ArcaProcess.run(["db", "start"], environment: ["DATABASE_URL": "postgresql://127.0.0.1/x"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("unset it"))
    }

    @Test func migrateAppliesTheShippedMigrationsThenHasNothingToDo() async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let first = try ArcaProcess.run(["migrate"], environment: ["DATABASE_URL": db.url])
            #expect(first.status == 0)
            #expect(first.stdout.contains("applying 0001_"))
            let second = try ArcaProcess.run(["migrate"], environment: ["DATABASE_URL": db.url])
            #expect(second.stdout.contains("nothing to apply"))
            let status = try ArcaProcess.run(["migrate", "--status"], environment: ["DATABASE_URL": db.url])
            #expect(status.stdout.contains("applied  0001_"))
        }
    }

    @Test func dbStatusOnAnEmptyHomeSaysSoAndExitsThree() throws {
        let home = try TestDatabase.temporaryHome("cli-status")
        defer { try? FileManager.default.removeItem(at: home) }
        let outcome = try ArcaProcess.run(["db", "status"], environment: ["ARCA_HOME": home.path])
        #expect(outcome.status == 3)
        #expect(outcome.stdout.contains("not initialised"))
    }
}

@Suite("arca administration commands")
struct AdministrationCommandTests {
    @Test func anAdministratorSetsUpAnOfficeAUserAndATokenPrintedLast() async throws {
        try await TestDatabase.withFresh { db in
            let env = ["DATABASE_URL": db.url]
            let office = try ArcaProcess.run(["office", "add", "BE-ARO", "--state", "BE", "--name", "Belgian ARO"], environment: env)
            #expect(office.status == 0, "\(office.stderr)")
            let user = try ArcaProcess.run(["user", "add", "j.peeters", "--role", "officer", "--office", "BE-ARO"], environment: env)
            #expect(user.status == 0, "\(user.stderr)")
            let token = try ArcaProcess.run(["token", "issue", "--user", "j.peeters"], environment: env)
            #expect(token.status == 0, "\(token.stderr)")
            let last = token.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(last.hasPrefix("arca_") && last.count == 69)
            let stored = try await db.pool.query("SELECT count(*) FROM api_token WHERE revoked_at IS NULL")
            #expect(try stored[0].decode(Int.self, 0) == 1)
            let revoke = try ArcaProcess.run(["token", "revoke", "--user", "j.peeters"], environment: env)
            #expect(revoke.stdout.contains("revoked 1 token"))
        }
    }

    @Test func anAdministratorChangesASettingAndTheListShowsItBesideItsDefault() async throws {
        try await TestDatabase.withFresh { db in
            let env = ["DATABASE_URL": db.url]
            let set = try ArcaProcess.run(["settings", "set", "deadline.confiscation", "p30d"], environment: env)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout == "deadline.confiscation = P30D\n")

            let list = try ArcaProcess.run(["settings", "list"], environment: env)
            #expect(list.stdout.contains("deadline.confiscation = P30D (default P45D)"))
            #expect(list.stdout.contains("Reg 2018/1805 Art 20(1)"))
            #expect(list.stdout.contains("deadline.information_urgent_direct = PT8H\n"))
        }
    }

    @Test func aBadSettingValueIsOneLineNamingTheFieldAndANonZeroExit() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = try ArcaProcess.run(["settings", "set", "sharing.issuing_state_percent", "150"], environment: ["DATABASE_URL": db.url])
            #expect(outcome.status != 0)
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("not a percentage between 0 and 100"))
            let chosen = try await db.pool.query("SELECT count(*) FROM setting")
            #expect(try chosen[0].decode(Int.self, 0) == 0)
        }
    }

    @Test func anUnknownRoleIsOneLineNamingTheRoles() async throws {
        try await TestDatabase.withFresh { db in
            let outcome = try ArcaProcess.run(
                ["user", "add", "j.peeters", "--role", "boss", "--office", "BE-ARO"], environment: ["DATABASE_URL": db.url])
            #expect(outcome.status != 0)
            #expect(outcome.stderr.split(separator: "\n").count == 1)
            #expect(outcome.stderr.contains("officer"))
        }
    }
}
