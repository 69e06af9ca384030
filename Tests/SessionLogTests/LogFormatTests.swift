import Foundation
import SensemakingCore
@testable import SessionLog
import Testing

@Suite("Log format: an exact record that reads as Markdown")
struct LogFormatTests {
    let workshop = ScriptedWorkshop.standard

    @Test("A scripted workshop decodes to the same records and rebuilds the same session")
    func scriptedRoundTrip() throws {
        for workshop in [ScriptedWorkshop.standard, .anonymous] {
            let text = LogFormat.encode(workshop.header, records: workshop.records)
            let contents = try LogFormat.decode(text)
            #expect(contents.header == workshop.header.asJournaled)
            #expect(contents.records == workshop.records)
            #expect(contents.torn == nil)
            #expect(contents.validLength == text.utf8.count)
            #expect(contents.session == workshop.final.asJournaled)
            #expect(workshop.final.ended)
        }
    }

    @Test("Every kind of event survives, with every optional field set and unset")
    func everyEvent() throws {
        let header = workshop.header
        let t = Date(timeIntervalSinceReferenceDate: 816_000_100.000_000_1)
        let full = Contribution(id: 7, author: "Zoë -- \"Z\"", stage: 2, kind: .memory, text: "a\n\n b \n",
                                tags: Tags(speakingAs: "", when: "2019 %% ==x==", owner: "Ben", due: "15 Jan **", replyTo: 3),
                                time: t.addingTimeInterval(-0.5), history: ["first", "sec\nond"], retracted: true,
                                sendKey: "0123456789abcdef0123456789abcdef")
        let bare = Contribution(id: 8, author: nil, stage: 0, kind: .note, text: "", time: t)
        let events: [Event] = [
            .stageEntered(3), .stageEntered(99), .joined("Ana <b>"), .left("Ana"), .turnGiven("Ben"), .passed("Ben"),
            .contributed(full, advancesTurn: true), .contributed(bare, advancesTurn: false),
            .retracted(id: 7), .edited(id: 7, text: "new\ntext"),
            .speakingAs(participant: "Ana", identity: "GP"), .speakingAs(participant: "Ana", identity: nil),
            .pendingWhen("last winter"), .pendingOwner("Chi"), .pendingDue("by *Friday*"),
            .rekinded(id: 7, kind: .action, owner: "Ana"), .rekinded(id: 7, kind: .observation, owner: nil),
            .moved(id: 7, stage: 4, kind: .reply), .moved(id: 8, stage: 0, kind: .note),
            .dotsPlaced(participant: "Ana", stories: [2, 2, 5], advancesTurn: true),
            .dotsPlaced(participant: nil, stories: [], advancesTurn: false),
            .dotsPlaced(participant: "Ben", stories: [1], advancesTurn: false, key: "0123456789abcdef0123456789abcdef"),
            .revealed, .floor(open: true), .floor(open: false),
            .cueLinked(story: 2, cue: "waits"), .mindChanger(story: 2, text: "if *they*\nstop -->"),
            .reviewed(item: 1, status: .done, note: nil), .reviewed(item: 2, status: .inProgress, note: "half\n- way <!--"),
            .reviewed(item: 3, status: .dropped, note: ""), .reviewed(item: 4, status: .carried, note: nil),
            .contributed(Contribution(id: 9, author: "Ana", stage: 1, kind: .update, text: "done", time: t), advancesTurn: true),
            .timer(.set(seconds: 300)), .timer(.adjust(seconds: -90)),
            .timer(.pause), .timer(.resume), .suspended, .resumed, .ended,
        ]
        let records = events.enumerated().map { Record(time: t.addingTimeInterval(Double($0.offset)), event: $0.element) }
        let contents = try LogFormat.decode(LogFormat.encode(header, records: records))
        #expect(contents.records == records)
    }

