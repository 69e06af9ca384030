import Foundation
import JournalTestSupport
import SensemakingCore
@testable import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The log deleted, renamed or replaced under a running session: appends would go on into a
/// file nobody finds, so the journal notices at the next save and continues beside it.
@Suite("Journal: the log deleted or moved while the session runs")
struct RelocationTests {
    let workshop = ScriptedWorkshop.standard
    static let now = Date(timeIntervalSince1970: 1_795_773_852)   // 2026-11-27 10:04:12 UTC

    enum Mishap: String, CaseIterable, CustomStringConvertible {
        case deleted, renamed, replaced
        var description: String { rawValue }

        func happen(to path: String) throws {
            switch self {
            case .deleted: unlink(path)
            case .renamed: rename(path, path + ".old")
            // An editor that saves by writing a new file over the old name.
            case .replaced:
                try "# my edit\n".write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
                rename(path + ".tmp", path)
            }
        }
    }

    @Test("At the next save the session moves whole into a recovered file, once", arguments: Mishap.allCases)
    func relocates(_ mishap: Mishap) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        let journal = try Journal.create(path: path, header: workshop.header)
        let batches = workshop.batches
        for batch in batches.prefix(5) { #expect(journal.append(batch.records, session: batch.session) == .saved) }
        #expect(journal.takeRelocations().isEmpty)

        try mishap.happen(to: path)
        journal.clock = { Self.now }
        #expect(journal.append(batches[5].records, session: batches[5].session) == .saved)
        let recovered = folder.file("log.recovered-20261127-100412.md")
        #expect(journal.path == recovered)
        #expect(journal.takeRelocations() == [Relocation(from: path, to: recovered)])
        #expect(journal.takeRelocations().isEmpty, "shown once")

        for batch in batches[6...] { #expect(journal.append(batch.records, session: batch.session) == .saved) }
        #expect(journal.takeRelocations().isEmpty, "the recovered file stays put")
        journal.close()
        let contents = try LogReader.read(path: recovered)
        #expect(contents.records == workshop.records)
        #expect(contents.continues == path)
        #expect(try folder.mode("log.recovered-20261127-100412.md") == 0o600)
        if mishap == .replaced { #expect(try String(contentsOfFile: path, encoding: .utf8) == "# my edit\n", "the new file is left alone") }
        // It stands on its own: resume goes on from it.
        let resumed = try Journal.resume(path: recovered)
        #expect(resumed.session == workshop.final)
        resumed.journal.close()
    }

    @Test("With its folder gone too, nothing is claimed saved, and /saveas still keeps everything")
    func folderGone() throws {
        let folder = try TemporaryFolder()
        let inner = folder.file("day")
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
        let path = inner + "/log.md"
        let journal = try Journal.create(path: path, header: workshop.header)
        let batches = workshop.batches
        #expect(journal.append(batches[0].records, session: batches[0].session) == .saved)
        try FileManager.default.removeItem(atPath: inner)

        let status = journal.append(batches[1].records, session: batches[1].session)
        guard case .notSaved(let reason, let pending) = status else { Issue.record("saved into a deleted folder"); return }
        #expect(reason.hasPrefix("log.md was deleted or moved, and cannot create "), "\(reason)")
        #expect(pending == batches[0].records.count + batches[1].records.count)
        #expect(journal.takeRelocations().isEmpty)
        // Every later save says so again rather than trusting the unlinked file.
        guard case .notSaved = journal.append(batches[2].records, session: batches[2].session) else {
            Issue.record("saved after the folder went"); return
        }
        let elsewhere = folder.file("elsewhere.md")
        #expect(try journal.saveAs(path: elsewhere, session: batches[2].session) == .saved)
        journal.close()
        #expect(try LogReader.read(path: elsewhere).records == batches.prefix(3).flatMap(\.records))
    }

    @Test("A recovered name already taken gets a number")
    func nameTaken() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("log.md")
        try "x".write(toFile: folder.file("log.recovered-20261127-100412.md"), atomically: false, encoding: .utf8)
        #expect(Journal.recoveredPath(for: path, now: Self.now, io: PosixFileIO()) == folder.file("log.recovered-20261127-100412-2.md"))
        #expect(Journal.recoveredPath(for: folder.file("notes"), now: Self.now, io: PosixFileIO()) == folder.file("notes.recovered-20261127-100412.md"))
    }
}
