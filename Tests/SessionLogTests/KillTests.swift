import Foundation
import JournalTestSupport
import SensemakingCore
import WorkshopFixtures
@testable import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real process appends through the real journal (`sensemaking-fixtures journal-probe`)
/// and prints each record's id once its append returned saved; it is killed with SIGKILL at
/// random moments. Every printed id must be in the log, byte for byte, and resume must work.
@Suite("kill -9")
struct KillTests {
    /// `swift test` builds the executables beside the test bundle (on Linux, `Bundle.main`
    /// is that build folder).
    static var binary: String { Bundle.main.bundleURL.appendingPathComponent("sensemaking-fixtures").path }

    /// The probe's log as it must be on disk with its first `count` records.
    final class Expected {
        private var bytes = Array(LogFormat.header(JournalProbe.header).utf8)
        private var ends: [Int] = []
        private var session = Session(header: JournalProbe.header)

        func prefix(records count: Int) -> ArraySlice<UInt8> {
            while ends.count < count {
                let record = JournalProbe.record(ends.count + 1)
                session.apply(record)
                bytes += Array(LogFormat.encode(record, number: ends.count + 1, in: session).utf8)
                ends.append(bytes.count)
            }
            return bytes[..<(count == 0 ? LogFormat.header(JournalProbe.header).utf8.count : ends[count - 1])]
        }
    }

    static func completeLines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()   // empty after the last line feed, or a line still being written
        return lines
    }

    /// `Journal.resume`, waiting out a lock held for a moment by someone else. Other tests
    /// in this process spawn children all the time; a child holds a copy of every open
    /// descriptor, the journal's included, from its clone until its exec closes them
    /// (O_CLOEXEC), and on a loaded machine that moment can fall between a `close` here and
    /// the next `resume`. The program itself spawns nothing.
    static func resume(_ path: String) throws -> (journal: Journal, session: Session, notices: [String]) {
        let deadline = Date().addingTimeInterval(5)
        while true {
            do {
                return try Journal.resume(path: path)
            } catch {
                guard case .locked = error, Date() < deadline else { throw error }
                usleep(20_000)
            }
        }
    }

    @Test("Killed at random moments, the journal keeps every record it reported saved")
    func killNine() throws {
        let binary = Self.binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            Issue.record("the sensemaking-fixtures binary is not at \(binary); `swift build` builds it")
            return
        }
        let folder = try TemporaryFolder()
        let expected = Expected()
        var random = SystemRandomNumberGenerator()
        var torn = 0
        let started = Date()
        for run in 0..<30 {
            let path = folder.file("run\(run).md")
            let output = folder.file("run\(run).out")
            let errors = folder.file("run\(run).err")
            // Some runs write each record in small, slow pieces, so that a kill can land inside one.
            let (chunk, pause) = [(0, 0), (64, 100), (512, 300), (0, 0), (97, 50)][run % 5]
            let target = run < 2 ? 0 : Int.random(in: 1...30, using: &random)
            let child = try Spawn.start([binary, "journal-probe", path, "--chunk", "\(chunk)", "--pause", "\(pause)"], stdout: output, stderr: errors)
            let deadline = Date().addingTimeInterval(20)
            var exited = false
            while Self.completeLines(output).count < target && Date() < deadline {
                var status: Int32 = 0
                if waitpid(child.pid, &status, WNOHANG) == child.pid {
                    exited = true
                    break
                }
                usleep(200)
            }
            if !exited {
                usleep(UInt32.random(in: 0...3000, using: &random))   // a random moment, not a wait
                kill(child.pid, SIGKILL)
            }
            let status = exited ? -1 : Spawn.wait(child)
            guard status == 128 + SIGKILL else {
                let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                Issue.record("journal-probe ended by itself (status \(status)) before it was killed: \(message) — is JournalProbeCommand registered as a subcommand of sensemaking-fixtures?")
                return
            }
            let reported = Self.completeLines(output).map { Int($0) }
            #expect(reported == (0..<reported.count).map { Optional($0 + 1) }, "run \(run): ids in order")

            guard FileManager.default.fileExists(atPath: path) else {
                #expect(reported.isEmpty, "run \(run): ids reported but no log")
                continue
            }
            let contents: LogContents
            do {
                contents = try LogReader.read(path: path)
            } catch {
                // Killed while the header was being written: nothing was ever reported.
                #expect(reported.isEmpty, "run \(run): \(error)")
                continue
            }
            // Byte for byte: the whole records are exactly what the probe wrote, in order,
            // and they include every id it reported (record 1 enters the stage).
            let bytes = try folder.bytes("run\(run).md")
            let whole = contents.records.count
            #expect(whole >= reported.count + (reported.isEmpty ? 0 : 1), "run \(run): \(whole) records for \(reported.count) ids")
            #expect(bytes[..<contents.validLength] == expected.prefix(records: whole), "run \(run)")
            if contents.torn != nil { torn += 1 }

            // Resume: a torn tail is moved aside once; the log then goes on.
            let resumed = try Self.resume(path)
            #expect(resumed.notices.count == (contents.torn == nil ? 0 : 1), "run \(run)")
            #expect(resumed.session.contributions.count == max(0, whole - 1))
            var session = resumed.session
            let next = JournalProbe.record(whole + 1)
            session.apply(next)
            #expect(resumed.journal.append([next], session: session) == .saved)
            resumed.journal.close()
            let again = try Self.resume(path)
            #expect(again.notices.isEmpty, "run \(run): quarantined twice")
            again.journal.close()
            #expect(try folder.bytes("run\(run).md") == Array(expected.prefix(records: whole + 1)), "run \(run)")
        }
        // Bounded: about five seconds alone; generous room for a loaded two-core CI machine.
        #expect(Date().timeIntervalSince(started) < 90)
        // Not asserted (the moments are random), but worth seeing when it runs.
        print("kill -9: \(torn) of 30 runs left a torn record, each moved aside and resumed")
    }
}
