import Foundation
import JournalTestSupport
import SensemakingCore
@testable import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A whole scripted workshop against a disk that fails at the Nth write or fsync of the log,
/// for every N, each kind of failure, once or from then on. After every step the disk is
/// "crashed": what would survive a power cut must hold every record the journal called saved.
@Suite("Journal under injected failures")
struct FaultInjectionTests {
    static let workshop = ScriptedWorkshop.standard
    /// The opening of the scripted workshop (joins, stages, tags, notes, timers, a multi-line
    /// paste): every call of it is failed in turn, and each run reads the disk after each step.
    static let batches = Array(workshop.batches.prefix(16))
    static let path = "/mem/log.md"

    struct Kind: CustomStringConvertible {
        var call: MemoryFileIO.Call
        var failure: MemoryFileIO.Failure
        var name: String
        var description: String { name }
    }

    static let kinds: [Kind] = [
        Kind(call: .write, failure: .error(ENOSPC), name: "write ENOSPC"),
        Kind(call: .write, failure: .error(EIO), name: "write EIO"),
        Kind(call: .write, failure: .short, name: "short write"),
        Kind(call: .write, failure: .zero, name: "write of nothing"),
        Kind(call: .write, failure: .partialThen(ENOSPC), name: "half written, then ENOSPC"),
        Kind(call: .fsync, failure: .error(EIO), name: "fsync EIO"),
        Kind(call: .fsync, failure: .error(ENOSPC), name: "fsync ENOSPC"),
    ]

    /// Calls of each kind on the log in a run without failures.
    static let callCounts: [MemoryFileIO.Call: Int] = {
        let io = MemoryFileIO()
        io.watched = [path]
        guard let journal = try? Journal.create(path: path, header: workshop.header, io: io) else { return [:] }
        for batch in batches { journal.append(batch.records, session: batch.session) }
        return [.write: io.calls(.write), .fsync: io.calls(.fsync)]
    }()

    /// Checks what a crash would leave: a prefix of `all` holding at least `saved` records.
    /// Most steps leave the platter as it was, so an unchanged image is not read again.
    final class CrashCheck {
        var image: [UInt8]?
        var onDisk = 0

        func callAsFunction(_ io: MemoryFileIO, path: String, all: [Record], saved: Int, _ context: String) {
            let image = io.crashImage(path)
            if image != self.image {
                self.image = image
                guard let image else {
                    onDisk = 0
                    #expect(saved == 0, "\(context): the log would vanish in a crash")
                    return
                }
                do {
                    let contents = try LogFormat.decode(bytes: image)
                    onDisk = contents.records.count
                    #expect(contents.records == Array(all.prefix(onDisk)), "\(context): the disk holds other records")
                } catch {
                    Issue.record("\(context): after a crash the log reads as \(error)")
                }
            }
            #expect(onDisk >= saved, "\(context): \(onDisk) on disk, \(saved) shown saved")
        }
    }

    static func run(_ kind: Kind, at n: Int, persistent: Bool) {
        let context = "\(kind) at call \(n)\(persistent ? " and after" : "")"
        let io = MemoryFileIO()
        io.watched = [path]
        io.faults = [.init(call: kind.call, nth: n, failure: kind.failure, persistent: persistent)]
        let journal: Journal
        do {
            journal = try Journal.create(path: path, header: workshop.header, io: io)
        } catch {
            // Nothing was shown as saved, and no half-made log is left behind.
            #expect(!io.exists(path), "\(context): \(error)")
            guard case .io = error else { Issue.record("\(context): \(error)"); return }
            return
        }
        let checkCrash = CrashCheck()
        checkCrash(io, path: path, all: [], saved: 0, context)
        var all: [Record] = []
        var saved = 0
        for batch in batches {
            all += batch.records
            let status = journal.append(batch.records, session: batch.session)
            switch status {
            case .saved:
                saved = all.count
            case .notSaved(let reason, let pending):
                #expect(pending == all.count - saved, "\(context)")
                #expect(!reason.isEmpty)
            }
            checkCrash(io, path: path, all: all, saved: saved, context)
        }
        if persistent {
            if case .notSaved = journal.status {
                // The disk keeps failing: continue in a new file, which holds everything.
                #expect(throws: Never.self, "\(context)") { try journal.saveAs(path: "/mem/good/log.md", session: batches[batches.count - 1].session) }
                #expect(journal.status == .saved)
                #expect(journal.path == "/mem/good/log.md")
                let contents = try? LogFormat.decode(bytes: io.crashImage("/mem/good/log.md") ?? [])
                #expect(contents?.records == all, "\(context)")
                #expect(contents?.continues == path)
            }
        } else {
            // A passing failure: the next attempt saves everything, exactly once.
            #expect(journal.retry() == .saved, "\(context)")
            let contents = try? LogFormat.decode(bytes: io.crashImage(path) ?? [])
            #expect(contents?.records == all, "\(context)")
            #expect(contents?.torn == nil, "\(context)")
        }
        journal.close()
    }

