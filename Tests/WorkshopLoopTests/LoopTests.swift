import Foundation
import JournalTestSupport
import SensemakingCore
import SessionLog
import TerminalPort
import TerminalUI
import Testing
import WorkshopLoop
#if canImport(Glibc)
import Glibc
#endif

/// The loop in-process: keys in from a scripted terminal, frames and the journal out.
@Suite struct LoopTests {
    static let started = Date(timeIntervalSinceReferenceDate: 800_000_000)
    static let header = SessionHeader(title: "Loop", plan: .standard, participants: ["Ana", "Ben"],
                                      anonymous: false, started: started)
    static let path = "/mem/good/loop.md"

    /// A workshop on `terminal` journaling to `journal`, its clock a second on per action.
    static func workshop(_ terminal: ScriptedTerminal, _ journal: Journal) -> Workshop {
        var now = started
        let state = AppState(session: Session(header: header), logName: "loop.md", now: started)
        return Workshop(state: state, journal: journal, terminal: terminal, theme: .monochrome) {
            now += 1
            return now
        }
    }

    static func text(_ bytes: [UInt8]?) -> String {
        String(decoding: bytes ?? [], as: UTF8.self)
    }

    @Test("A contribution is on disk before the frame that shows it saved")
    func journalBeforeFrame() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        let script = ScriptedTerminal.keys("/next\r") + ScriptedTerminal.keys("Hello room\r")
        let terminal = ScriptedTerminal(script: script)
        // What would survive a power cut at the moment each frame was drawn.
        terminal.snapshot = { Self.text(io.crashImage(Self.path)) }
        let reason = Self.workshop(terminal, journal).run()

