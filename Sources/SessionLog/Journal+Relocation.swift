import Foundation
import SensemakingCore
#if canImport(Glibc)
import Glibc
#endif

/// The log deleted, renamed or replaced while the session runs. Appends to the open file
/// would still succeed, into a file nobody will find (or one the kernel frees on exit), so
/// after every save the journal checks that its path still names the file it writes. If not,
/// it continues, as `/saveas` does, in `LOG-stem.recovered-YYYYMMDD-HHMMSS.md` beside the old
/// path, which then holds the whole session; the front end shows `relocation` once.
public struct Relocation: Equatable, Sendable {
    /// The path the log had.
    public var from: String
    /// The file the session now continues in.
    public var to: String
}

extension Journal {
    /// `.saved` when the path still names this file, or when the session was moved into a
    /// recovered file; `.notSaved` when even that failed (the session waits in memory, and
    /// `/saveas` or the next save tries again).
    func stayInPlace() -> SaveStatus {
        guard let mine = io.identity(of: fd) else { return .saved }   // cannot tell: trust it
        if mine.links > 0, let there = io.identity(atPath: path), there.isSameFile(as: mine) { return .saved }
        let from = path
        let now = clock()
        let to = Self.recoveredPath(for: from, now: now, io: io)
        do {
            try continueIn(to, now: now)
        } catch {
            return .notSaved(reason: "\(Paths.name(of: from)) was deleted or moved, and \(error.message)",
                             pending: allRecords.count)
        }
        relocations.append(Relocation(from: from, to: to))
        return .saved
    }

    /// A free name beside `path`: `session.recovered-20261127-100412.md`, `…-2.md` if taken.
    static func recoveredPath(for path: String, now: Date, io: any FileIO) -> String {
        let stem = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        let stamp = LogTime.fileStamp(now)
        var attempt = 1
        while true {
            let candidate = stem + ".recovered-" + stamp + (attempt == 1 ? "" : "-\(attempt)") + ".md"
            if io.identity(atPath: candidate) == nil || attempt >= 1000 { return candidate }
            attempt += 1
        }
    }

    /// Relocations since the last call, for the front end to show once each.
    public func takeRelocations() -> [Relocation] {
        defer { relocations = [] }
        return relocations
    }
}
