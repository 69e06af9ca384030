import Foundation
import SensemakingCore
import SessionLog

/// The report as versioned JSON (`docs/export-json.md`): keys sorted so exports diff
/// well, times in ISO-8601 UTC, absent values as null rather than missing keys.
///
/// Written by hand into one byte buffer, in the very bytes `JSONEncoder` wrote with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent, `"key" : value`,
/// an empty array as `[`, a blank line and `]`): the encoder was a third of a JSON export of
/// a long session. `JSONReportTests` hold the two to the same bytes on generated reports.
public enum JSONReport {
    public static let schema = "sensemaking-export/1"

    public static func render(_ report: Report) -> String {
        var json = JSONWriter()
        json.object { json in
            json.key("actions") { $0.array(report.actions) { $0.int($1.id) } }
            json.key("balance") { json in
                json.objects(report.balance) { json, share in
                    json.key("characters") { $0.int(share.characters) }
                    json.key("contributions") { $0.int(share.contributions) }
                    json.key("participant") { $0.string(share.participant) }
                    json.key("percent") { $0.int(share.percent) }
                }
            }
            json.key("checkouts") { $0.array(report.checkouts) { $0.int($1.id) } }
            let updates = report.followUp?.updates.map { ($0, 0) } ?? []
            let said = updates + report.stages.flatMap { stage in stage.items.map { ($0, stage.number) } }
                + report.checkouts.map { ($0, report.stages.count + 1) }
            json.key("contributions") { $0.array(said) { $0.item($1.0, stage: $1.1) } }
            json.key("cues") { $0.array(report.cues) { $0.int($1.id) } }
            json.key("followUp") { json in
                guard let followUp = report.followUp else { return json.null() }
                json.object { json in
                    json.key("items") { json in
                        json.objects(followUp.items) { json, item in
                            json.key("history") { $0.array(item.history) { $0.string($1) } }
                            json.key("kind") { $0.string(item.kind.rawValue) }
                            json.key("note") { $0.string(item.note) }
                            json.key("number") { $0.int(item.number) }
                            json.key("owner") { $0.string(item.owner) }
                            json.key("status") { $0.string(item.status?.rawValue) }
                            json.key("text") { $0.string(item.text) }
                        }
                    }
                    json.key("previousLog") { $0.string(followUp.previousLog) }
                    json.key("previousStarted") { $0.date(followUp.previousStarted) }
                    json.key("previousTitle") { $0.string(followUp.previousTitle) }
                    json.key("spentSeconds") { $0.int(followUp.spentSeconds) }
                    json.key("updates") { $0.array(followUp.updates) { $0.int($1.id) } }
                }
            }
            json.key("identityMap") { json in
                json.objects(report.identityMap) { json, voice in
                    json.key("count") { $0.int(voice.count) }
                    json.key("identity") { $0.string(voice.identity) }
                    json.key("speakers") { $0.array(voice.speakers) { $0.string($1) } }
                    json.key("stages") { $0.array(voice.stages) { $0.int($1) } }
                }
            }
            json.key("narratives") { $0.array(report.narratives) { $0.int($1.id) } }
            let notes = report.welcomeNotes.map { ($0, 0) } + (report.followUp?.notes.map { ($0, 0) } ?? [])
                + report.stages.flatMap { stage in stage.notes.map { ($0, stage.number) } }
                + report.closeNotes.map { ($0, report.stages.count + 1) }
            json.key("notes") { $0.array(notes) { $0.item($1.0, stage: $1.1) } }
            json.key("plausibility") { json in
                json.objects(report.ranking) { json, rank in
                    json.key("cues") { $0.array(rank.cues) { $0.string($1) } }
                    json.key("dots") { $0.int(rank.dots) }
                    json.key("mindChangers") { $0.array(rank.mindChangers) { $0.string($1) } }
                    json.key("number") { $0.int(rank.number) }
                    json.key("story") { $0.int(rank.story.id) }
                    json.key("title") { $0.string(rank.story.title) }
                }
            }
            json.key("schema") { $0.string(schema) }
            json.key("session") { json in
                json.object { json in
                    json.key("anonymized") { $0.bool(report.anonymized) }
                    json.key("anonymous") { $0.bool(report.anonymous) }
                    json.key("durationSeconds") { $0.int(report.durationSeconds) }
                    json.key("ended") { $0.bool(report.ended) }
                    json.key("lastActivity") { $0.date(report.lastActivity) }
                    json.key("participantCount") { $0.int(report.participantCount) }
                    json.key("participants") { $0.array(report.participants) { $0.string($1) } }
                    json.key("purpose") { $0.string(report.purpose) }
                    json.key("started") { $0.date(report.started) }
                    json.key("timeZone") { $0.string(report.timeZone.identifier) }
                    json.key("title") { $0.string(report.title) }
                }
            }
            json.key("signals") { $0.array(report.signals) { $0.int($1.id) } }
            json.key("stages") { json in
                json.objects(report.stages) { json, stage in
                    json.key("contributions") { $0.array(stage.items) { $0.int($1.id) } }
                    json.key("element") { $0.string(stage.element.rawValue) }
                    json.key("name") { $0.string(stage.name) }
                    json.key("number") { $0.int(stage.number) }
                    json.key("prompts") { $0.array(stage.prompts) { $0.string($1) } }
                    json.key("question") { $0.string(stage.question) }
                    json.key("spentSeconds") { $0.int(stage.spentSeconds) }
                    json.key("timeboxMinutes") { $0.int(stage.timeboxMinutes) }
                }
            }
            json.key("timeline") { $0.array(report.timeline) { $0.int($1.id) } }
        }
        json.out.append(UInt8(ascii: "\n"))
        return String(decoding: json.out, as: UTF8.self)
    }
}

