import ArcaTestSupport
import Foundation
import FoundationNetworking
import PostgresCluster
import Testing

/// The README's run command where a new user is likely to run it: as root, in a clone inside
/// root's home folder, which only root may enter.
@Suite("The first run, as a new user would do it")
struct FirstRunTests {
    @Test(.enabled(if: geteuid() == 0, "only root runs the server as another account"), .timeLimit(.minutes(10)))
    func asRootInAFolderOnlyRootEntersTheRunStepsServeTheAPIWithDemoData() async throws {
        let home = try TestDatabase.temporaryHome("root-home")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.path)
        let clone = home.appendingPathComponent("arca")
        try FileManager.default.createDirectory(at: clone, withIntermediateDirectories: false)
        let cluster = EmbeddedCluster(home: clone.appendingPathComponent(".arca"))
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: home)
        }
        let env = ["ARCA_HOME": "", "ARCA_DB_PORT": ""]

        // The steps of `make run`, with the binary the suite tests.
        for step in [["db", "start"], ["migrate"]] {
            let outcome = try ArcaProcess.run(step, environment: env, in: clone)
            #expect(outcome.status == 0, "arca \(step.joined(separator: " ")): \(outcome.stderr)")
        }
        let seeded = try ArcaProcess.run(["demo", "seed", "--cases", "3", "--if-empty", "--token"], environment: env, in: clone)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let token = try #require(seeded.stdout.split(separator: "\n").last.map(String.init))
        let server = try ServedArca(port: TestDatabase.freePort(), environment: env, in: clone)
        try await server.ready()
        var request = URLRequest(url: server.url("/v1/cases?limit=2"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        server.kill()

        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect((json(String(decoding: body, as: UTF8.self))["items"] as? [Any])?.count == 2)
        // The cluster went where the server account can reach, and the user's folder kept its mode.
        let status = try ArcaProcess.run(["db", "status"], environment: env, in: clone)
        #expect(status.stdout.hasPrefix("running"))
        #expect(status.stdout.contains(EmbeddedCluster.sharedRoot.path))
        #expect(!FileManager.default.fileExists(atPath: clone.appendingPathComponent(".arca/postgres/data").path))
        let mode = try FileManager.default.attributesOfItem(atPath: home.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }
}
