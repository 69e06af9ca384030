import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How `sensemaking presenter` finds the running session: a file beside the log, readable by
/// this user only (0600), holding the presenter link. Written once the log is open (its lock
/// held, so a file left by a session that died is stale and replaced), removed on the way out.
public enum PresenterAccess {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// `LOG.presenter`.
    public static func path(forLog log: String) -> String { log + ".presenter" }

    /// Creates the file afresh with mode 0600 (never widening an existing one) and writes the link.
    public static func write(_ link: String, forLog log: String) throws {
        let path = path(forLog: log)
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Problem(description: "Cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array((link + "\n").utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw Problem(description: "Cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    public static func remove(forLog log: String) {
        unlink(path(forLog: log))
    }

    /// The link in `path`, refusing a file that others could read or that is not this user's.
    public static func read(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Problem(description: "No running session found: \(path) does not exist. Start it with --serve; sensemaking presenter LOG names its log.")
        }
        guard info.st_uid == getuid(), info.st_mode & 0o077 == 0 else {
            throw Problem(description: "\(path) can be read by others or is not yours: not using it.")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), text.contains("/presenter/s/") else {
            throw Problem(description: "\(path) does not hold a presenter link.")
        }
        return text
    }
}
