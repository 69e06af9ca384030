import Foundation
import SensemakingCore
#if canImport(Glibc)
import Glibc
#endif

/// The session's log, open for appending by this process alone.
///
/// A record counts as saved only once its bytes were written in full and `fsync` returned.
/// When a write or an fsync fails, the records wait in memory, in order, and the journal
/// says `.notSaved`; every later `append` (or `retry`) first tries them again. What a failed
/// attempt may have left in the file past the last confirmed byte is never trusted: before
/// writing again the journal truncates the file back to that byte, then writes every waiting
/// record anew and fsyncs. (After a failed fsync, Linux may report the next fsync as a success
/// although the earlier pages never reached the disk; rewriting them is what makes the next
/// success mean something.) `saveAs` continues in a new file that holds the whole session.
public final class Journal {
    /// The file now being written.
    public private(set) var path: String
    public private(set) var status: SaveStatus = .saved

    let io: any FileIO
    private(set) var fd: Int32
    private let header: SessionHeader
    /// Every record of the session, in order: the file holds `records[..<confirmed]`.
    private var records: [Record]
    private var confirmed: Int
    /// Bytes of the file known to be on disk.
    private var confirmedLength: Int
    /// `records[confirmed...]`, each built whole when it was appended.
    private var pendingBytes: [UInt8] = []
    /// A failed attempt may have left bytes past `confirmedLength`.
    private var dirty = false
    private var closed = false
    /// Moves to a recovered file not yet shown (see `stayInPlace`).
    var relocations: [Relocation] = []
    /// Names a recovered file; tests set it.
    var clock: () -> Date = { Date() }

    private init(io: any FileIO, fd: Int32, path: String, header: SessionHeader, records: [Record], length: Int) {
        self.io = io
        self.fd = fd
        self.path = path
        self.header = header
        self.records = records
        self.confirmed = records.count
        self.confirmedLength = length
    }

    deinit { close() }

    /// Records written and not yet confirmed on disk.
    public var pendingCount: Int { records.count - confirmed }

    /// Every record of the session so far, saved or waiting.
    public var allRecords: [Record] { records }

    // MARK: Creating

    /// Creates a new log (never over an existing file), locks it, writes the front matter and
    /// makes the file and its folder entry durable.
    public static func create(path: String, header: SessionHeader,
                              io: any FileIO = PosixFileIO(), now: Date = Date()) throws(LogError) -> Journal {
        let bytes = Array(LogFormat.header(header).utf8)
        let fd = try createFile(path, bytes: bytes, io: io, now: now)
        return Journal(io: io, fd: fd, path: path, header: header, records: [], length: bytes.count)
    }

    /// Opens `path` new (O_EXCL, mode 0600), locks it and writes `bytes` durably. On a failure
    /// after creating it, the half-made file is removed so the same path can be tried again.
    static func createFile(_ path: String, bytes: [UInt8], io: any FileIO, now: Date) throws(LogError) -> Int32 {
        let fd: Int32
        do {
            fd = try io.open(path, flags: O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_WRONLY, mode: 0o600)
        } catch {
            throw openError(error, path: path, creating: true)
        }
        do {
            try WriterLock.acquire(fd, path: path, io: io, now: now)
        } catch {
            try? io.close(fd)
            throw error
        }
        do {
            try io.writeAll(fd, bytes)
            try io.fsync(fd)
            try io.syncDirectory(of: path)
        } catch {
            try? io.unlink(path)
            WriterLock.withdraw(path: path, io: io)
            try? io.close(fd)
            throw LogError.io(path: path, operation: "write", code: error.code)
        }
        return fd
    }

    static func openError(_ error: SystemError, path: String, creating: Bool) -> LogError {
        switch error.code {
        case EEXIST: return .exists(path: path)
        case ENOENT where creating, ENOTDIR: return .missingDirectory(path: path, directory: Paths.directory(of: path))
        case ENOENT: return .notFound(path: path)
        case EACCES, EPERM, EROFS: return .permissionDenied(path: path)
        case EISDIR: return .notALog(path: path, reason: "it is a folder")
        default: return .io(path: path, operation: creating ? "create" : "open", code: error.code)
        }
    }

    // MARK: Appending

    /// Appends records the core produced (`Effect.append`), in order. `session` is the state
    /// after they were applied; it supplies the headings and synthesis written around them.
    /// Returns `.saved` only when these and every earlier record are on disk.
    @discardableResult
    public func append(_ newRecords: [Record], session: Session) -> SaveStatus {
        guard !closed else { return .notSaved(reason: "the log is closed", pending: pendingCount + newRecords.count) }
        for record in newRecords {
            records.append(record)
            pendingBytes += Array(LogFormat.encode(record, number: records.count, in: session).utf8)
        }
        return retry()
    }

