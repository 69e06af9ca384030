import ArgumentParser
import Foundation
import SensemakingCore
import SessionLog
#if canImport(Glibc)
import Glibc
#endif

/// For the kill -9 test: creates a log and appends the probe session's records through the
/// real journal, printing each contribution's id on standard output only after its append
/// returned `.saved`. The test kills it at random moments and checks every printed id.
struct JournalProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-probe",
        abstract: "Append numbered records to a new log, printing each id once it is on disk (a test aid).",
        shouldDisplay: false
    )

    @Argument(help: "The log to create.")
    var path: String

    @Option(help: "How many contributions to append.")
    var count = 100_000

    @Option(help: "Write at most this many bytes per write call, so a kill can land inside a record (0: no limit).")
    var chunk = 0

    @Option(help: "Microseconds to wait after each piece of a chunked write, to widen that window.")
    var pause = 0

    func run() throws {
        let io: any FileIO = chunk > 0 ? ChunkedFileIO(limit: chunk, pause: pause) : PosixFileIO()
        let journal: Journal
        do {
            journal = try Journal.create(path: path, header: JournalProbe.header, io: io, now: JournalProbe.started)
        } catch {
            Self.emit(2, "journal-probe: \(error.message)\n")
            throw ExitCode.failure
        }
        var session = Session(header: JournalProbe.header)
        for n in 1...(count + 1) {
            let record = JournalProbe.record(n)
            session.apply(record)
            let status = journal.append([record], session: session)
            guard status == .saved else {
                Self.emit(2, "journal-probe: not saved: \(status)\n")
                throw ExitCode.failure
            }
            if case .contributed(let item, _) = record.event { Self.emit(1, "\(item.id)\n") }
        }
        journal.close()
    }

    /// Unbuffered, so a line on standard output is out before the next record starts.
    private static func emit(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Real files, but each write call takes at most `limit` bytes (a short write, which the
/// journal finishes with more calls), then waits `pause` microseconds.
private final class ChunkedFileIO: FileIO {
    private let base = PosixFileIO()
    private let limit: Int
    private let pause: UInt32

    init(limit: Int, pause: Int) {
        self.limit = limit
        self.pause = UInt32(clamping: max(0, pause))
    }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 {
        try base.open(path, flags: flags, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(SystemError) -> Int {
        let written = try base.write(fd, bytes.prefix(limit))
        if pause > 0 { usleep(pause) }
        return written
    }
    func fsync(_ fd: Int32) throws(SystemError) { try base.fsync(fd) }
    func close(_ fd: Int32) throws(SystemError) { try base.close(fd) }
    func truncate(_ fd: Int32, to length: Int) throws(SystemError) { try base.truncate(fd, to: length) }
    func rename(_ from: String, to: String) throws(SystemError) { try base.rename(from, to: to) }
    func unlink(_ path: String) throws(SystemError) { try base.unlink(path) }
    func lockExclusive(_ fd: Int32) throws(SystemError) -> Bool { try base.lockExclusive(fd) }
    func read(_ path: String) throws(SystemError) -> [UInt8] { try base.read(path) }
    func identity(of fd: Int32) -> FileIdentity? { base.identity(of: fd) }
    func identity(atPath path: String) -> FileIdentity? { base.identity(atPath: path) }
}
