import Foundation
import Testing
@testable import Export
import SensemakingCore
import SessionLog

/// A whole seven-stage workshop with hostile text, written through the real journal and
/// read back through the same reader `export` uses.
func journaledWorkshop(in dir: URL) throws -> (path: String, live: Session) {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let header = SessionHeader(title: "North *System* <Board> | 2027", plan: .standard,
                               participants: ["Ana", "Ben Okafor", "Chi"], anonymous: false, started: start)
    return try journal(header, in: dir, name: "fixture.md", lines: workshopLines)
}

/// A month later, the follow-up of `journaledWorkshop`, built from its log as
/// `run --follow-up` builds it, with hostile marks and notes.
func journaledFollowUp(in dir: URL) throws -> (path: String, live: Session) {
    let (first, _) = try journaledWorkshop(in: dir)
    let earlier = try LogReader.read(path: first).session
    let start = Date(timeIntervalSince1970: 1_802_600_000)
    let header = SessionHeader(title: "Follow-up: North *System*", plan: .standard, participants: ["Ana", "Chi", "Dev"],
                               anonymous: false, started: start,
                               followUp: FollowUp(of: earlier, log: "fixture.md"))
    return try journal(header, in: dir, name: "followup.md", lines: [
        "/next",
        "/mark 1 done <b>published</b> in March | on time",
        "/mark 2 in progress two teams so far\n- more in May",
        "The dashboard is *live*; Ben Okafor sends it on Mondays",
        "/mark 3 carry",
        "/mark 4 dropped",
        "/note [ran](javascript:alert(1)) out of time",
        "/goto enactment",
        "/owner Dev", "Ask the wards what the dashboard misses",
        "/end", "",   // someone here has not spoken: /end asks, and Enter again (the line kept) closes

    ])
}

/// A workshop curated as the room meant it (issue 15): names typed on Welcome with junk
/// lines refused, stage-only tags refused, an observation made an action, a reply, a
/// contribution moved and one retracted, a private note, partial dots, personal data.
func journaledCuratedWorkshop(in dir: URL) throws -> (path: String, live: Session) {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let header = SessionHeader(title: "Discharge <together>", plan: .standard, participants: [], anonymous: false, started: start)
    return try journal(header, in: dir, name: "curated.md", clearing: true, lines: [
        "Ana, Ben", "I am a GP partner and I chair our PCN", "next", "Dev", "/next",
        "/as the trust", "We carry the beds",                       // 1
        "/when 2019", "/owner Ben",                                  // refused outside their stages
        "/as the council", "We answer to the council",               // 2
        "/next",
        "/when 2019", "The merger: nobody told the wards",           // 3
        "/when before the pandemic", "The old hospital had one culture", // 4
        "We used to phone each other",                               // 5
        "/next",
        "/owner Ben by 15 Jan", "Publish the dashboard",             // 6
        "We say home first, then we hold patients until the Monday MDT", // 7: an observation
        "Ring the wards every week",                                 // 8
        "/kind 8 action",
        "/note Room quiet after Dev: tension between trust and council", // 9
        "Bed waits are getting longer",                              // 10
        "/move 10 ongoing",
        "/next",
        "The discharge hub\nWe sat together for a week and it worked.\nThe discharge hub", // 11
        "@Ben I was at that meeting, it was tense",                  // 12: a reply
        "The night the beds ran out and nobody could find a porter anywhere in the building", // 13
        "Mrs Patel, NHS 943 476 5919, SW1A 1AA, waited all night",   // 14
        "/undo 14",
        "/next", "Winter comes earlier every year\nMr Jones, born 02/03/1941, waited 9 hours in CB2 0QQ", // 15
        "/next", "Ambulance handover times",                         // 16
        "/next",
        "/dots 1 1 2", "/dots 2", "/pass", "/dots 1", "/pass",     // two of three: the vote stays open
        "The hub story is what people believe",                      // 17
        "/next", "One action each",                                  // 18
        "/end", "",
    ])
}

/// `clearing`: a refused line left in the box is cleared (Ctrl-U) before the next is typed;
/// an empty line is Enter on what the box holds.
private func journal(_ header: SessionHeader, in dir: URL, name: String, clearing: Bool = false,
                     lines: [String]) throws -> (path: String, live: Session) {
    let start = header.started
    let path = dir.appendingPathComponent(name).path
    let journal = try Journal.create(path: path, header: header, now: start)
    defer { journal.close() }
    var state = AppState(session: Session(header: header), now: start)
    var clock = start
    func say(_ line: String) {
        clock += 45
        _ = reduce(&state, .tick(clock))
        if clearing, !line.isEmpty { _ = reduce(&state, .key(.clearInput)) }
        _ = reduce(&state, .paste(line))
        let effects = reduce(&state, .key(.enter))
        let records = effects.compactMap { effect -> Record? in
            if case .append(let record) = effect { return record }
            return nil
        }
        if !records.isEmpty { journal.append(records, session: state.session) }
    }
    for line in lines { say(line) }
    return (path, state.session)
}