/// Pretty-printed JSON as `JSONEncoder` writes it, keys in the order given (the caller
/// gives them sorted).
struct JSONWriter {
    var out: [UInt8] = []
    private var depth = 0
    /// Whether the current object or array already has a member (then a comma comes first).
    private var hasMember = false

    init() { out.reserveCapacity(1 << 16) }

    private mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { out.append(UInt8(ascii: " ")); out.append(UInt8(ascii: " ")) }
    }

    private mutating func member() {
        if hasMember { out.append(UInt8(ascii: ",")) }
        hasMember = true
        newline()
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        out.append(UInt8(ascii: "{"))
        enclose(body)
        out.append(UInt8(ascii: "}"))
    }

    /// An array whose elements are objects, each written by `members`.
    mutating func objects<Element>(_ elements: [Element], _ members: (inout JSONWriter, Element) -> Void) {
        array(elements) { json, element in json.object { members(&$0, element) } }
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        out.append(UInt8(ascii: "["))
        enclose { json in
            for element in elements {
                json.member()
                write(&json, element)
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The members at one level deeper, then the closing bracket's line; an empty one is a blank line.
    private mutating func enclose(_ body: (inout JSONWriter) -> Void) {
        let outer = hasMember
        depth += 1
        hasMember = false
        body(&self)
        if !hasMember { out.append(UInt8(ascii: "\n")) }
        depth -= 1
        newline()
        hasMember = outer
    }

    mutating func key(_ name: StaticString, _ value: (inout JSONWriter) -> Void) {
        member()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\" : ".utf8)
        value(&self)
    }

    mutating func null() { out.append(contentsOf: "null".utf8) }

    mutating func bool(_ value: Bool) { out.append(contentsOf: (value ? "true" : "false").utf8) }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 { out.append(UInt8(48 + value)); return }
        out.append(contentsOf: String(value).utf8)
    }

    mutating func date(_ date: Date) { string(LogTime.wholeSeconds(date)) }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        out.append(UInt8(ascii: "\""))
        // Most texts have nothing to escape: then they go in whole.
        let whole = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        } ?? false
        if whole {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Self.hex(byte >> 4))
                out.append(Self.hex(byte & 0xF))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hex(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 87 + value }

    /// An item of `contributions` or `notes`.
    mutating func item(_ item: Report.Item, stage: Int) {
        object { json in
            json.key("author") { $0.string(item.author) }
            json.key("due") { $0.string(item.due) }
            json.key("edited") { $0.bool(item.edited) }
            json.key("id") { $0.int(item.id) }
            json.key("kind") { $0.string(item.kind.rawValue) }
            json.key("owner") { $0.string(item.owner) }
            json.key("placed") { $0.bool(item.placed) }
            json.key("replyTo") { json in
                guard let story = item.replyTo else { return json.null() }
                json.int(story)
            }
            json.key("speakingAs") { $0.string(item.speakingAs) }
            json.key("stage") { $0.int(stage) }
            json.key("text") { $0.string(item.text) }
            json.key("time") { $0.date(item.time) }
            json.key("when") { $0.string(item.when) }
        }
    }
}
