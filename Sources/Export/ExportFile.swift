import Foundation
import Glibc

/// Writes an export atomically: a temporary file in the same directory, fsync, rename,
/// fsync the directory. A reader sees the old file or the new one, never half of one.
public enum ExportFile {
    /// Every export carries this, so a later export may replace it without `--force`.
    public static let marker = "sensemaking-export/1"

    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Writes `text` to `path`. Refuses the session's own log always, and any existing
    /// file that is not an earlier export unless `force`.
    public static func write(_ text: String, to path: String, log: String?, force: Bool) throws(Refusal) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if let log, URL(fileURLWithPath: log).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw Refusal(message: "\(path) is the session's log: export writes beside it, never over it.")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw Refusal(message: "\(path) is a directory.") }
            if !force {
                let head = (try? FileHandle(forReadingFrom: target))?.readData(ofLength: 1 << 20) ?? Data()
                // Bytes, not Foundation's String search (a quarter of a re-export's time).
                if !contains(head, marker) {
                    throw Refusal(message: "\(path) exists and is not an earlier export: add --force to replace it.")
                }
            }
        }
        let directory = target.deletingLastPathComponent().path
        let temporary = directory + "/." + target.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 { throw Refusal(message: "Cannot write in \(directory): \(String(cString: strerror(errno))).") }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += n
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0 && rename(temporary, target.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw Refusal(message: "Could not write \(path): \(String(cString: strerror(failure))).")
        }
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    private static func contains(_ data: Data, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        return data.withUnsafeBytes { hay in
            guard hay.count >= needle.count else { return false }
            for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
                if needle.indices.allSatisfy({ hay[start + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }
}
