import Foundation
import SensemakingCore
import SessionLog

/// The report as versioned JSON (`docs/export-json.md`): keys sorted so exports diff
/// well, times in ISO-8601 UTC, absent values as null rather than missing keys.
public enum JSONReport {
    public static let schema = "sensemaking-export/1"

    public static func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.string(date))
        }
        // Encoding plain value types cannot fail.
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
        let participantCount: Int, participants: [String]
        init(_ r: Report) {
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

        enum Keys: String, CodingKey { case id, stage, kind, author, text, speakingAs, when, owner, time, edited }

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

enum ISO8601 {
    /// One formatter per date was most of a JSON export's time; the log's own UTC arithmetic
    /// writes the same text.
    static func string(_ date: Date) -> String { LogTime.wholeSeconds(date) }
}
