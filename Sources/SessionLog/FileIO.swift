import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call: which one, and errno.
public struct SystemError: Error, Equatable, Sendable {
    public var call: String
    public var code: Int32

    public init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }

    public var text: String { LogError.describe(code) }
}

/// Every file operation the journal makes, so tests can fail any one of them (ENOSPC, EIO,
/// a short write) deterministically. `write` may write fewer bytes than asked, as write(2).
public protocol FileIO: AnyObject {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32
    func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(SystemError) -> Int
    func fsync(_ fd: Int32) throws(SystemError)
    func close(_ fd: Int32) throws(SystemError)
    func truncate(_ fd: Int32, to length: Int) throws(SystemError)
    func rename(_ from: String, to: String) throws(SystemError)
    func unlink(_ path: String) throws(SystemError)
    /// `flock(LOCK_EX | LOCK_NB)`: false when another open file holds it.
    func lockExclusive(_ fd: Int32) throws(SystemError) -> Bool
    /// The whole file as it is now.
    func read(_ path: String) throws(SystemError) -> [UInt8]
    /// Which file `fd` is, and how many names it still has; nil when that cannot be told.
    func identity(of fd: Int32) -> FileIdentity?
    /// Which file `path` names now; nil when none does.
    func identity(atPath path: String) -> FileIdentity?
}

/// A file as the kernel knows it: deleted when it has no names left, and another file when
/// its device or inode differ (a rename over it, an editor that saves by replacing).
public struct FileIdentity: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var links: UInt64

    public init(device: UInt64, inode: UInt64, links: UInt64) {
        self.device = device
        self.inode = inode
        self.links = links
    }

    public func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// The real thing: POSIX calls, retried on EINTR.
public final class PosixFileIO: FileIO, Sendable {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw SystemError("open", errno) }
        }
    }

    public func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(SystemError) -> Int {
        while true {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written >= 0 { return written }
            if errno != EINTR { throw SystemError("write", errno) }
        }
    }

    public func fsync(_ fd: Int32) throws(SystemError) {
        // Not retried on EINTR as if nothing happened: the caller decides what a failure means.
        if Glibc.fsync(fd) != 0 { throw SystemError("fsync", errno) }
    }

    public func close(_ fd: Int32) throws(SystemError) {
        if Glibc.close(fd) != 0 { throw SystemError("close", errno) }
    }

    public func truncate(_ fd: Int32, to length: Int) throws(SystemError) {
        while Glibc.ftruncate(fd, off_t(length)) != 0 {
            if errno != EINTR { throw SystemError("ftruncate", errno) }
        }
    }

    public func rename(_ from: String, to: String) throws(SystemError) {
        if Glibc.rename(from, to) != 0 { throw SystemError("rename", errno) }
    }

    public func unlink(_ path: String) throws(SystemError) {
        if Glibc.unlink(path) != 0 { throw SystemError("unlink", errno) }
    }

    public func lockExclusive(_ fd: Int32) throws(SystemError) -> Bool {
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw SystemError("flock", errno) }
        }
    }

    public func read(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
        defer { Glibc.close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", errno)
            }
            if count == 0 { return out }
            out.append(contentsOf: buffer[0..<count])
        }
    }

    public func identity(of fd: Int32) -> FileIdentity? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), links: UInt64(info.st_nlink))
    }

    public func identity(atPath path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), links: UInt64(info.st_nlink))
    }
}

extension FileIO {
    /// Writes all of `bytes`, finishing short writes; a write that makes no progress fails.
    func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try write(fd, bytes[offset...])
            guard written > 0 else { throw SystemError("write made no progress", EIO) }
            offset += written
        }
    }

    /// fsync of a folder, so that a file created or renamed in it survives a power cut.
    func syncDirectory(of path: String) throws(SystemError) {
        let fd = try open(Paths.directory(of: path), flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
        do {
            try fsync(fd)
        } catch {
            try? close(fd)
            throw error
        }
        try close(fd)
    }
}

enum Paths {
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
