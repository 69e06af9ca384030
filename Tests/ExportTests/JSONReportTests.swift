import Foundation
@testable import SensemakingCore
import SessionLog
import Testing
import TestSupport
@testable import Export

/// The JSON export is written by hand; it must be, byte for byte, what `JSONEncoder` wrote
/// before (`JSONEncoderReference`, the encoding it replaced, kept here as the definition).
@Suite("JSON export: the hand-written bytes are JSONEncoder's")
struct JSONReportTests {
    @Test func fixtureReports() {
        for report in [Report(workshop()), Report(workshop(), anonymize: true), Report(workshop(anonymous: true))] {
            #expect(JSONReport.render(report) == JSONEncoderReference.render(report))
        }
    }

    static let pieces = ["a", "word", " ", "\"", "\\", "/", "//", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}",
                         "\u{1F}", "\u{7F}", "\u{80}", "\u{2028}", "\u{2029}", "é", "e\u{301}", "👩‍👩‍👧", "日本語",
                         "<b>", "&amp;", "\u{FEFF}", "\u{200D}", "null", "0", "-1", "{", "}", "[", "]", ":", ","]

    @Test func generatedReports() {
        var random = SplitMix64(seed: 2026)
        let base = Report(workshop())
        let followUpBase = base.followUp
        for round in 0..<300 {
            var report = base
            func text() -> String { random.text(from: Self.pieces, length: 0...8) }
            func maybe() -> String? { Bool.random(using: &random) ? nil : text() }
            func int() -> Int { [0, 1, 9, 10, -1, -10, Int.max, Int.min, 12_345][Int.random(in: 0...8, using: &random)] }
            func count() -> Int { [0, 0, 1, 2, 3][Int.random(in: 0...4, using: &random)] }
            func texts() -> [String] { (0..<count()).map { _ in text() } }
            func date() -> Date { Date(timeIntervalSinceReferenceDate: Double(Int.random(in: -2_000_000_000...2_000_000_000, using: &random)) + [0, 0.25, 0.999][Int.random(in: 0...2, using: &random)]) }
            func item() -> Report.Item {
                Report.Item(id: int(), author: maybe(), kind: ContributionKind.allCases.randomElement(using: &random)!,
                            text: text(), title: text(), speakingAs: maybe(), when: maybe(), owner: maybe(),
                            time: date(), edited: Bool.random(using: &random), due: maybe(),
                            replyTo: Bool.random(using: &random) ? nil : int(), placed: Bool.random(using: &random))
            }
            func items() -> [Report.Item] { (0..<count()).map { _ in item() } }
            report.title = text(); report.purpose = text()
            report.started = date(); report.lastActivity = date()
            report.ended = Bool.random(using: &random); report.anonymous = Bool.random(using: &random)
            report.anonymized = Bool.random(using: &random)
            report.participants = texts(); report.participantCount = int()
            report.stages = (0..<count()).map { _ in
                var stage = base.stages.randomElement(using: &random)!
                stage.number = int(); stage.name = text(); stage.question = text(); stage.prompts = texts()
                stage.timeboxMinutes = int(); stage.spentSeconds = int(); stage.items = items(); stage.notes = items()
                return stage
            }
            report.welcomeNotes = items(); report.checkouts = items(); report.closeNotes = items()
            report.identityMap = (0..<count()).map { _ in
                Report.IdentityVoice(identity: text(), count: int(), speakers: texts(), stages: (0..<count()).map { _ in int() })
            }
            report.timeline = items()
            report.ranking = (0..<count()).map { _ in
                Report.RankedStory(number: int(), story: item(), dots: int(), cues: texts(), mindChangers: texts())
            }
            report.actions = items(); report.cues = items(); report.signals = items(); report.narratives = items()
            if var share = base.balance.first {
                report.balance = (0..<count()).map { _ in
                    share.participant = text(); share.contributions = int(); share.characters = int(); share.percent = int()
                    return share
                }
            }
            report.spoken = int()
            if round % 2 == 0 {
                report.followUp = Report.FollowUpSection(
                    previousTitle: text(), previousStarted: date(), previousLog: text(),
                    items: (0..<count()).map { _ in
                        Report.ReviewedItem(number: int(), kind: ContributionKind.allCases.randomElement(using: &random)!,
                                            text: text(), owner: maybe(), history: texts(),
                                            status: Bool.random(using: &random) ? nil : ReviewStatus.allCases.randomElement(using: &random),
                                            note: maybe())
                    },
                    updates: items(), notes: items(), spentSeconds: int())
            } else {
                report.followUp = followUpBase
            }
            let written = JSONReport.render(report)
            let encoded = JSONEncoderReference.render(report)
            #expect(written == encoded, "round \(round)")
            if written != encoded { break }
        }
    }
}