private let workshopLines = [
        "/next",
        "/as a GP", "I am a GP first, a system leader second — 日本語 👩‍👩‍👧 café",
        "/as the ICB", "# I hold the money <script>alert(1)</script>",
        "I speak for social care, and [nobody](javascript:alert(1)) asks",
        "/next",
        "/when winter 2019", "The merger: nobody told the wards",
        "/when 2015", "We had one hospital, one culture",
        "/when winter 2019", "I remember the merger as a rescue",
        "/next",
        "/owner Ben Okafor", "Publish the dashboard | by March",
        "Visit each other's teams\n> not a quote",
        "/kind 8 action",   // Enactment makes an observation unless it has an owner: the room meant an action
        "/note Energy dipped here",
        "/next",
        "The discharge hub\nWe sat together for a week and it worked.",
        "The night the beds ran out",
        "/next", "Winter pressures start earlier every year",
        "/next", "Ambulances queueing at the front door", "/undo", "Ambulance handover times",
        "/next",
        "/dots 1 1 2", "/dots 1", "/pass", "/dots 2 2", "/pass",   // fewer than 3 keeps the vote open: /pass moves on
        "/cue 1 Ambulance handover times",
        "The hub story is what people believe",
        "/edit 2 I hold the money, and <b>the risk</b>",
        "/next", "I leave with one action",
        "/end", "",   // the others have not checked out: Enter again closes
]

@Suite struct ExportGoldenTests {
    /// The curated workshop is exported with its notes and in London time (British Summer
    /// Time would show in July; January is GMT, named with its zone).
    @Test(arguments: ExportFormat.allCases, ["fixture", "followup", "curated"])
    func golden(_ format: ExportFormat, _ name: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, live) = try name == "fixture" ? journaledWorkshop(in: dir)
            : name == "followup" ? journaledFollowUp(in: dir) : journaledCuratedWorkshop(in: dir)
        let read = try LogReader.read(path: path)
        #expect(read.session == live, "replayed session differs from the live one")
        let options = name == "curated"
            ? Report.Options(notes: true, redact: true, timeZone: TimeZone(identifier: "Europe/London")!) : Report.Options()
        let text = format.render(Report(read.session, options: options))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Goldens/\(name).\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "export differs from \(golden.path); UPDATE_GOLDENS=1 rewrites it")
    }

    /// An owner carried from last time who is not here today is still a participant to
    /// hide, in the review table and wherever an update names them.
    @Test func anonymizedFollowUpNamesNoOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try journaledFollowUp(in: dir)
        let session = try LogReader.read(path: path).session
        #expect(Report(session).followUp?.items.first?.owner == "Ben Okafor")
        let report = Report(session, anonymize: true)
        for format in ExportFormat.allCases {
            let text = format.render(report)
            for name in ["Ana", "Okafor", "Chi", "Dev"] { #expect(!text.contains(name), "\(format) leaks \(name)") }
            #expect(text.contains("Participant"))
        }
    }

    /// A live session appends while export reads: every read sees a whole prefix of the
    /// records, and a half-written record at the end is skipped, not fatal.
    @Test func exportWhileASessionAppends() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let header = SessionHeader(title: "Live", plan: .standard, participants: ["Ana", "Ben"], anonymous: false, started: start)
        let path = dir.appendingPathComponent("live.md").path
        let journal = try Journal.create(path: path, header: header, now: start)
        defer { journal.close() }
        var state = AppState(session: Session(header: header), now: start)
        for n in 0..<40 {
            _ = reduce(&state, .tick(start + Double(n)))
            _ = reduce(&state, .paste(n == 0 ? "/next" : "Contribution \(n) with *marks* and <tags>"))
            let records = reduce(&state, .key(.enter)).compactMap { effect -> Record? in
                if case .append(let record) = effect { return record }
                return nil
            }
            #expect(journal.append(records, session: state.session) == .saved)
            let exported = JSONReport.render(Report(try LogReader.read(path: path).session))
            #expect(exported == JSONReport.render(Report(state.session)))
        }
        // A record cut short mid-write, as a reader may catch it.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("- **#99 Ana**: half a rec".utf8))
        try handle.close()
        let contents = try LogReader.read(path: path)
        #expect(contents.torn != nil)
        #expect(LogReader.notice(contents, path: path) != nil)
        #expect(JSONReport.render(Report(contents.session)) == JSONReport.render(Report(state.session)))
    }
}
