import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds a log open for writing, as its lock sidecar (`LOG.lock`) tells.
public struct LockHolder: Equatable, Sendable {
    public var pid: Int32
    public var host: String
    public var since: Date
}

/// Everything that can go wrong with a log, each with a one-line message for a person.
public enum LogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `run --log` on a file that is already there: the log is never overwritten.
    case exists(path: String)
    /// Another process is writing this log.
    case locked(path: String, holder: LockHolder?)
    case missingDirectory(path: String, directory: String)
    case permissionDenied(path: String)
    case notFound(path: String)
    case notALog(path: String?, reason: String)
    /// Something in the file is not what the program writes: the file is left as it is.
    case damaged(path: String?, line: Int, reason: String)
    case newerFormat(path: String?, format: String)
    /// The operating system refused: `operation` is a verb phrase ("write to", "fsync").
    case io(path: String, operation: String, code: Int32)

    public var message: String {
        switch self {
        case .exists(let path):
            return "\(path) already exists and is never overwritten; to continue that session: sensemaking resume \(path)"
        case .locked(let path, let holder):
            guard let holder else { return "\(path) is open in another sensemaking; close that one first" }
            return "\(path) is open in another sensemaking (PID \(holder.pid) on \(holder.host), since \(LogTime.readable(holder.since))); close that one first"
        case .missingDirectory(let path, let directory):
            return "cannot create \(path): the folder \(directory) does not exist"
        case .permissionDenied(let path):
            return "cannot open \(path): permission denied"
        case .notFound(let path):
            return "\(path) does not exist"
        case .notALog(let path, let reason):
            return "\(path ?? "the file") is not a sensemaking log: \(reason)"
        case .damaged(let path, let line, let reason):
            return "\(path ?? "the log") is damaged at line \(line): \(reason); the file was left unchanged"
        case .newerFormat(let path, let format):
            return "\(path ?? "the log") was written by a newer sensemaking (\(format)); this one reads up to \(FrontMatter.format)"
        case .io(let path, let operation, let code):
            return "cannot \(operation) \(path): \(Self.describe(code))"
        }
    }

    public var description: String { message }

    /// The same error, naming the file it is about.
    func at(_ path: String) -> LogError {
        switch self {
        case .notALog(nil, let reason): .notALog(path: path, reason: reason)
        case .damaged(nil, let line, let reason): .damaged(path: path, line: line, reason: reason)
        case .newerFormat(nil, let format): .newerFormat(path: path, format: format)
        default: self
        }
    }

    /// strerror's text, which the C library keeps in its own buffer.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