/// The JSON export as it was written through `JSONEncoder` (until the hand-written writer).
enum JSONEncoderReference {
    static func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(LogTime.wholeSeconds(date))
        }
        let data = try! encoder.encode(Document(report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let report: Report
        init(_ report: Report) { self.report = report }

        enum Keys: String, CodingKey {
            case schema, session, stages, contributions, notes, identityMap, timeline, plausibility
            case actions, cues, signals, narratives, checkouts, balance, followUp
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(JSONReport.schema, forKey: .schema)
            try c.encode(SessionInfo(report), forKey: .session)
            try c.encode(report.stages.map(StageInfo.init), forKey: .stages)
            let updates = report.followUp?.updates.map { ItemInfo($0, stage: 0) } ?? []
            let all = updates + report.stages.flatMap { stage in stage.items.map { ItemInfo($0, stage: stage.number) } }
                + report.checkouts.map { ItemInfo($0, stage: report.stages.count + 1) }
            try c.encode(all, forKey: .contributions)
            let notes = report.welcomeNotes.map { ItemInfo($0, stage: 0) }
                + (report.followUp?.notes.map { ItemInfo($0, stage: 0) } ?? [])
                + report.stages.flatMap { stage in stage.notes.map { ItemInfo($0, stage: stage.number) } }
                + report.closeNotes.map { ItemInfo($0, stage: report.stages.count + 1) }
            try c.encode(notes, forKey: .notes)
            try c.encode(report.identityMap.map(VoiceInfo.init), forKey: .identityMap)
            try c.encode(report.timeline.map(\.id), forKey: .timeline)
            try c.encode(report.ranking.map(StoryRank.init), forKey: .plausibility)
            try c.encode(report.actions.map(\.id), forKey: .actions)
            try c.encode(report.cues.map(\.id), forKey: .cues)
            try c.encode(report.signals.map(\.id), forKey: .signals)
            try c.encode(report.narratives.map(\.id), forKey: .narratives)
            try c.encode(report.checkouts.map(\.id), forKey: .checkouts)
            try c.encode(report.balance.map(ShareInfo.init), forKey: .balance)
            try c.encode(report.followUp.map(FollowUpInfo.init), forKey: .followUp)
        }
    }

    struct ShareInfo: Encodable {
        let participant: String, contributions: Int, characters: Int, percent: Int
        init(_ s: Report.Share) {
            participant = s.participant; contributions = s.contributions; characters = s.characters; percent = s.percent
        }
    }

    struct FollowUpInfo: Encodable {
        let previousTitle: String, previousStarted: Date, previousLog: String
        let items: [ReviewedInfo], updates: [Int], spentSeconds: Int
        init(_ f: Report.FollowUpSection) {
            previousTitle = f.previousTitle; previousStarted = f.previousStarted; previousLog = f.previousLog
            items = f.items.map(ReviewedInfo.init); updates = f.updates.map(\.id); spentSeconds = f.spentSeconds
        }
    }

    struct ReviewedInfo: Encodable {
        let item: Report.ReviewedItem
        init(_ item: Report.ReviewedItem) { self.item = item }

        enum Keys: String, CodingKey { case number, kind, text, owner, history, status, note }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(item.number, forKey: .number)
            try c.encode(item.kind.rawValue, forKey: .kind)
            try c.encode(item.text, forKey: .text)
            try c.encode(item.owner, forKey: .owner)
            try c.encode(item.history, forKey: .history)
            try c.encode(item.status?.rawValue, forKey: .status)
            try c.encode(item.note, forKey: .note)
        }
    }

    struct SessionInfo: Encodable {
        let title: String, purpose: String, started: Date, lastActivity: Date
        let durationSeconds: Int, ended: Bool, anonymous: Bool, anonymized: Bool
        let participantCount: Int, participants: [String], timeZone: String
        init(_ r: Report) {
            timeZone = r.timeZone.identifier
            title = r.title; purpose = r.purpose; started = r.started; lastActivity = r.lastActivity
            durationSeconds = r.durationSeconds; ended = r.ended; anonymous = r.anonymous
            anonymized = r.anonymized; participantCount = r.participantCount; participants = r.participants
        }
    }

    struct StageInfo: Encodable {
        let number: Int, element: String, name: String, question: String, prompts: [String]
        let timeboxMinutes: Int, spentSeconds: Int, contributions: [Int]
        init(_ s: Report.StageSection) {
            number = s.number; element = s.element.rawValue; name = s.name; question = s.question
            prompts = s.prompts; timeboxMinutes = s.timeboxMinutes; spentSeconds = s.spentSeconds
            contributions = s.items.map(\.id)
        }
    }

    struct ItemInfo: Encodable {
        let item: Report.Item
        let stage: Int
        init(_ item: Report.Item, stage: Int) {
            self.item = item
            self.stage = stage
        }

        enum Keys: String, CodingKey { case id, stage, kind, author, text, speakingAs, when, owner, time, edited, due, placed, replyTo }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(item.id, forKey: .id)
            try c.encode(stage, forKey: .stage)
            try c.encode(item.kind.rawValue, forKey: .kind)
            try c.encode(item.author, forKey: .author)
            try c.encode(item.text, forKey: .text)
            try c.encode(item.speakingAs, forKey: .speakingAs)
            try c.encode(item.when, forKey: .when)
            try c.encode(item.owner, forKey: .owner)
            try c.encode(item.time, forKey: .time)
            try c.encode(item.edited, forKey: .edited)
            try c.encode(item.due, forKey: .due)
            try c.encode(item.placed, forKey: .placed)
            try c.encode(item.replyTo, forKey: .replyTo)
        }
    }

    struct VoiceInfo: Encodable {
        let identity: String, count: Int, speakers: [String], stages: [Int]
        init(_ v: Report.IdentityVoice) {
            identity = v.identity; count = v.count; speakers = v.speakers; stages = v.stages
        }
    }

    struct StoryRank: Encodable {
        let number: Int, story: Int, title: String, dots: Int, cues: [String], mindChangers: [String]
        init(_ r: Report.RankedStory) {
            number = r.number; story = r.story.id; title = r.story.title; dots = r.dots; cues = r.cues
            mindChangers = r.mindChangers
        }
    }
}
