import Foundation
import SensemakingCore

/// The YAML front matter at the top of a log: the format version and everything
/// `Session(header:)` needs, the whole plan included, so a log is complete on its own.
/// The plan block has the shape of a plan file (`sensemaking plan init`). It is written and
/// read here, by a reader for exactly this shape, so it reads back exactly (empty prompt
/// lists included) whatever plan validation later accepts.
enum FrontMatter {
    static let formatPrefix = "sensemaking-log/"
    /// The version written, and the newest read. Version 2 adds follow-ups (the `follow-up`
    /// block, the Review stage, `reviewed` records and `update` contributions), `/mind`
    /// records, and anonymous logs without names. Any session may use `/mind`, so every log
    /// is written as version 2 and an older sensemaking refuses it rather than misread it.
    static let version = 2
    static let format = formatPrefix + String(version)

    static func encode(_ header: SessionHeader, continues: String?) -> String {
        var out = "---\n"
        out += "format: \(format)\n"
        out += "title: \(YAMLQuoting.quote(header.title))\n"
        out += "started: \(LogTime.format(header.started))\n"
        out += "anonymous: \(header.anonymous)\n"
        out += texts("participants", header.participants, indent: "")
        if let continues { out += "continues: \(YAMLQuoting.quote(continues))\n" }
        if let followUp = header.followUp { out += encode(followUp) }
        let plan = header.plan
        out += "plan:\n"
        out += "  title: \(YAMLQuoting.quote(plan.title))\n"
        out += "  purpose: \(YAMLQuoting.quote(plan.purpose))\n"
        out += "  dots: \(plan.dots)\n"
        out += "  anonymous: \(plan.anonymous)\n"
        if plan.stages.isEmpty {
            out += "  stages: []\n"
        } else {
            out += "  stages:\n"
            for stage in plan.stages {
                out += "    - element: \(stage.element.rawValue)\n"
                if let title = stage.title { out += "      title: \(YAMLQuoting.quote(title))\n" }
                out += "      minutes: \(stage.minutes)\n"
                out += texts("prompts", stage.prompts, indent: "      ")
            }
        }
        return out + "---\n"
    }

    /// A list of texts under `key`, each quoted on a line of its own; `key: []` when empty.
    private static func texts(_ key: String, _ items: [String], indent: String) -> String {
        if items.isEmpty { return "\(indent)\(key): []\n" }
        return "\(indent)\(key):\n" + items.map { "\(indent)  - \(YAMLQuoting.quote($0))\n" }.joined()
    }

    static func encode(_ followUp: FollowUp) -> String {
        var out = "follow-up:\n"
        out += "  log: \(YAMLQuoting.quote(followUp.previousLog))\n"
        out += "  title: \(YAMLQuoting.quote(followUp.previousTitle))\n"
        out += "  started: \(LogTime.format(followUp.previousStarted))\n"
        if !followUp.people.isEmpty { out += texts("people", followUp.people, indent: "  ") }
        if followUp.items.isEmpty { return out + "  items: []\n" }
        out += "  items:\n"
        for item in followUp.items {
            out += "    - kind: \(item.kind.rawValue)\n"
            out += "      text: \(YAMLQuoting.quote(item.text))\n"
            if let owner = item.owner { out += "      owner: \(YAMLQuoting.quote(owner))\n" }
            if !item.history.isEmpty { out += texts("history", item.history, indent: "      ") }
        }
        return out
    }

    static func decodeFollowUp(_ fields: Fields) throws(LogError) -> FollowUp {
        var items: [CarriedItem] = []
        for (node, line) in try fields.maps("items") {
            let item = Fields(node, line: line)
            let kind: ContributionKind = try item.named("kind")
            let history = item.has("history") ? try item.strings("history") : []
            items.append(CarriedItem(kind: kind, text: try item.string("text"),
                                     owner: try item.optionalString("owner"), history: history))
        }
        return FollowUp(previousLog: try fields.string("log"), previousTitle: try fields.string("title"),
                        previousStarted: try fields.time("started"), items: items,
                        people: fields.has("people") ? try fields.strings("people") : [])
    }

