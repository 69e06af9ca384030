import Foundation
import JournalTestSupport
import SensemakingCore
@testable import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Journal: durable appends, one writer, resume")
struct JournalTests {
    let workshop = ScriptedWorkshop.standard

    /// Appends the first `count` batches and returns the live session after them.
    func write(_ journal: Journal, batches count: Int) -> Session {
        for batch in workshop.batches.prefix(count) {
            #expect(journal.append(batch.records, session: batch.session) == .saved)
        }
        return workshop.batches[count - 1].session
    }

    @Test("A new log is created 0600 with its header, never over an existing file")
    func create() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        #expect(try folder.mode("log.md") == 0o600)
        #expect(try folder.bytes("log.md") == Array(LogFormat.header(workshop.header).utf8))
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        journal.close()
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))

        let exists = try #require(throws: LogError.self) { try Journal.create(path: path, header: workshop.header) }
        #expect(exists == .exists(path: path))
        #expect(exists.message.contains("sensemaking resume \(path)"))
        #expect(try folder.bytes("log.md") == Array(LogFormat.header(workshop.header).utf8))

        let missing = try #require(throws: LogError.self) {
            try Journal.create(path: folder.file("no/such/log.md"), header: workshop.header)
        }
        #expect(missing.message == "cannot create \(folder.file("no/such/log.md")): the folder \(folder.file("no/such")) does not exist")
        #expect(throws: LogError.notFound(path: folder.file("none.md"))) { try Journal.resume(path: folder.file("none.md")) }
    }

    @Test("Permission denied and other refusals of the system read as one line")
    func refusals() throws {
        let io = MemoryFileIO()
        io.faults = [.init(call: .open, nth: 1, failure: .error(EACCES))]
        #expect(throws: LogError.permissionDenied(path: "/mem/log.md")) { try Journal.create(path: "/mem/log.md", header: workshop.header, io: io) }
        #expect(LogError.permissionDenied(path: "/x.md").message == "cannot open /x.md: permission denied")
        #expect(LogError.io(path: "/x.md", operation: "write", code: ENOSPC).message == "cannot write /x.md: No space left on device")
        #expect(!LogError.damaged(path: "/x.md", line: 12, reason: "invalid UTF-8").message.contains("\n"))
    }

    @Test("A second writer is refused with the holder named, and a stale sidecar is ignored")
    func oneWriter() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        _ = write(journal, batches: 3)

        let error = try #require(throws: LogError.self) { try Journal.resume(path: path) }
        guard case .locked(path, let holder?) = error else { Issue.record("\(error)"); return }
        #expect(holder.pid == getpid())
        #expect(holder.host == WriterLock.hostName())
        #expect(error.message.contains("PID \(getpid()) on \(holder.host), since "))
        #expect(error.message.hasPrefix("\(path) is open in another sensemaking"))
        journal.close()

        // The lock died with its holder; the sidecar it left says nothing any more.
        try "pid: 1\nhost: elsewhere\nsince: 2020-01-01T00:00:00Z\n".write(toFile: path + ".lock", atomically: true, encoding: .utf8)
        let resumed = try Journal.resume(path: path)
        #expect(WriterLock.holder(of: path, io: PosixFileIO())?.pid == getpid())
        resumed.journal.close()
    }

    @Test("Resume rebuilds exactly the live session, and the log goes on where it ended")
    func resume() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        let half = workshop.batches.count / 2
        let live = write(journal, batches: half)
        journal.close()   // as a crash would leave it: no `suspended` record

        let resumed = try Journal.resume(path: path)
        #expect(resumed.session == live)
        #expect(resumed.notices.isEmpty)
        for batch in workshop.batches[half...] {
            #expect(resumed.journal.append(batch.records, session: batch.session) == .saved)
        }
        resumed.journal.close()
        let contents = try LogReader.read(path: path)
        #expect(contents.records == workshop.records)
        #expect(contents.session == workshop.final)
        #expect(try folder.bytes("log.md") == Array(LogFormat.encode(workshop.header, records: workshop.records).utf8))
    }

    @Test("A torn last record is moved aside once, and everything before it kept")
    func tornTail() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        let live = write(journal, batches: 6)
        journal.close()
        let whole = try folder.bytes("log.md")
        let tail = Array("- **#9 Ana**: half a sent".utf8) + [0xE6, 0x97]
        try folder.append("log.md", tail)

        let resumed = try Journal.resume(path: path, now: Date(timeIntervalSince1970: 1_795_773_852))
        #expect(resumed.session == live)
        #expect(resumed.notices.count == 1)
        #expect(resumed.notices.first?.contains("log.md.torn-20261127-100412") == true)
        #expect(try folder.bytes("log.md.torn-20261127-100412") == tail)
        #expect(try folder.mode("log.md.torn-20261127-100412") == 0o600)
        #expect(try folder.bytes("log.md") == whole)
        resumed.journal.close()

        let again = try Journal.resume(path: path)
        #expect(again.notices.isEmpty)
        again.journal.close()
    }

    @Test("A damaged record in the middle is refused with its line, and the file is not changed")
    func damaged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        _ = write(journal, batches: 10)
        journal.close()
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "- **Ben** passed.", with: "- **Ben** sprinted.")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try folder.bytes("log.md")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("sprinted") }! + 1

        let error = try #require(throws: LogError.self) { try Journal.resume(path: path) }
        guard case .damaged(path, line, _) = error else { Issue.record("\(error)"); return }
        #expect(error.message.hasPrefix("\(path) is damaged at line \(line): "))
        #expect(try folder.bytes("log.md") == before)
        #expect(try folder.names() == ["log.md"])   // no torn file, no lock left behind

        #expect(throws: LogError.notALog(path: folder.file("notes.md"), reason: "it does not begin with front matter (---)")) {
            try "# My notes\n".write(toFile: folder.file("notes.md"), atomically: true, encoding: .utf8)
            return try Journal.resume(path: folder.file("notes.md"))
        }
    }

    @Test("The reader reads a log while it is written, leaving out a record in progress")
    func readWhileLive() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        _ = write(journal, batches: 4)
        #expect(try LogReader.read(path: path).records == workshop.batches.prefix(4).flatMap(\.records))
        // A record half-way through its write, as another process would see it.
        try folder.append("log.md", Array("- **#3 Chi**: still typ".utf8))
        let contents = try LogReader.read(path: path)
        #expect(contents.records.count == workshop.batches.prefix(4).flatMap(\.records).count)
        #expect(LogReader.notice(contents, path: path)?.contains("is incomplete and was left out") == true)
        journal.close()
    }

    @Test("Save as: a new file that holds the whole session and names the old one")
    func saveAs() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        let live = write(journal, batches: 8)
        #expect(throws: LogError.exists(path: path)) { try journal.saveAs(path: path, session: live) }
        let newPath = folder.file("elsewhere.md")
        #expect(try journal.saveAs(path: newPath, session: live) == .saved)
        #expect(journal.path == newPath)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        for batch in workshop.batches[8...] { #expect(journal.append(batch.records, session: batch.session) == .saved) }
        journal.close()
        let contents = try LogReader.read(path: newPath)
        #expect(contents.continues == path)
        #expect(contents.records == workshop.records)
        #expect(try folder.mode("elsewhere.md") == 0o600)
        // The old file is left a whole log of what it had.
        #expect(try LogReader.read(path: path).records == workshop.batches.prefix(8).flatMap(\.records))
    }
}
