import Foundation
import Testing
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