    /// Reads the lines between the two `---` (numbered as in the file).
    static func decode(_ lines: [(number: Int, text: Substring)]) throws(LogError) -> (SessionHeader, continues: String?) {
        var parser = MiniYAML(lines)
        let root = try parser.document()
        guard case .map(let top, _) = root else {
            throw .notALog(path: nil, reason: "its front matter is not a mapping")
        }
        guard let formatNode = top.first(where: { $0.key == "format" })?.value,
              case .scalar(let format, _, let formatLine) = formatNode else {
            throw .notALog(path: nil, reason: "its front matter has no format: \(Self.format)")
        }
        guard format.hasPrefix(formatPrefix), let version = Int(format.dropFirst(formatPrefix.count)) else {
            throw .damaged(path: nil, line: formatLine, reason: "unknown format \(format)")
        }
        guard version <= Self.version else { throw .newerFormat(path: nil, format: format) }

        let fields = Fields(top, line: lines.first?.number ?? 1)
        let title = try fields.string("title")
        let started = try fields.time("started")
        let anonymous = try fields.bool("anonymous")
        let participants = try fields.strings("participants")
        let continues = try fields.optionalString("continues")
        let followUp = fields.has("follow-up") ? try decodeFollowUp(try fields.map("follow-up")) : nil
        let planFields = try fields.map("plan")
        var stages: [PlanStage] = []
        for (stageNode, line) in try planFields.maps("stages") {
            let stage = Fields(stageNode, line: line)
            let element: Element = try stage.named("element")
            stages.append(PlanStage(element: element, title: try stage.optionalString("title"),
                                    prompts: try stage.strings("prompts"), minutes: try stage.int("minutes")))
        }
        let plan = Plan(title: try planFields.string("title"), purpose: try planFields.string("purpose"),
                        stages: stages, dots: try planFields.int("dots"), anonymous: try planFields.bool("anonymous"))
        let header = SessionHeader(title: title, plan: plan, participants: participants,
                                   anonymous: anonymous, started: started, followUp: followUp)
        return (header, continues)
    }
}

/// Typed access to a front-matter mapping, with the line of each problem.
struct Fields {
    var entries: [(key: String, value: MiniYAML.Node)]
    var line: Int

    init(_ entries: [(key: String, value: MiniYAML.Node)], line: Int) {
        self.entries = entries
        self.line = line
    }

    func line(of key: String) -> Int { entries.first { $0.key == key }?.value.line ?? line }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    func node(_ key: String) throws(LogError) -> MiniYAML.Node {
        guard let node = entries.first(where: { $0.key == key })?.value else {
            throw .damaged(path: nil, line: line, reason: "the front matter has no \(key)")
        }
        return node
    }

    func fail(_ key: String, _ what: String) -> LogError {
        .damaged(path: nil, line: line(of: key), reason: "\(key) should be \(what)")
    }

    func string(_ key: String) throws(LogError) -> String {
        guard case .scalar(let text, true, _) = try node(key) else { throw fail(key, "a quoted text") }
        return text
    }

    func optionalString(_ key: String) throws(LogError) -> String? {
        entries.contains { $0.key == key } ? try string(key) : nil
    }

    func plain(_ key: String) throws(LogError) -> String {
        guard case .scalar(let text, false, _) = try node(key) else { throw fail(key, "a plain value") }
        return text
    }

    /// A plain value that names a case of `Value`: "unknown kind storyy" when it names none.
    func named<Value: RawRepresentable>(_ key: String) throws(LogError) -> Value where Value.RawValue == String {
        let name = try plain(key)
        guard let value = Value(rawValue: name) else {
            throw .damaged(path: nil, line: line(of: key), reason: "unknown \(key) \(name)")
        }
        return value
    }

    func int(_ key: String) throws(LogError) -> Int {
        guard let value = Int(try plain(key)) else { throw fail(key, "a whole number") }
        return value
    }

    func bool(_ key: String) throws(LogError) -> Bool {
        switch try plain(key) {
        case "true": return true
        case "false": return false
        default: throw fail(key, "true or false")
        }
    }

    func time(_ key: String) throws(LogError) -> Date {
        guard let date = LogTime.parse(try plain(key)) else { throw fail(key, "a UTC time like 2026-11-27T10:00:00Z") }
        return date
    }

    func strings(_ key: String) throws(LogError) -> [String] {
        guard case .sequence(let items, _) = try node(key) else { throw fail(key, "a list") }
        var out: [String] = []
        for item in items {
            guard case .scalar(let text, true, _) = item else { throw fail(key, "a list of quoted texts") }
            out.append(text)
        }
        return out
    }

    func map(_ key: String) throws(LogError) -> Fields {
        let value = try node(key)
        guard case .map(let entries, let line) = value else { throw fail(key, "a mapping") }
        return Fields(entries, line: line)
    }

