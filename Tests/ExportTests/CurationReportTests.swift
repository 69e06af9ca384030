import Foundation
import Testing
@testable import Export
@testable import SensemakingCore
import SessionLog

/// What the report makes of a curated workshop (issue 15): kinds, notes, local time,
/// titles, the timeline and roles.
@Suite struct CurationReportTests {
    static let session: Session = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("curated-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try! journaledCuratedWorkshop(in: dir)
        return try! LogReader.read(path: path).session
    }()

    @Test func actionsAreActionsAndTheRankingHoldsStoriesOnly() {
        let report = Report(Self.session)
        #expect(report.actions.map(\.id) == [6, 8])
        #expect(report.actions.map(\.owner) == ["Ben", "Ben"])
        #expect(report.actions.map(\.due) == ["15 Jan", nil])
        #expect(report.ranking.map(\.story.id) == [11, 13])
        #expect(report.ranking.map(\.dots) == [3, 2])
        let enactment = report.stages[2]
        #expect(enactment.items.map(\.kind) == [.action, .observation, .action])
        let social = report.stages[3]
        #expect(social.items.map(\.id) == [11, 12, 13])
        #expect(social.items[1].kind == .reply && social.items[1].replyTo == 11)
        // The retracted #14 is nowhere; the moved #10 is a signal in Ongoing process.
        #expect(!report.stages.flatMap(\.items).contains { $0.id == 14 })
        #expect(report.stages[4].items.first?.id == 10 && report.stages[4].items.first?.kind == .signal)
        #expect(report.participants == ["Ana", "Ben", "Dev"])
        // The observation #7 is no row of an actions table; the reply #12 is on no board.
        #expect(!MarkdownReport.render(report).contains("| 7 |"))
        #expect(!HTMLReport.render(report).contains("<tr><td>7</td>"))
        #expect(!JSONReport.render(report).contains("\"story\" : 12"))
    }

    @Test func privateNotesOnlyWhenAskedFor() {
        for format in ExportFormat.allCases {
            #expect(!format.render(Report(Self.session)).contains("Room quiet"), "\(format) shows a private note")
            #expect(format.render(Report(Self.session, options: .init(notes: true))).contains("Room quiet"))
        }
        #expect(Report(Self.session).stages[2].notes.isEmpty)
    }

    @Test func timesAreLocalWithTheZoneNamedAndJSONKeepsUTC() {
        let newYork = Report(Self.session, options: .init(timeZone: TimeZone(identifier: "America/New_York")!))
        #expect(MarkdownReport.render(newYork).contains("Friday 15 January 2027, 03:00 America/New\\_York (UTC-05:00)"))
        #expect(HTMLReport.render(newYork).contains("Friday 15 January 2027, 03:00 America/New_York (UTC-05:00)"))
        let json = JSONReport.render(newYork)
        #expect(json.contains("\"started\" : \"2027-01-15T08:00:00Z\""))
        #expect(json.contains("\"timeZone\" : \"America/New_York\""))
        let utc = Report(Self.session, options: .init(timeZone: TimeZone(identifier: "UTC")!))
        #expect(MarkdownReport.render(utc).contains("Friday 15 January 2027, 08:00 UTC ·"))
        // Summer time is named as such.
        let july = Date(timeIntervalSince1970: 1_815_000_000)
        #expect(ReportText.time(july, in: TimeZone(identifier: "Europe/London")!) == "Wednesday 7 July 2027, 23:40 Europe/London (UTC+01:00)")
    }

    @Test func storyTitles() {
        #expect(StoryTitle("The hub\nWe sat together.") == StoryTitle(title: "The hub", body: "We sat together."))
        #expect(StoryTitle("\n\nThe hub\n\nWe sat together.") == StoryTitle(title: "The hub", body: "We sat together."))
        #expect(StoryTitle("The night the beds ran out") == StoryTitle(title: "The night the beds ran out", body: ""))
        let long = "The night the beds ran out and nobody could find a porter anywhere in the building"
        #expect(StoryTitle(long) == StoryTitle(title: "The night the beds ran out and nobody could find a porter…", body: long))
        // One word longer than a title: cut inside it, as there is no word boundary.
        let word = String(repeating: "a", count: 70)
        #expect(StoryTitle(word).title == String(repeating: "a", count: 60) + "…")
        // A line feed before a combining mark still ends the first line (per scalar).
        #expect(StoryTitle("Title\n\u{301}body").title == "Title")
        #expect(StoryTitle("Title\n\u{301}body").body == "\u{301}body")
    }

    @Test func theTimelineListsUnplacedMemoriesLastAndLabelled() {
        let report = Report(Self.session)
        #expect(report.timeline.map(\.id) == [3, 4, 5])
        #expect(report.timeline.map(\.placed) == [true, false, false])
        #expect(report.timeline.map(ReportText.when) == ["2019", "before the pandemic, not placed in time", "not placed in time"])
        let markdown = MarkdownReport.render(report)
        #expect(markdown.contains("- **not placed in time**: We used to phone each other"))
    }

    @Test func anonymizeDropsRolesUnlessKept() {
        let anonymous = Report(Self.session, options: .init(anonymize: true))
        #expect(anonymous.stages.flatMap(\.items).allSatisfy { $0.speakingAs == nil })
        #expect(anonymous.identityMap.isEmpty)
        for format in ExportFormat.allCases {
            let text = format.render(anonymous)
            for role in ["as the trust", "as the council", "Speaking as", "\"speakingAs\" : \""] {
                #expect(!text.contains(role), "\(format) keeps \(role)")
            }
        }
        let kept = Report(Self.session, options: .init(anonymize: true, keepRoles: true))
        #expect(kept.stages[0].items.map(\.speakingAs) == ["the trust", "the council"])
        #expect(kept.stages[0].items.map(\.author) == ["Participant 1", "Participant 2"])
        #expect(!kept.identityMap.isEmpty)
    }

    @Test func skippedStagesSaySoNotSilence() {
        var section = Report(Self.session).stages[0]
        section.items = []
        section.spentSeconds = 0
        #expect(ReportText.empty(section) == "Skipped in this session.")
        section.spentSeconds = 30
        #expect(ReportText.empty(section) == "Nothing was said here.")
    }

    @Test func aCueIsWatchedNeverDone() {
        func item(_ kind: ContributionKind, _ status: ReviewStatus) -> Report.ReviewedItem {
            Report.ReviewedItem(number: 1, kind: kind, text: "x", owner: nil, history: [], status: status, note: nil)
        }
        #expect(ReportText.became(item(.action, .done)) == "done")
        #expect(ReportText.became(item(.cue, .done)) == "still watched")
        #expect(ReportText.became(item(.cue, .inProgress)) == "still watched")
        #expect(ReportText.became(item(.signal, .dropped)) == "no longer watched")
        #expect(ReportText.became(item(.cue, .carried)) == "watched next time")
    }
}
