import Foundation
import SensemakingCore

/// How each record that is not a stage heading or the end reads: one Markdown list item,
/// fixed by the record alone. The decoder reads the token, extracts the body (the one
/// free text a record may carry) after the lead it expects, and then checks that writing
/// the record again gives the very same lines.
enum RecordItem {
    struct Shape {
        var token: Token
        /// The readable part after "- ": names and tags, escaped; they are also in the token.
        var lead: String
        /// The record's long text (a contribution, an edit, a cue), written after the lead.
        var body: String?
    }

    /// The list item for a record, or nil for `stageEntered` and `ended`.
    static func shape(_ record: Record, seq: Int) -> Shape? {
        var fields: [(key: String, value: String)] = [("seq", String(seq))]
        let lead: String
        var body: String?
        let kind: RecordKind
        switch record.event {
        case .stageEntered, .ended:
            return nil
        case .joined(let name):
            (kind, lead) = (.joined, "\(bold(name)) joined.")
            fields.append(("name", name))
        case .left(let name):
            (kind, lead) = (.left, "\(bold(name)) left.")
            fields.append(("name", name))
        case .turnGiven(let name):
            (kind, lead) = (.turn, "Turn to \(bold(name)).")
            fields.append(("name", name))
        case .passed(let name):
            (kind, lead) = (.passed, "\(bold(name)) passed.")
            fields.append(("name", name))
        case .contributed(let item, let advancesTurn):
            kind = .contribution
            fields += [("id", String(item.id)), ("stage", String(item.stage)), ("kind", item.kind.rawValue)]
            if let author = item.author { fields.append(("by", author)) }
            if let identity = item.tags.speakingAs { fields.append(("as", identity)) }
            if let when = item.tags.when { fields.append(("when", when)) }
            if let owner = item.tags.owner { fields.append(("owner", owner)) }
            if let due = item.tags.due { fields.append(("due", due)) }
            if let story = item.tags.replyTo { fields.append(("re", String(story))) }
            if advancesTurn { fields.append(("turn", "next")) }
            if item.time != record.time { fields.append(("made", LogTime.format(item.time))) }
            for earlier in item.history { fields.append(("was", earlier)) }
            if item.retracted { fields.append(("retracted", "yes")) }
            if let key = item.sendKey { fields.append(("key", key)) }
            lead = contributionLead(item)
            body = item.text
        case .retracted(let id):
            kind = .retracted; fields.append(("id", String(id)))
            lead = "**#\(id)** retracted."
        case .rekinded(let id, let newKind, let owner):
            kind = .rekinded; fields += [("id", String(id)), ("kind", newKind.rawValue)]
            if let owner { fields.append(("owner", owner)) }
            lead = "**#\(id)** is now: \(newKind.label)" + (owner.map { ", owner \(bold($0))." } ?? ".")
        case .moved(let id, let stage, let newKind):
            kind = .moved; fields += [("id", String(id)), ("stage", String(stage)), ("kind", newKind.rawValue)]
            lead = "**#\(id)** moved to stage \(stage), as: \(newKind.label)."
        case .edited(let id, let text):
            kind = .edited; fields.append(("id", String(id)))
            lead = "**#\(id)** edited: "
            body = text
        case .speakingAs(let participant, let identity):
            kind = .speakingAs; fields.append(("name", participant))
            if let identity {
                fields.append(("identity", identity))
                lead = "\(bold(participant)) speaks as \(MarkdownText.escapeInline(identity))."
            } else {
                lead = "\(bold(participant)) speaks for themselves again."
            }
        case .pendingWhen(let when):
            kind = .when; fields.append(("text", when))
            lead = "The next note is dated \(MarkdownText.escapeInline(when))."
        case .pendingOwner(let owner):
            kind = .owner; fields.append(("name", owner))
            lead = "The next action is owned by \(bold(owner))."
        case .pendingDue(let due):
            kind = .due; fields.append(("text", due))
            lead = "The next action is due \(MarkdownText.escapeInline(due))."
        case .dotsPlaced(let participant, let stories, let advancesTurn, let key):
            kind = .dots
            if let participant { fields.append(("by", participant)) }
            fields.append(("stories", stories.map(String.init).joined(separator: ",")))
            if advancesTurn { fields.append(("turn", "next")) }
            if let key { fields.append(("key", key)) }
            let placed = stories.isEmpty ? "no dots" : "dots on " + stories.map { "#\($0)" }.joined(separator: ", ")
            lead = participant.map { "\(bold($0)) placed \(placed)." } ?? "Placed \(placed)."
        case .revealed:
            kind = .revealed; lead = "Dots revealed."
        case .floor(let open):
            kind = .floor; fields.append(("open", open ? "yes" : "no"))
            lead = open ? "The floor is open: anyone may send." : "Turns again."
        case .cueLinked(let story, let cue):
            kind = .cue; fields.append(("story", String(story)))
            lead = "Cue for **#\(story)**: "
            body = cue
        case .mindChanger(let story, let text):
            kind = .mind; fields.append(("story", String(story)))
            lead = "What would change our mind about **#\(story)**: "
            body = text
        case .reviewed(let item, let status, let note):
            kind = .reviewed; fields += [("item", String(item)), ("status", status.rawValue)]
            if let note {
                fields.append(("noted", "yes"))
                lead = "Item **\(item)** marked \(status.label): "
                body = note
            } else {
                lead = "Item **\(item)** marked \(status.label)."
            }
        case .timer(.set(let seconds)):
            kind = .timerSet; fields.append(("seconds", String(seconds)))
            lead = "Timer: \(duration(seconds)) left."
        case .timer(.adjust(let seconds)):
            kind = .timerAdjust; fields.append(("seconds", String(seconds)))
            lead = "Timer \(seconds < 0 ? "-" : "+")\(duration(seconds == .min ? .max : abs(seconds)))."
        case .timer(.pause):
            kind = .timerPause; lead = "Timer paused."
        case .timer(.resume):
            kind = .timerResume; lead = "Timer resumed."
        case .suspended:
            kind = .suspended; lead = "Session paused; `sensemaking resume` continues it."
        case .resumed:
            kind = .resumed; lead = "Session resumed."
        }
        fields.append(("at", LogTime.format(record.time)))
        return Shape(token: Token(kind, fields), lead: lead, body: body)
    }

