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

extension ServeTests {
    /// A self-signed certificate for `host` and its key, made with openssl in the test's folder.
    static func selfSigned(for host: String, in tmux: Tmux) throws -> (certificate: String, key: String) {
        let (certificate, key) = (tmux.path("cert.pem"), tmux.path("key.pem"))
        let made = try Spawn.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=\(host)",
                                  "-keyout", key, "-out", certificate], in: tmux.directory)
        try #require(made.status == 0, "\(made.error)")
        return (certificate, key)
    }

    /// `--tls-cert FILE --tls-key FILE`: the page over HTTPS (a self-signed certificate made
    /// here with openssl), the screen says so, the cookie is Secure, and plain HTTP gets nothing.
    @Test(.enabled(if: Browser.which("openssl") != nil && Browser.which("curl") != nil, "needs openssl and curl"))
    func tlsServesTheJoinPageOverHTTPS() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let (certificate, key) = try Self.selfSigned(for: "127.0.0.1", in: tmux)
        let port = try Browser.freePort()
        _ = try tmux.startWorkshop(extra: ["--serve", "127.0.0.1:\(port)", "--tls-cert", certificate, "--tls-key", key], width: 100, height: 40)
        let screen = try tmux.wait(for: "Join on your phone: https://127.0.0.1:\(port)/")
        #expect(screen.contains("HTTPS: what is sent is encrypted on the network."))
        let page = try Spawn.run(["curl", "-sk", "https://127.0.0.1:\(port)/"], in: tmux.directory)
        #expect(page.status == 0)
        #expect(page.output.contains("<h1>Join the session</h1>"))
        let join = try Spawn.run(["curl", "-sk", "-o", "/dev/null", "-D", "-", "-X", "POST", "-d", "code=000000",
                                  "https://127.0.0.1:\(port)/join"], in: tmux.directory)
        #expect(join.output.contains("403"), "\(join.output)")
        let plain = try Spawn.run(["curl", "-s", "-m", "5", "http://127.0.0.1:\(port)/"], in: tmux.directory)
        #expect(plain.status != 0 || !plain.output.contains("Join the session"), "plain HTTP is not served")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }

    /// This machine's first network (not loopback) IPv4 address, for a presenter page a
    /// tablet could open; nil on a machine with none.
    static let networkAddress: String? = {
        guard let out = try? Spawn.run(["hostname", "-I"], in: "/"), out.status == 0 else { return nil }
        return out.output.split(separator: " ").map(String.init)
            .first { $0.contains(".") && !$0.hasPrefix("127.") && $0.allSatisfy { $0.isNumber || $0 == "." } }
    }()

    /// With TLS, a presenter page on a network address is HTTPS too (its secret must not cross
    /// the room's Wi-Fi in clear): an `https://` link, a `Secure` cookie, nothing over plain
    /// HTTP; `sensemaking presenter` says to open it in a browser, and `--link` prints it.
    @Test(.enabled(if: Browser.which("openssl") != nil && Browser.which("curl") != nil && Self.networkAddress != nil,
                   "needs openssl, curl and a network address"))
    func tlsServesAPresenterPageOnTheNetworkOverHTTPS() throws {
        let host = try #require(Self.networkAddress)
        let tmux = try Tmux()
        defer { tmux.close() }
        let (certificate, key) = try Self.selfSigned(for: host, in: tmux)
        let port = try Browser.freePort(), presenterPort = try Browser.freePort()
        let log = try tmux.startWorkshop(extra: ["--serve", "127.0.0.1:\(port)", "--tls-cert", certificate, "--tls-key", key,
                                                 "--presenter", "\(host):\(presenterPort)"], width: 120, height: 40)
        let printed = try Spawn.run([try Tmux.binary(), "presenter", log, "--link"], in: tmux.directory)
        let link = printed.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(link.hasPrefix("https://\(host):\(presenterPort)/presenter/s/"), "\(printed.output) \(printed.error)")
        let signIn = try Spawn.run(["curl", "-sk", "-o", "/dev/null", "-D", "-", link], in: tmux.directory)
        #expect(signIn.output.contains("303"), "\(signIn.output)")
        let cookie = signIn.output.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: sm_presenter=") }
        #expect(cookie?.hasSuffix("; Secure") == true, "\(signIn.output)")
        let plain = try Spawn.run(["curl", "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}",
                                   link.replacingOccurrences(of: "https://", with: "http://")], in: tmux.directory)
        #expect(plain.output != "303", "plain HTTP does not sign in: \(plain.output)")
        let terminal = try Spawn.run([try Tmux.binary(), "presenter", log], in: tmux.directory)
        #expect(terminal.status != 0)
        #expect(terminal.error.contains("served over HTTPS on the network"), "\(terminal.error)")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test func tlsNeedsBothFilesAndServe() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let alone = try Spawn.run([try Tmux.binary(), "run", "--log", tmux.path("a.md"), "--serve", "127.0.0.1:9", "--tls-cert", "c.pem"], in: tmux.directory)
        #expect(alone.status != 0)
        #expect(alone.error.contains("--tls-cert and --tls-key go together"))
        // A certificate that is not there: said plainly before the screen starts, and no log.
        try tmux.start(try Tmux.binary(), ["run", "--log", tmux.path("b.md"), "--serve", "127.0.0.1:\(try Browser.freePort())",
                                           "--tls-cert", tmux.path("none.pem"), "--tls-key", tmux.path("none.key")], width: 200)
        #expect(try tmux.exitStatus() == 1)
        #expect(try tmux.history().contains("Cannot read the certificate \(tmux.path("none.pem")) (--tls-cert)"))
        #expect(!FileManager.default.fileExists(atPath: tmux.path("b.md")), "no log is left")
    }
}