    @Test("Every failure at every call, once: nothing shown saved is lost, and the retry saves all",
          arguments: kinds)
    func once(_ kind: Kind) throws {
        let calls = try #require(Self.callCounts[kind.call])
        #expect(calls > Self.batches.count)
        for n in 1...(calls + 1) { Self.run(kind, at: n, persistent: false) }
        print("fault injection: \(kind) at each of \(calls + 1) calls, once and from then on")
    }

    @Test("Every failure from every call on: never claimed saved, and save-as keeps everything",
          arguments: kinds)
    func persistent(_ kind: Kind) throws {
        let calls = try #require(Self.callCounts[kind.call])
        for n in 1...(calls + 1) { Self.run(kind, at: n, persistent: true) }
    }

    @Test("A failed fsync is never taken back as success: the next fsync alone would lose the record")
    func fsyncIsNotTrusted() throws {
        let io = MemoryFileIO()
        io.watched = [Self.path]
        let journal = try Journal.create(path: Self.path, header: Self.workshop.header, io: io)
        let first = Self.workshop.batches[0]
        io.faults = [.init(call: .fsync, nth: io.calls(.fsync) + 1, failure: .error(EIO))]
        #expect(journal.append(first.records, session: first.session) == .notSaved(reason: "Input/output error (fsync)", pending: first.records.count))
        // On this disk the failed pages were marked clean: had the journal only fsynced
        // again, the image would hold zeros where the record should be.
        #expect(journal.retry() == .saved)
        let contents = try LogFormat.decode(bytes: try #require(io.crashImage(Self.path)))
        #expect(contents.records == first.records)
        journal.close()
    }

    @Test("A failed truncate before the rewrite keeps the records waiting")
    func truncateFails() throws {
        let io = MemoryFileIO()
        io.watched = [Self.path]
        let journal = try Journal.create(path: Self.path, header: Self.workshop.header, io: io)
        let batch = Self.workshop.batches[0]
        io.faults = [
            .init(call: .write, nth: io.calls(.write) + 1, failure: .partialThen(EIO)),
            .init(call: .truncate, nth: 1, failure: .error(EIO)),
        ]
        guard case .notSaved = journal.append(batch.records, session: batch.session) else { Issue.record("saved?"); return }
        guard case .notSaved = journal.retry() else { Issue.record("saved after a failed truncate"); return }
        #expect(journal.retry() == .saved)
        #expect(try LogFormat.decode(bytes: try #require(io.crashImage(Self.path))).records == batch.records)
        journal.close()
    }

    @Test("Creating fails cleanly when the folder cannot be made durable")
    func folderSyncFails() throws {
        let io = MemoryFileIO()
        io.watched = ["/mem"]
        io.faults = [.init(call: .fsync, nth: 1, failure: .error(EIO))]
        let error = try #require(throws: LogError.self) { try Journal.create(path: Self.path, header: Self.workshop.header, io: io) }
        #expect(error == .io(path: Self.path, operation: "write", code: EIO))
        #expect(!io.exists(Self.path))
        #expect(!io.exists(Self.path + ".lock"))
    }
}