    /// Tries again to save what waits; `.saved` when nothing does.
    @discardableResult
    public func retry() -> SaveStatus {
        guard !closed else { return .notSaved(reason: "the log is closed", pending: pendingCount) }
        if !pendingBytes.isEmpty || dirty {
            do {
                // Whatever a failed attempt left past the confirmed end is rewritten, never trusted.
                if dirty { try io.truncate(fd, to: confirmedLength) }
                dirty = true
                try io.writeAll(fd, pendingBytes)
                try io.fsync(fd)
            } catch {
                status = .notSaved(reason: "\(error.text) (\(error.call))", pending: pendingCount)
                return status
            }
            confirmedLength += pendingBytes.count
            confirmed = records.count
            pendingBytes = []
            dirty = false
        }
        status = stayInPlace()
        return status
    }

    // MARK: Continuing elsewhere

    /// `/saveas PATH`: writes the whole session (header, every record, saved or waiting) to a
    /// new log whose front matter names this one, makes it durable, and continues there. The
    /// new file stands on its own for `resume` and `export`; the old one is left as it is.
    /// On failure nothing changes and the new path is removed again. `session` is the live
    /// state; the journal already holds every record of it, which is what it writes.
    @discardableResult
    public func saveAs(path newPath: String, session: Session, now: Date = Date()) throws(LogError) -> SaveStatus {
        try continueIn(newPath, now: now)
    }

    /// `saveAs`: the journal's own records are the whole session.
    @discardableResult
    func continueIn(_ newPath: String, now: Date) throws(LogError) -> SaveStatus {
        guard !closed else { throw LogError.io(path: path, operation: "continue", code: EBADF) }
        let bytes = Array(LogFormat.encode(header, records: records, continues: path).utf8)
        let newFD = try Self.createFile(newPath, bytes: bytes, io: io, now: now)
        WriterLock.withdraw(path: path, io: io)
        try? io.close(fd)
        fd = newFD
        path = newPath
        confirmed = records.count
        confirmedLength = bytes.count
        pendingBytes = []
        dirty = false
        status = .saved
        return status
    }

    /// Releases the lock. Records still waiting are not written.
    public func close() {
        guard !closed else { return }
        closed = true
        WriterLock.withdraw(path: path, io: io)
        try? io.close(fd)
    }

    // MARK: Resuming

    /// Opens an existing log to continue it: locks it, reads it, moves a torn last record
    /// aside to `LOG.torn-<time>` and truncates the log back to its last whole record. A
    /// damaged log is reported with its line and left unchanged. Returns the open journal,
    /// the session its records rebuild (`Session(header:)` then `apply` for each, as live)
    /// and sentences for the screen (a torn record moved aside).
    public static func resume(path: String, io: any FileIO = PosixFileIO(), now: Date = Date())
        throws(LogError) -> (journal: Journal, session: Session, notices: [String]) {
        let fd: Int32
        do {
            fd = try io.open(path, flags: O_WRONLY | O_APPEND | O_CLOEXEC, mode: 0)
        } catch {
            throw openError(error, path: path, creating: false)
        }
        var locked = false
        do throws(LogError) {
            try WriterLock.acquire(fd, path: path, io: io, now: now)
            locked = true
            let bytes: [UInt8]
            do { bytes = try io.read(path) } catch { throw LogError.io(path: path, operation: "read", code: error.code) }
            let contents: LogContents
            do { contents = try LogFormat.decode(bytes: bytes) } catch { throw error.at(path) }
            var notices: [String] = []
            if let torn = contents.torn {
                let aside = try quarantine(bytes[torn.offset...], of: path, io: io, now: now)
                do {
                    try io.truncate(fd, to: contents.validLength)
                } catch {
                    throw LogError.io(path: path, operation: "truncate", code: error.code)
                }
                notices.append("The last record in \(path) (line \(torn.line)) was cut short when the session stopped; "
                    + "it was moved to \(aside) and everything before it is kept.")
            }
            // What was read is built on from now on: make sure it is on disk.
            do { try io.fsync(fd) } catch { throw LogError.io(path: path, operation: "fsync", code: error.code) }
            let journal = Journal(io: io, fd: fd, path: path, header: contents.header,
                                  records: contents.records, length: contents.validLength)
            return (journal, contents.session, notices)
        } catch {
            if locked { WriterLock.withdraw(path: path, io: io) }
            try? io.close(fd)
            throw error
        }
    }

    /// Writes a torn tail to `LOG.torn-YYYYMMDD-HHMMSS` (a new name if taken), durably.
    private static func quarantine(_ tail: ArraySlice<UInt8>, of path: String, io: any FileIO, now: Date) throws(LogError) -> String {
        let stamp = LogTime.fileStamp(now)
        var attempt = 1
        while true {
            let aside = path + ".torn-" + stamp + (attempt == 1 ? "" : "-\(attempt)")
            let fd: Int32
            do {
                fd = try io.open(aside, flags: O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode: 0o600)
            } catch {
                if error.code == EEXIST && attempt < 1000 {
                    attempt += 1
                    continue
                }
                throw LogError.io(path: aside, operation: "create", code: error.code)
            }
            do {
                try io.writeAll(fd, Array(tail))
                try io.fsync(fd)
                try io.close(fd)
                try io.syncDirectory(of: aside)
            } catch {
                try? io.close(fd)
                throw LogError.io(path: aside, operation: "write", code: error.code)
            }
            return aside
        }
    }
}
