import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Real browsers join a session running in tmux: Debian's headless `chromium` through
/// `chromedriver` and Selenium (installed by `.ci/run`). The scripts beside this file do
/// what a person would and say what failed; this runs them against the real binary.
@Suite(.serialized) struct BrowserTests {
    /// Why the browser tests cannot run here, or nil when they can.
    static let missing: String? = {
        var missing: [String] = []
        for program in ["chromium", "chromedriver"] where Browser.which(program) == nil { missing.append(program) }
        if !Python.has("selenium") { missing.append("python3's selenium") }
        return missing.isEmpty ? nil : missing.joined(separator: ", ")
    }()

    @Test(.enabled(if: missing == nil, "needs chromium, chromium-driver and selenium (.ci/run installs them)"))
    func threePhonesJoinSendInTurnVoteAtOnceAndOneComesBack() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let port = try Browser.freePort()
        let log = try tmux.startWorkshop(extra: ["--serve", "127.0.0.1:\(port)"], width: 100, height: 40)
        let result = try Browser.run("join_from_devices.py", [tmux.socket, "http://127.0.0.1:\(port)/", log], in: tmux.directory)
        #expect(result.status == 0, "the browsers said:\n\(result.output)\(result.error)")
        // The log holds each contribution once, and reads back in the real binary's export.
        let export = try Spawn.run([try Tmux.binary(), "export", log, "--format", "json"], in: tmux.directory)
        #expect(export.status == 0)
        // Every text said, as the export's contributions carry it (a story's title on the
        // ranking is its text again, so only `text` fields are counted).
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any])
        let texts = Self.values(of: "text", in: json)
        for said in ["Clinician first, manager second — and café owner 東京 👋🏽", "Social worker; the system is the people I ring at 5 pm",
                     "Pharmacist who chairs the falls group", "The night the discharge lounge stayed open",
                     "The bed manager who phoned every care home", "Falls clinic run from the library"] {
            #expect(texts.filter { $0 == said }.count == 1, "\(said) once in the export")
        }
        #expect(!export.output.contains("A draft sent out of turn"))
        // The dots placed on the phones, each counted once: Ana 1 1 3, Ben 2 2 2, Chi 3 3 2.
        let ranking = (json["plausibility"] as? [[String: Any]] ?? []).map { ($0["number"] as? Int ?? 0, $0["dots"] as? Int ?? 0) }
        #expect(ranking.map(\.0) == [2, 3, 1] && ranking.map(\.1) == [4, 3, 2], "\(ranking)")
    }

    /// Every string under `key`, anywhere in a JSON value.
    static func values(of key: String, in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { name, inner in (name == key ? [inner as? String].compactMap { $0 } : []) + values(of: key, in: inner) }
        }
        if let array = value as? [Any] { return array.flatMap { values(of: key, in: $0) } }
        return []
    }
}

enum Browser {
    /// A program on PATH.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A loopback port nothing listens on now (the kernel's pick).
    static func freePort() throws -> Int {
        let (fd, port) = try bound()
        close(fd)
        return port
    }

    /// A socket bound to loopback `port` (0: the kernel picks), and its port.
    static func bound(port: Int = 0) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Spawn.Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw Spawn.Failure(description: "bind: \(String(cString: strerror(errno)))")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Runs one of the Selenium scripts beside this file.
    static func run(_ script: String, _ arguments: [String], in directory: String) throws -> Spawn.Result {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(script).path
        guard let python = Python.executable else { throw Spawn.Failure(description: "python3 is not on PATH") }
        return try Spawn.run([python, path] + arguments, in: directory)
    }
}
