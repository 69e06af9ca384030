import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per log: `flock(LOCK_EX|LOCK_NB)` on the log's own descriptor, which the
/// kernel drops when the process dies, so there are no stale locks. Who holds it is written
/// to a sidecar, `LOG.lock`, only so that a second writer can name the holder; the sidecar
/// means nothing while the lock is free, and the next holder replaces it.
enum WriterLock {
    static func sidecar(of path: String) -> String { path + ".lock" }

    /// Takes the lock on `fd` or throws `.locked` naming the holder.
    static func acquire(_ fd: Int32, path: String, io: any FileIO, now: Date) throws(LogError) {
        let locked: Bool
        do {
            locked = try io.lockExclusive(fd)
        } catch {
            throw LogError.io(path: path, operation: "lock", code: error.code)
        }
        guard locked else { throw LogError.locked(path: path, holder: holder(of: path, io: io)) }
        publish(path: path, io: io, now: now)
    }

    /// Best effort: the lock is what counts, the sidecar only informs.
    static func publish(path: String, io: any FileIO, now: Date) {
        let holder = LockHolder(pid: getpid(), host: hostName(), since: now)
        let text = "pid: \(holder.pid)\nhost: \(holder.host)\nsince: \(LogTime.format(holder.since))\n"
        let target = sidecar(of: path)
        let temporary = target + ".\(holder.pid).tmp"
        do {
            let fd = try io.open(temporary, flags: O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, mode: 0o600)
            defer { try? io.close(fd) }
            try io.writeAll(fd, Array(text.utf8))
            try io.rename(temporary, to: target)
        } catch {
            try? io.unlink(temporary)
        }
    }

    /// Removes the sidecar; call while still holding the lock, so it cannot be someone else's.
    static func withdraw(path: String, io: any FileIO) {
        try? io.unlink(sidecar(of: path))
    }

    static func holder(of path: String, io: any FileIO) -> LockHolder? {
        guard let bytes = try? io.read(sidecar(of: path)), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), let host = fields["host"],
              let since = fields["since"].flatMap({ LogTime.parse($0) }) else { return nil }
        return LockHolder(pid: pid, host: host, since: since)
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "this computer" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "this computer" : name
    }
}