    func maps(_ key: String) throws(LogError) -> [([(key: String, value: MiniYAML.Node)], Int)] {
        guard case .sequence(let items, _) = try node(key) else { throw fail(key, "a list") }
        var out: [([(key: String, value: MiniYAML.Node)], Int)] = []
        for item in items {
            guard case .map(let entries, let line) = item else { throw fail(key, "a list of mappings") }
            out.append((entries, line))
        }
        return out
    }
}

/// The block YAML that `FrontMatter.encode` writes: mappings, `- ` sequences, `[]`,
/// double-quoted and plain scalars. Anything else is reported with its line.
struct MiniYAML {
    indirect enum Node {
        case scalar(String, quoted: Bool, line: Int)
        case map([(key: String, value: Node)], line: Int)
        case sequence([Node], line: Int)
        case null(line: Int)

        var line: Int {
            switch self {
            case .scalar(_, _, let line), .map(_, let line), .sequence(_, let line), .null(let line): line
            }
        }
    }

    struct Line {
        var indent: Int
        var content: Substring
        var number: Int
    }

    var lines: [Line]
    var index = 0

    init(_ raw: [(number: Int, text: Substring)]) {
        lines = raw.compactMap { number, text in
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") { return nil }
            return Line(indent: indent, content: content, number: number)
        }
    }

    mutating func document() throws(LogError) -> Node {
        guard let first = lines.first else { return .null(line: 1) }
        let node = try block(indent: first.indent)
        if index < lines.count { throw bad(lines[index], "unexpected indentation") }
        return node
    }

    private func bad(_ line: Line, _ reason: String) -> LogError {
        .damaged(path: nil, line: line.number, reason: "front matter: \(reason)")
    }

    private static func isItem(_ content: Substring) -> Bool { content == "-" || content.hasPrefix("- ") }

    private mutating func block(indent: Int) throws(LogError) -> Node {
        Self.isItem(lines[index].content) ? try sequence(indent: indent) : try mapping(indent: indent)
    }

    private mutating func sequence(indent: Int) throws(LogError) -> Node {
        let start = lines[index].number
        var items: [Node] = []
        while index < lines.count, lines[index].indent == indent, Self.isItem(lines[index].content) {
            let line = lines[index]
            let rest = line.content.dropFirst(2)
            if rest.unicodeScalars.first != "\"", Self.keyValue(rest) != nil {
                // "- key: value" opens a mapping whose keys line up after the dash.
                lines[index] = Line(indent: indent + 2, content: rest, number: line.number)
                items.append(try mapping(indent: indent + 2))
            } else {
                items.append(try scalar(rest, line))
                index += 1
            }
        }
        return .sequence(items, line: start)
    }

    private mutating func mapping(indent: Int) throws(LogError) -> Node {
        let start = lines[index].number
        var entries: [(key: String, value: Node)] = []
        while index < lines.count, lines[index].indent == indent, !Self.isItem(lines[index].content) {
            let line = lines[index]
            guard let (key, value) = Self.keyValue(line.content) else { throw bad(line, "expected key: value") }
            if entries.contains(where: { $0.key == key }) { throw bad(line, "\(key) appears twice") }
            index += 1
            if !value.isEmpty {
                entries.append((key, try scalar(value, line)))
            } else if index < lines.count, lines[index].indent > indent {
                entries.append((key, try block(indent: lines[index].indent)))
            } else {
                entries.append((key, .null(line: line.number)))
            }
        }
        if index < lines.count, lines[index].indent > indent { throw bad(lines[index], "unexpected indentation") }
        return .map(entries, line: start)
    }

    private func scalar(_ text: Substring, _ line: Line) throws(LogError) -> Node {
        if text == "[]" { return .sequence([], line: line.number) }
        // Scalars, not characters: a quoted text may open with a combining mark.
        if text.unicodeScalars.first == "\"" {
            guard let value = YAMLQuoting.unquote(text) else { throw bad(line, "a quoted text is not closed or has a bad escape") }
            return .scalar(value, quoted: true, line: line.number)
        }
        return .scalar(String(text), quoted: false, line: line.number)
    }

    /// "key: value" or "key:" with a plain key.
    private static func keyValue(_ content: Substring) -> (String, Substring)? {
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let key = content[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        let after = content[content.index(after: colon)...]
        if after.isEmpty { return (String(key), after) }
        guard after.hasPrefix(" ") else { return nil }
        return (String(key), after.dropFirst())
    }
}