    /// The item as written, appended to `out`: its lines, each ending in a line feed, the
    /// last one with the token. One buffer: the reader's check builds every record again.
    static func write(_ shape: Shape, into out: inout [UInt8]) {
        out += "- ".utf8
        out.append(utf8: shape.lead)
        if let body = shape.body {
            MarkdownText.escapeBlock(body, separator: continuation, into: &out)
        }
        out.append(UInt8(ascii: " "))
        shape.token.write(into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Between two lines of a body: a hard line break, then the list item's indentation.
    static let continuation = Array("\\\n  ".utf8)

    /// The record a token describes, with `body` as its long text. Nil when a field is
    /// missing or malformed; extra fields are caught when the record is written again.
    static func record(_ token: Token, body: String) -> Record? {
        guard let time = token["at"].flatMap(LogTime.parse) else { return nil }
        let event: Event
        func int(_ key: String) -> Int? { token[key].flatMap { Int($0) } }
        guard let kind = RecordKind(rawValue: token.kind) else { return nil }
        switch kind {
        case .joined: guard let name = token["name"] else { return nil }; event = .joined(name)
        case .left: guard let name = token["name"] else { return nil }; event = .left(name)
        case .turn: guard let name = token["name"] else { return nil }; event = .turnGiven(name)
        case .passed: guard let name = token["name"] else { return nil }; event = .passed(name)
        case .contribution:
            guard let id = int("id"), let stage = int("stage"),
                  let kind = token["kind"].flatMap(ContributionKind.init(rawValue:)) else { return nil }
            var made = time
            if let text = token["made"] {
                guard let parsed = LogTime.parse(text) else { return nil }
                made = parsed
            }
            let item = Contribution(
                id: id, author: token["by"], stage: stage, kind: kind, text: body,
                tags: Tags(speakingAs: token["as"], when: token["when"], owner: token["owner"], due: token["due"],
                           replyTo: token["re"].flatMap { Int($0) }),
                time: made, history: token.all("was"), retracted: token["retracted"] == "yes",
                sendKey: token["key"])
            event = .contributed(item, advancesTurn: token["turn"] == "next")
        case .retracted: guard let id = int("id") else { return nil }; event = .retracted(id: id)
        case .edited: guard let id = int("id") else { return nil }; event = .edited(id: id, text: body)
        case .rekinded:
            guard let id = int("id"), let kind = token["kind"].flatMap(ContributionKind.init(rawValue:)) else { return nil }
            event = .rekinded(id: id, kind: kind, owner: token["owner"])
        case .moved:
            guard let id = int("id"), let stage = int("stage"),
                  let kind = token["kind"].flatMap(ContributionKind.init(rawValue:)) else { return nil }
            event = .moved(id: id, stage: stage, kind: kind)
        case .speakingAs:
            guard let name = token["name"] else { return nil }
            event = .speakingAs(participant: name, identity: token["identity"])
        case .when: guard let text = token["text"] else { return nil }; event = .pendingWhen(text)
        case .owner: guard let name = token["name"] else { return nil }; event = .pendingOwner(name)
        case .due: guard let text = token["text"] else { return nil }; event = .pendingDue(text)
        case .dots:
            guard let list = token["stories"] else { return nil }
            var stories: [Int] = []
            for part in list.split(separator: ",", omittingEmptySubsequences: false) where !list.isEmpty {
                guard let story = Int(part) else { return nil }
                stories.append(story)
            }
            event = .dotsPlaced(participant: token["by"], stories: stories, advancesTurn: token["turn"] == "next", key: token["key"])
        case .cue: guard let story = int("story") else { return nil }; event = .cueLinked(story: story, cue: body)
        case .mind: guard let story = int("story") else { return nil }; event = .mindChanger(story: story, text: body)
        case .reviewed:
            guard let item = int("item"), let status = token["status"].flatMap(ReviewStatus.init(rawValue:)) else { return nil }
            event = .reviewed(item: item, status: status, note: token["noted"] == "yes" ? body : nil)
        case .timerSet: guard let seconds = int("seconds") else { return nil }; event = .timer(.set(seconds: seconds))
        case .timerAdjust: guard let seconds = int("seconds") else { return nil }; event = .timer(.adjust(seconds: seconds))
        case .timerPause: event = .timer(.pause)
        case .timerResume: event = .timer(.resume)
        case .suspended: event = .suspended
        case .resumed: event = .resumed
        case .revealed: event = .revealed
        case .floor:
            guard let open = token["open"], open == "yes" || open == "no" else { return nil }
            event = .floor(open: open == "yes")
        case .header, .stage, .ended: return nil
        }
        return Record(time: time, event: event)
    }

    /// `record` with `body` as its long text: what `record(token, body: body)` gives for the
    /// token that `record(token, body: "")` read. Neither a token field nor the lead of
    /// `shape` depends on the body, so the decoder builds the shape once, from the record
    /// with an empty body, and sets its body (`RecordCheckTests.shapeDoesNotDependOnTheBody`).
    static func withBody(_ record: Record, _ body: String) -> Record {
        var record = record
        switch record.event {
        case .contributed(var item, let advancesTurn):
            item.text = body
            record.event = .contributed(item, advancesTurn: advancesTurn)
        case .edited(let id, _): record.event = .edited(id: id, text: body)
        case .cueLinked(let story, _): record.event = .cueLinked(story: story, cue: body)
        case .mindChanger(let story, _): record.event = .mindChanger(story: story, text: body)
        case .reviewed(let item, let status, let note?) where note.isEmpty:
            record.event = .reviewed(item: item, status: status, note: body)
        default: break
        }
        return record
    }

    /// Records whose text follows the lead (a review mark only when it has a note).
    static func hasBody(_ token: Token) -> Bool {
        switch RecordKind(rawValue: token.kind) {
        case .contribution, .edited, .cue, .mind: true
        case .reviewed: token["noted"] == "yes"
        default: false
        }
    }

    private static func bold(_ name: String) -> String { "**" + MarkdownText.escapeInline(name) + "**" }

    private static func contributionLead(_ item: Contribution) -> String {
        // Bytes, not String appends: every contribution's lead is built again on read.
        var out: [UInt8] = []
        out.reserveCapacity(64)
        out += "**#".utf8
        out += String(item.id).utf8
        if let author = item.author {
            out.append(UInt8(ascii: " "))
            out.append(utf8: MarkdownText.escapeInline(author))
        }
        out += "**".utf8
        var notes = 0
        func note(_ label: String, _ text: String? = nil) {
            out += (notes == 0 ? " (" : "; ").utf8
            out += label.utf8
            if let text { out.append(utf8: MarkdownText.escapeInline(text)) }
            notes += 1
        }
        if item.kind == .note { note("note") }
        if let identity = item.tags.speakingAs { note("as ", identity) }
        if let when = item.tags.when { note("when ", when) }
        if let owner = item.tags.owner { note("owner ", owner) }
        if let due = item.tags.due { note("due ", due) }
        if let story = item.tags.replyTo { note("re #" + String(story)) }
        if !item.history.isEmpty { note("edited") }
        if item.retracted { note("retracted") }
        if notes > 0 { out.append(UInt8(ascii: ")")) }
        out += ": ".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// "5 min", "90 s" → "1 min 30 s".
    static func duration(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let rest = seconds % 60
        if minutes == 0 { return "\(rest) s" }
        return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
    }
}