    @Test("Times come back to the bit, including before 1970 and far ahead")
    func exactTimes() throws {
        // Whole seconds too (read without a decimal), and years past 9999 (written unpadded).
        let intervals: [Double] = [0, 0.1, 1e-7, 816_000_000.123_456_7, -1_000_000_000.75, 3e10 + 0.5, 3e11, -1_000_000_000, 59,
                                   Date().timeIntervalSinceReferenceDate, Double.leastNonzeroMagnitude, 0.999_999_999_999_999_9]
        for interval in intervals {
            let date = Date(timeIntervalSinceReferenceDate: interval)
            let text = LogTime.format(date)
            #expect(LogTime.parse(text)?.timeIntervalSinceReferenceDate == interval, "\(text)")
        }
        #expect(LogTime.format(Date(timeIntervalSince1970: 1_795_773_852)) == "2026-11-27T10:04:12Z")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let interval = Double.random(in: -3e9...3e9, using: &random)
            #expect(LogTime.parse(LogTime.format(Date(timeIntervalSinceReferenceDate: interval)))?.timeIntervalSinceReferenceDate == interval)
        }
    }

    @Test("Whole seconds written as ISO8601DateFormatter writes them, from 1583 to 9999")
    func wholeSecondsAsFoundationWritesThem() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        // 1583-01-01 to 9999-12-31 in seconds since the reference date (2001): before 1583
        // Foundation's calendar is Julian, the log's proleptic Gregorian (as ISO 8601 says).
        let first = -13_190_860_800.0, last = 252_423_993_599.0
        var random = SystemRandomNumberGenerator()
        let intervals = [first, last, 0, -1, 59, 86_399, 86_400, 951_696_000]   // 2031-02-28T00:00:00Z
            + (0..<3000).map { _ in Double.random(in: first...last, using: &random).rounded(.down) }
        for interval in intervals {
            let date = Date(timeIntervalSinceReferenceDate: interval)
            #expect(LogTime.wholeSeconds(date) == formatter.string(from: date), "\(interval)")
        }
    }

    @Test("The front matter is YAML with the version, and holds any text exactly")
    func frontMatter() throws {
        var plan = Plan.standard
        plan.title = "Plan \"quoted\" \\ back\u{2028}sep"
        plan.stages[0].title = "  spaced  "
        plan.stages[1].prompts = []
        plan.stages.append(PlanStage(element: .plausibility, title: "\u{301}combining first", prompts: ["- a: b", "#x"], minutes: 0))
        let header = SessionHeader(title: "\u{301}\"t\"", plan: plan, participants: ["Ana", "\u{FEFF}", "x: y"],
                                   anonymous: true, started: ScriptedWorkshop.started)
        let text = LogFormat.header(header)
        #expect(text.hasPrefix("---\nformat: sensemaking-log/2\ntitle: "))
        let contents = try LogFormat.decode(text)
        #expect(contents.header == header.asJournaled)
        #expect(contents.header.participants.isEmpty, "an anonymous log keeps no names")
        var named = header
        named.anonymous = false
        #expect(try LogFormat.decode(LogFormat.header(named)).header == named)
        #expect(contents.records.isEmpty)
        let empty = SessionHeader(title: "", plan: Plan(title: "", purpose: "", stages: []), participants: [],
                                  anonymous: false, started: ScriptedWorkshop.started)
        #expect(try LogFormat.decode(LogFormat.header(empty)).header == empty)
        let continued = try LogFormat.decode(LogFormat.header(header, continues: "/tmp/old log.md"))
        #expect(continued.continues == "/tmp/old log.md")
    }

    @Test("A follow-up's header holds the earlier session and its items exactly, as format 2")
    func followUpHeader() throws {
        let items = [
            CarriedItem(kind: .action, text: "Share \"data\"\nweekly -->", owner: "Zoë: x", history: ["in progress: booked", "carried forward"]),
            CarriedItem(kind: .cue, text: "- a: b"),
            CarriedItem(kind: .signal, text: "", owner: ""),
        ]
        for items in [items, []] {
            let header = SessionHeader(
                title: "Follow-up", plan: .standard, participants: ["Ana"], anonymous: false, started: ScriptedWorkshop.started,
                followUp: FollowUp(previousLog: "../march: \"log\".md", previousTitle: "March\u{2028}x",
                                   previousStarted: ScriptedWorkshop.started.addingTimeInterval(-86_400 * 30.5), items: items))
            let text = LogFormat.header(header)
            #expect(text.hasPrefix("---\nformat: sensemaking-log/2\ntitle: "))
            #expect(try LogFormat.decode(text).header == header)
        }
        // A log of version 1 (what session 1 wrote) still reads, the same.
        let text = LogFormat.encode(workshop.header, records: workshop.records)
        let first = text.replacingOccurrences(of: "format: sensemaking-log/2\n", with: "format: sensemaking-log/1\n")
        #expect(first != text)
        #expect(try LogFormat.decode(first).records == workshop.records)
    }

    @Test("A newer format, a foreign file and an unknown record kind are refused with a reason")
    func versions() throws {
        let text = LogFormat.encode(workshop.header, records: Array(workshop.records.prefix(3)))
        let newer = text.replacingOccurrences(of: "format: sensemaking-log/2", with: "format: sensemaking-log/3")
        #expect(throws: LogError.newerFormat(path: nil, format: "sensemaking-log/3")) { try LogFormat.decode(newer) }
        #expect(throws: LogError.notALog(path: nil, reason: "it does not begin with front matter (---)")) {
            try LogFormat.decode("# Notes\n\nJust a file.\n")
        }
        #expect(throws: LogError.notALog(path: nil, reason: "it is empty")) { try LogFormat.decode("") }
        let unknown = text + "- Something new. <!-- sm:hologram seq=4 at=2026-11-27T10:04:12Z -->\n"
        let error = try #require(throws: LogError.self) { try LogFormat.decode(unknown) }
        #expect(error.message.contains("unknown kind of record, hologram"))
    }

    @Test("An unknown element or carried item kind in the front matter is refused at its line")
    func unknownNames() throws {
        let header = SessionHeader(
            title: "Follow-up", plan: .standard, participants: ["Ana"], anonymous: false, started: ScriptedWorkshop.started,
            followUp: FollowUp(previousLog: "march.md", previousTitle: "March", previousStarted: ScriptedWorkshop.started,
                               items: [CarriedItem(kind: .cue, text: "a cue")]))
        let text = LogFormat.header(header)
        let element = "element: \(Plan.standard.stages[0].element.rawValue)"
        for (field, wrong, reason) in [(element, "element: identy", "unknown element identy"),
                                       ("kind: cue", "kind: cues", "unknown kind cues")] {
            let found = try #require(text.range(of: field))
            let line = text[..<found.lowerBound].filter { $0 == "\n" }.count + 1
            let broken = text.replacingCharacters(in: found, with: wrong)
            #expect(throws: LogError.damaged(path: nil, line: line, reason: reason)) { try LogFormat.decode(broken) }
        }
    }

    @Test("CRLF line endings and a byte order mark are read as the same log")
    func crlfAndBOM() throws {
        let text = LogFormat.encode(workshop.header, records: workshop.records)
        let windows = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let contents = try LogFormat.decode(bytes: windows)
        #expect(contents.records == workshop.records)
        #expect(contents.torn == nil)
        #expect(contents.validLength == windows.count)
    }

    @Test("Every cut of a log reads as a prefix of its records, the rest reported torn")
    func everyPrefix() throws {
        let records = Array(workshop.records.prefix(40))
        let header = LogFormat.header(workshop.header)
        let bytes = Array(LogFormat.encode(workshop.header, records: records).utf8)
        // Where each record's token line ends (a blank line after it is only spacing).
        var ends: [Int] = []
        var session = Session(header: workshop.header)
        var length = header.utf8.count
        for (offset, record) in records.enumerated() {
            session.apply(record)
            let unit = LogFormat.encode(record, number: offset + 1, in: session)
            let spacing = unit.hasSuffix("\n\n") ? 1 : 0
            ends.append(length + unit.utf8.count - spacing)
            length += unit.utf8.count
        }
        // Every byte near the end of each record, and a sample of the rest (a full sweep is slow).
        var cuts = Set(ends.flatMap { ($0 - 40)...($0 + 3) }.filter { $0 >= header.utf8.count && $0 <= bytes.count })
        var random = SystemRandomNumberGenerator()
        for _ in 0..<400 { cuts.insert(Int.random(in: header.utf8.count...bytes.count, using: &random)) }
        for cut in cuts.sorted() {
            let contents = try LogFormat.decode(bytes: Array(bytes.prefix(cut)))
            let whole = ends.filter { $0 <= cut }.count
            #expect(contents.records == Array(records.prefix(whole)), "cut at \(cut)")
            if let torn = contents.torn {
                // Only what follows the last whole record is left out.
                #expect(contents.validLength >= (whole == 0 ? header.utf8.count : ends[whole - 1]), "cut at \(cut)")
                #expect(torn.offset == contents.validLength)
                #expect(torn.offset + torn.length == cut)
            } else {
                #expect(contents.validLength == cut, "cut at \(cut)")
            }
        }
    }

    @Test("A damaged record in the middle is reported with its line")
    func damagedMiddle() throws {
        let text = LogFormat.encode(workshop.header, records: workshop.records)
        var lines = text.components(separatedBy: "\n")
        let target = try #require(lines.firstIndex { $0.contains("<!-- sm:contribution seq=") && $0.contains("speak as") })
        // The visible author no longer matches the record's token.
        lines[target] = lines[target].replacingOccurrences(of: "**#1 Ana**", with: "**#1 Eve**")
        let error = try #require(throws: LogError.self) { try LogFormat.decode(lines.joined(separator: "\n")) }
        guard case .damaged(_, let line, _) = error else { Issue.record("\(error)"); return }
        #expect(line == target + 1)

        // A token lost in the middle: the next record's number shows the gap.
        var lost = text.components(separatedBy: "\n")
        let joined = try #require(lost.firstIndex { $0.contains("<!-- sm:passed ") })
        lost[joined] = String(lost[joined][..<lost[joined].range(of: " <!--")!.lowerBound])
        let gap = try #require(throws: LogError.self) { try LogFormat.decode(lost.joined(separator: "\n")) }
        guard case .damaged = gap else { Issue.record("\(gap)"); return }

        // Invalid UTF-8 before the last record is damage, with its line.
        var bytes = Array(text.utf8)
        let at = try #require(text.range(of: "Story two")).lowerBound.utf16Offset(in: text)
        bytes[at] = 0xFF
        let bad = try #require(throws: LogError.self) { try LogFormat.decode(bytes: bytes) }
        guard case .damaged(_, let badLine, let reason) = bad else { Issue.record("\(bad)"); return }
        #expect(reason == "invalid UTF-8")
        #expect(badLine == text.prefix(upTo: text.range(of: "Story two")!.lowerBound).filter { $0 == "\n" }.count + 1)

        // …and in the tail it is only a torn write.
        let tail = Array(LogFormat.encode(workshop.header, records: Array(workshop.records.prefix(5))).utf8) + [0x2D, 0x20, 0xE6, 0x97]
        #expect(try LogFormat.decode(bytes: tail).torn?.length == 4)
    }

    @Test("User text cannot forge or close a record")
    func noForgery() throws {
        let forged = "x <!-- sm:joined seq=2 name=Eve at=2026-11-27T10:04:12Z -->\n- **Eve** joined. <!-- sm:joined seq=3 name=Eve at=2026-11-27T10:04:12Z -->"
        let item = Contribution(id: 1, author: "Ana -->", stage: 1, kind: .identity, text: forged, time: workshop.header.started)
        let records = [Record(time: workshop.header.started, event: .contributed(item, advancesTurn: false))]
        let text = LogFormat.encode(workshop.header, records: records)
        #expect(text.components(separatedBy: "<!-- sm:").count == 3)   // the header's and the record's
        #expect(try LogFormat.decode(text).records == records)
    }

    @Test("The complete example in docs/log-format.md is what the program writes, and reads back")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/log-format.md")
        let page = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(page.range(of: "````markdown\n")).upperBound
        let end = try #require(page.range(of: "````\n", range: start..<page.endIndex)).lowerBound
        let example = String(page[start..<end])
        let contents = try LogFormat.decode(example)
        #expect(contents.records.count == 20)
        #expect(contents.session.ended)
        #expect(LogFormat.encode(contents.header, records: contents.records) == example)
    }

    @Test("The log reads as the Markdown a person expects")
    func readable() throws {
        let text = LogFormat.encode(workshop.header, records: workshop.records)
        try text.write(toFile: NSTemporaryDirectory() + "sessionlog-example.md", atomically: true, encoding: .utf8)
        #expect(text.contains("\n# Our \\*system\\* — a \\#test\n"))
        #expect(text.contains("\n## 1. Identity\n\n*Which identities do you bring into this room?*\\\n"))
        #expect(text.contains("- **Ben** joined. <!-- sm:joined seq=1 name=Ben at="))
        #expect(text.contains("- **#1 Ana** (as GP & partner): I speak as a \\*GP\\* and a \\[partner\\](http\\://x.org) &lt;b>too&lt;/b> <!-- sm:contribution seq="))
        #expect(text.contains(": Line one\\\n  \\> not a quote\\\n  \\\n  \\- not a list\\\n  &#32;   not code\\\n"))
        #expect(text.contains("\n## Synthesis\n"))
    }
}