        #expect(reason == .quit)
        let enter = script.count
        let shown = try #require(terminal.drawn.first { $0.reads == enter })
        #expect(shown.frame.text.contains("Hello room"))
        #expect(shown.frame.text.contains("✓ saved"))
        #expect(shown.snapshot.contains("Hello room"))
        // Before Enter the text was only in the box, never in the log.
        #expect(terminal.drawn.filter { $0.reads < enter }.allSatisfy { !$0.snapshot.contains("Hello room") })
    }

    @Test("Below the minimum size Enter is held: nothing typed blind reaches the log until the screen is back")
    func typingHeldWhileTooSmall() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        let small = ScriptedTerminal.keys("/next\r") + [.resize(Size(width: 50, height: 14))] + ScriptedTerminal.keys("blind typing\r")
        let script = small + [.resize(Size(width: 80, height: 24))] + ScriptedTerminal.keys("\r")
        let terminal = ScriptedTerminal(script: script)
        terminal.snapshot = { Self.text(io.contents(Self.path)) }
        let workshop = Self.workshop(terminal, journal)
        _ = workshop.run()

        let blind = terminal.drawn.filter { $0.reads <= small.count + 1 }
        #expect(blind.allSatisfy { !$0.snapshot.contains("blind typing") })
        let tooSmall = try #require(terminal.drawn.first { $0.reads == small.count })
        #expect(tooSmall.frame.text.contains("nothing is sent"))
        let back = try #require(terminal.drawn.first { $0.reads == small.count + 1 })
        #expect(back.frame.text.contains("› blind typing"))
        #expect(back.frame.text.contains("Nothing was sent while the window was too small"))
        #expect(Self.text(io.contents(Self.path)).contains("blind typing"))
    }

    @Test("A failing journal shows NOT SAVED, keeps the record, and saves it once the disk is back")
    func notSaved() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        io.faults = [MemoryFileIO.Fault(call: .write, nth: io.calls(.write) + 1, failure: .error(ENOSPC), persistent: true)]
        let first = ScriptedTerminal.keys("/next\r") + ScriptedTerminal.keys("Kept in memory\r")
        let terminal = ScriptedTerminal(script: first + ScriptedTerminal.keys("x"))
        terminal.snapshot = { [unowned terminal] in
            let log = Self.text(io.contents(Self.path))
            // The disk comes back once the contribution's frame is drawn: the next key retries.
            if terminal.reads == first.count { io.faults = [] }
            return log
        }
        let workshop = Self.workshop(terminal, journal)
        _ = workshop.run()

        let failed = try #require(terminal.drawn.first { $0.reads == first.count })
        #expect(failed.frame.text.contains("NOT SAVED"))
        #expect(failed.frame.text.contains("Kept in memory"))
        #expect(!failed.snapshot.contains("Kept in memory"))
        let retried = try #require(terminal.drawn.first { $0.reads == first.count + 1 })
        #expect(retried.frame.text.contains("✓ saved"))
        #expect(retried.snapshot.contains("Kept in memory"))
        #expect(workshop.state.save == .saved)
    }

    @Test("While the disk stays full the records wait, and the loop says so to the end")
    func notSavedToTheEnd() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        io.faults = [MemoryFileIO.Fault(call: .write, nth: io.calls(.write) + 1, failure: .error(ENOSPC), persistent: true)]
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("/next\rKept in memory\r"))
        let workshop = Self.workshop(terminal, journal)
        _ = workshop.run()

        guard case .notSaved(_, let pending) = workshop.state.save else {
            Issue.record("saved although every write failed: \(workshop.state.save)")
            return
        }
        #expect(pending == journal.pendingCount)
        #expect(journal.allRecords.contains { record in
            if case .contributed(let item, _) = record.event { return item.text == "Kept in memory" }
            return false
        })
        #expect(terminal.drawn.last?.frame.text.contains("NOT SAVED") == true)
    }

    @Test("/export writes the Markdown report beside the log")
    func export() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("workshop.md")
        let journal = try Journal.create(path: path, header: Self.header, now: Self.started)
        defer { journal.close() }
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("/next\rAn idea worth keeping\r/export\r"))
        _ = Self.workshop(terminal, journal).run()

        let report = try String(contentsOfFile: folder.file("workshop-report.md"), encoding: .utf8)
        #expect(report.contains("An idea worth keeping"))
        #expect(terminal.drawn.last?.frame.text.contains("Report written") == true)
    }

    @Test("/export never writes the private notes, and names text that looks like personal data")
    func exportLeavesNotesOut() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("workshop.md")
        let journal = try Journal.create(path: path, header: Self.header, now: Self.started)
        defer { journal.close() }
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys(
            "/next\r/note tension in the room\rMrs Patel waited 19 days\r/export\r"))
        _ = Self.workshop(terminal, journal).run()

        let report = try String(contentsOfFile: folder.file("workshop-report.md"), encoding: .utf8)
        #expect(report.contains("Mrs Patel waited 19 days"))
        #expect(!report.contains("tension in the room"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("tension in the room"))
        #expect(terminal.drawn.last?.frame.text.contains("Personal data? #2 (name with a title)") == true)
    }

    @Test("/quit ends the loop; nothing after it is read")
    func quit() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("/quit\rnever typed\r"))
        let reason = Self.workshop(terminal, journal).run()

        #expect(reason == .quit)
        #expect(terminal.unread == "never typed\r".unicodeScalars.count)
        #expect(Self.text(io.contents(Self.path)).contains("sm:suspended"))
        #expect(!terminal.stopped, "the loop leaves the terminal to its owner")
    }

    @Test("A resize redraws the whole frame at the new size")
    func resize() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        let bigger = Size(width: 120, height: 40)
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("ab") + [.resize(bigger)])
        _ = Self.workshop(terminal, journal).run()

        let redrawn = try #require(terminal.drawn.first { $0.reads == 3 })
        #expect(redrawn.frame.size == bigger)
        #expect(redrawn.rows == nil, "a resize paints every row")
        // Typing in between drew only the rows that changed.
        #expect(terminal.drawn.first { $0.reads == 2 }?.rows != nil)
    }

    @Test("Actions posted from another thread wake the loop and go through the same reduce")
    func posted() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: Self.path, header: Self.header, io: io, now: Self.started)
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("/next\r"))
        // Once the keys are done the loop blocks in the inbox's wait, as on an idle keyboard.
        terminal.whenDone = ScriptedTerminal.waitForPosts
        let inbox = terminal.inbox
        let poster = Thread {
            for action in [Action.paste("From afar"), .key(.enter), .paste("/quit"), .key(.enter)] {
                inbox.post(action)
            }
        }
        poster.start()
        let reason = Self.workshop(terminal, journal).run()

        #expect(reason == .quit)
        let log = Self.text(io.contents(Self.path))
        #expect(log.contains("From afar"))
        #expect(log.contains("sm:suspended"))
    }
}
