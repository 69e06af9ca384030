import SessionLog
#if canImport(Glibc)
import Glibc
#endif

/// Real files, but each write call takes at most `limit` bytes (a short write, which the
/// journal finishes with more calls), then waits `pause` microseconds.
final class ChunkedFileIO: FileIO {
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
