import Foundation
import Testing
@testable import Export
import SensemakingCore

/// A short workshop driven through the real reducer, with hostile text in every field.
func workshop(anonymous: Bool = false) -> Session {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let header = SessionHeader(title: "Board <script>alert(1)</script>", plan: .standard,
                               participants: ["Ana", "Ben Okafor"], anonymous: anonymous, started: start)
    var state = AppState(session: Session(header: header), now: start)
    var clock = start
    func say(_ line: String) {
        clock += 30
        _ = reduce(&state, .tick(clock))
        _ = reduce(&state, .paste(line))
        _ = reduce(&state, .key(.enter))
    }
    say("/next")
    say("/as a GP & <b>partner</b>")
    say("I work with Ben Okafor on [links](javascript:alert(1)) and **bold**")
    say("# not a heading\n<img src=x onerror=alert(1)>")
    say("/goto enactment")
    say("/owner Ana")
    say("Publish | the dashboard")
    say("/goto social")
    say("The hub\nWe sat together with Ana.")
    say("Second story")
    say("/goto plausibility")
    say("/dots 1 1 2")
    say("/cue 1 bed waits")
    say("/end")
    return state.session
}

@Suite struct ExportTests {
    @Test func htmlEscapesEveryUserText() {
        let html = HTMLReport.render(Report(workshop()))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>partner"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.lowercased().contains("http"))   // self-contained: no external links
        #expect(html.contains("<svg"))
        #expect(html.contains("@media print"))
    }

    @Test func markdownKeepsUserTextLiteral() {
        let md = MarkdownReport.render(Report(workshop()))
        #expect(!md.contains("\n# not a heading"))
        #expect(!md.contains("<img"))
        #expect(!md.contains("[links](javascript"))
        #expect(md.contains("| Publish \\| the dashboard | Ana |"))
    }

    @Test func jsonParsesBackToTheSession() throws {
        let session = workshop()
        let json = JSONReport.render(Report(session))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "sensemaking-export/1")
        let contributions = try #require(object["contributions"] as? [[String: Any]])
        let live = session.contributions.filter { !$0.retracted && $0.kind != .note }
        #expect(contributions.map { $0["id"] as? Int } == live.map(\.id))
        #expect(contributions.map { $0["text"] as? String } == live.map(\.text))
        let ranking = try #require(object["plausibility"] as? [[String: Any]])
        #expect(ranking.first?["dots"] as? Int == 2)
        #expect(ranking.first?["cues"] as? [String] == ["bed waits"])
        // Stable: the same session exports byte for byte the same.
        #expect(JSONReport.render(Report(session)) == json)
    }

    @Test func anonymizedOutputsNameNoOne() {
        let report = Report(workshop(), anonymize: true)
        for format in ExportFormat.allCases {
            let text = format.render(report)
            #expect(!text.contains("Ana"), "\(format) leaks Ana")
            #expect(!text.contains("Okafor"), "\(format) leaks Ben Okafor")
            #expect(text.contains("Participant 1"))
        }
    }

    @Test func exportFileRefusesTheLogAndForeignFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("s.md").path
        let other = dir.appendingPathComponent("notes.txt").path
        try "journal".write(toFile: log, atomically: true, encoding: .utf8)
        try "mine".write(toFile: other, atomically: true, encoding: .utf8)
        #expect(throws: ExportFile.Refusal.self) { try ExportFile.write("x", to: log, log: log, force: true) }
        #expect(throws: ExportFile.Refusal.self) { try ExportFile.write("x", to: other, log: log, force: false) }
        let out = dir.appendingPathComponent("r.md").path
        try ExportFile.write("one " + ExportFile.marker, to: out, log: log, force: false)
        try ExportFile.write("two " + ExportFile.marker, to: out, log: log, force: false)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "two " + ExportFile.marker)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "journal")
    }
}

@Suite("Exports of a follow-up")
struct FollowUpExportTests {
    /// A follow-up of a session Zed took part in and Yan owned an action of; neither is
    /// here today. Dev speaks as the ICB in the Review.
    func followUp() -> Session {
        let start = Date(timeIntervalSince1970: 1_802_600_000)
        let earlier = FollowUp(previousLog: "zed-and-ana.md", previousTitle: "Zed's board", previousStarted: start - 86_400 * 30,
                               items: [CarriedItem(kind: .action, text: "Ask Zed about the beds", owner: "Yan",
                                                   history: ["in progress: Zed said maybe"])],
                               people: ["Zed", "Ana"])
        let header = SessionHeader(title: "Follow-up", plan: .standard, participants: ["Ana", "Dev"],
                                   anonymous: false, started: start, followUp: earlier)
        var state = AppState(session: Session(header: header), now: start)
        for line in ["/next", "/turn Dev", "/as the ICB", "The beds came back", "/mark 1 done Zed agreed"] {
            _ = reduce(&state, .paste(line))
            _ = reduce(&state, .key(.enter))
        }
        return state.session
    }

    @Test func anonymisedItNamesNoOneFromTheEarlierSessionAndCountsOnlyWhoIsHere() {
        let report = Report(followUp(), anonymize: true)
        #expect(report.participants == ["Participant 1", "Participant 2"])
        #expect(report.participantCount == 2)
        for format in ExportFormat.allCases {
            let text = format.render(report)
            for name in ["Zed", "Yan", "Ana", "Dev"] { #expect(!text.contains(name), "\(format) names \(name)") }
        }
    }

    @Test func theIdentityMapCallsTheReviewByItsName() {
        let report = Report(followUp())
        #expect(report.identityMap.map(\.stages) == [[0]])
        #expect(MarkdownReport.render(report).contains("**the ICB**: 1 contribution (Dev) in Review"))
    }
}
