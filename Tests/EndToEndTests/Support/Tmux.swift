import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server with one pane of a fixed size, for driving the real binary.
///
/// Each instance has its own temporary directory (the program's working directory, where
/// logs go) holding its own socket, so tests run side by side. The program runs as
/// `sh -c 'trap : INT QUIT; "$@"; echo "[exited $?]"; exec sleep 600' sh env … PROGRAM …`:
/// the pane stays after the program ends and shows its exit status, which this tmux does
/// not report reliably otherwise, and the terminal's modes then (`[tty icanon echo …]`,
/// a mode left off shows as `-icanon`). `close()` (or deinit) kills the server and removes the
/// directory.
final class Tmux {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String {
            "timed out waiting for \(waitingFor); the screen was:\n\(screen)"
        }
    }

    /// The temporary directory: the program's working directory.
    let directory: String
    let socket: String
    private var closed = false

    /// The environment a program gets unless told otherwise.
    static let defaultEnvironment = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]

    init() throws {
        var template = Array("/tmp/sm-e2e-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw Spawn.Failure(description: "mkdtemp: \(String(cString: strerror(errno)))")
        }
        directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        socket = directory + "/s"
    }

    deinit {
        close()
    }

    // MARK: The binary

    /// The built `sensemaking`, next to the test bundle (`swift test` builds it first).
    static func binary(named name: String = "sensemaking") throws -> String {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(name).path]
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0])
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent(name).path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Spawn.Failure(description: "the \(name) binary is not built next to the tests; looked at "
            + candidates.joined(separator: ", ") + " (run `swift build` first)")
    }

    // MARK: Running

    /// Runs one tmux command on this server.
    @discardableResult
    func run(_ arguments: [String]) throws -> Spawn.Result {
        // tmux reads an argument that ends in ";" as the end of its command: escape it.
        let escaped = arguments.map { $0.hasSuffix(";") ? String($0.dropLast()) + "\\;" : $0 }
        return try Spawn.run(["tmux", "-S", socket, "-f", "/dev/null"] + escaped, in: directory)
    }

    /// Starts `program` with `arguments` in a new `width`×`height` session, in `directory`,
    /// with `environment` (LANG=C.UTF-8 and TERM=xterm-256color unless given) minus `unset`.
    /// With `standardError`, the program's standard error goes to that file.
    func start(
        _ program: String, _ arguments: [String] = [], width: Int = 80, height: Int = 24,
        environment: [String: String] = Tmux.defaultEnvironment, unset: [String] = [],
        standardError: String? = nil
    ) throws {
        let script = """
            trap : INT QUIT; ulimit -c 0; err=$1; shift; \
            if [ -n "$err" ]; then "$@" 2>"$err"; else "$@"; fi; s=$?; \
            echo "[tty $(stty -a 2>/dev/null | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig|icrnl|opost)' | tr '\\n' ' ')]"; \
            echo "[exited $s]"; exec sleep 600
            """
        var command = ["sh", "-c", script, "sh", standardError ?? "", "env", "-u", "TMUX", "-u", "TMUX_PANE"]
        for name in unset { command += ["-u", name] }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { command.append("\(name)=\(value)") }
        command.append(program)
        command += arguments
        let result = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-c", directory] + command)
        guard result.status == 0 else {
            throw Spawn.Failure(description: "tmux new-session failed (\(result.status)): \(result.error)")
        }
        // The window keeps this size with no client attached.
        try run(["set-option", "-g", "window-size", "manual"])
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        try run(["send-keys", "-l", "--", text])
    }

    /// Presses keys by tmux name: Enter, C-c, BSpace, Escape, F1, Up…
    func press(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    /// Pastes text as the terminal would, in bracketed-paste markers when the program asked.
    func paste(_ text: String) throws {
        let path = directory + "/paste-\(UUID().uuidString.prefix(8)).txt"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { unlink(path) }
        try run(["load-buffer", "-b", "e2e", path])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e"])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Reading

    /// The visible screen, one line per row, trailing spaces trimmed.
    func screen() throws -> String {
        try run(["capture-pane", "-p"]).output
    }

    /// The history and the screen: what was printed on the normal screen, after the program left.
    func history() throws -> String {
        try run(["capture-pane", "-p", "-S", "-"]).output
    }

    /// A tmux format for the pane, such as `#{alternate_on}` or `#{pane_width}`.
    func query(_ format: String) throws -> String {
        try run(["display-message", "-p", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the pane shows the alternate screen (a full-screen program is up).
    func alternateScreen() throws -> Bool {
        try query("#{alternate_on}") == "1"
    }

    // MARK: Waiting

    /// Polls the screen every 20 ms until `condition` holds, and returns that screen; throws
    /// `Timeout` with the last screen after `seconds`.
    @discardableResult
    func wait(
        _ description: String, seconds: Double = 10, history: Bool = false,
        until condition: (String) throws -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while true {
            last = history ? try self.history() : try screen()
            if try condition(last) { return last }
            if Date() >= deadline { throw Timeout(waitingFor: description, screen: last) }
            usleep(20_000)
        }
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func wait(for text: String, seconds: Double = 10) throws -> String {
        try wait("\"\(text)\"", seconds: seconds) { $0.contains(text) }
    }

    /// Waits until the screen does not show `text`.
    @discardableResult
    func wait(forNo text: String, seconds: Double = 10) throws -> String {
        try wait("no \"\(text)\"", seconds: seconds) { !$0.contains(text) }
    }

    /// Waits for the program to end and returns its exit status (from the "[exited N]" line).
    func exitStatus(seconds: Double = 10) throws -> Int32 {
        let screen = try wait("the program to exit", seconds: seconds, history: true) { Self.exitStatus(in: $0) != nil }
        return Self.exitStatus(in: screen)!
    }

    static func exitStatus(in text: String) -> Int32? {
        for line in text.split(separator: "\n").reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[exited "), trimmed.hasSuffix("]") {
                return Int32(trimmed.dropFirst("[exited ".count).dropLast())
            }
        }
        return nil
    }

    /// The terminal modes the shell found after the program ended ("icanon", "-echo"…).
    func terminalModes() throws -> Set<String> {
        let text = try history()
        for line in text.split(separator: "\n").reversed() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[tty "), trimmed.hasSuffix("]") {
                return Set(trimmed.dropFirst("[tty ".count).dropLast().split(separator: " ").map(String.init))
            }
        }
        throw Spawn.Failure(description: "no [tty …] line; the screen was:\n\(text)")
    }

    /// Polls `condition` (not the screen) every 20 ms until it holds or `seconds` pass.
    static func poll(seconds: Double = 10, until condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(20_000)
        }
    }

    // MARK: The program's process

    /// The shell's process id (the pane's own process).
    func shellPID() throws -> pid_t {
        guard let pid = pid_t(try query("#{pane_pid}")) else {
            throw Spawn.Failure(description: "no pane pid")
        }
        return pid
    }

    /// The program's process id: the shell's only child, while the program runs.
    func programPID() throws -> pid_t {
        let shell = try shellPID()
        var found: pid_t?
        _ = Tmux.poll(seconds: 5) {
            found = Tmux.children(of: shell).first
            return found != nil
        }
        guard let found else { throw Spawn.Failure(description: "the program is not running under pid \(shell)") }
        return found
    }

    /// Sends a signal to the program.
    func signal(_ signal: Int32) throws {
        let pid = try programPID()
        guard kill(pid, signal) == 0 else {
            throw Spawn.Failure(description: "kill \(pid): \(String(cString: strerror(errno)))")
        }
    }

    static func children(of pid: pid_t) -> [pid_t] {
        let path = "/proc/\(pid)/task/\(pid)/children"
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        return []
    }

    // MARK: Files

    /// A path in the temporary directory.
    func path(_ name: String) -> String {
        directory + "/" + name
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: path(name), encoding: .utf8)
    }

    // MARK: Cleaning up

    /// Kills the server (and the program with it) and removes the directory. Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        unlink(socket)
        try? FileManager.default.removeItem(atPath: directory)
    }
}
