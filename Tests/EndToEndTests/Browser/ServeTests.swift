import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `--serve` on the real binary, without a browser.
@Suite struct ServeTests {
    @Test func aTakenPortIsSaidPlainlyAndLeavesNoLog() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        // Another program listens on the port.
        let (fd, port) = try Browser.bound()
        defer { close(fd) }
        try #require(listen(fd, 1) == 0)
        let log = tmux.path("session.md")
        try tmux.start(try Tmux.binary(), ["run", "--log", log, "--serve", "127.0.0.1:\(port)"], width: 200)
        #expect(try tmux.exitStatus() == 1)
        #expect(try tmux.history().contains("Cannot serve on 127.0.0.1:\(port): the port is taken by another program"))
        #expect(!FileManager.default.fileExists(atPath: log), "the same command can be run again once the port is free")
    }
}

extension ServeTests {
    /// `--serve` alone: port 8765 on this machine's network address (the first IPv4 address of
    /// an interface that is up and not loopback), shown on Welcome; or, with none, a plain
    /// refusal that says what to do.
    @Test func serveAloneBindsTheNetworkAddressOnTheDefaultPort() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start(try Tmux.binary(), ["run", "--log", tmux.path("session.md"), "--serve"], width: 120, height: 50)
        let screen = try tmux.wait("Welcome or a refusal", history: true) {
            $0.contains("Join on your phone:") || $0.contains("[exited")
        }
        if screen.contains("[exited") {
            #expect(screen.contains("--serve found no network address on this machine"), "\(screen)")
            return
        }
        let address = try #require(screen.split(separator: "\n").first { $0.contains("Join on your phone:") })
        #expect(address.contains(":8765/"), "\(address)")
        #expect(!address.contains("127.0.0.1"), "not loopback: \(address)")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }
}

extension ServeTests {
    /// kill -9 while twelve devices send with the floor open: every send answered "sent" is in
    /// the log, once, and the log still resumes and exports.
    @Test(.enabled(if: Python.executable != nil, "needs python3"))
    func killedWhileDevicesSendEverySentIsInTheLog() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let port = try Browser.freePort()
        let log = try tmux.startWorkshop(extra: ["--serve", "127.0.0.1:\(port)"], width: 100, height: 40)
        let pid = try tmux.programPID()
        let result = try Browser.run("kill_while_sending.py", [tmux.socket, String(pid), log], in: tmux.directory)
        #expect(result.status == 0, "the devices said:\n\(result.output)\(result.error)")
        #expect(Tmux.poll { kill(pid, 0) != 0 }, "the program was killed")
        let export = try Spawn.run([try Tmux.binary(), "export", log, "--format", "json"], in: tmux.directory)
        #expect(export.status == 0, "\(export.error)")
        let resumed = try Spawn.run([try Tmux.binary(), "export", log], in: tmux.directory)
        #expect(resumed.output.contains("device 0 says 0"))
    }
}
