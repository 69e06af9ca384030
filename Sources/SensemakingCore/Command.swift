/// A facilitator command: a line typed in the input box that starts with `/`.
public enum Command: Equatable, Sendable {
    case next, back
    case goto(String)
    case pass
    case turn(String)
    case join(String)
    case leave(String)
    case note(String)
    /// `/as IDENTITY`; `/as` alone clears it.
    case speakAs(String?)
    case when(String)
    case owner(String)
    case dots([Int])
    /// `/reveal`: show the plausibility dots.
    case reveal
    /// `/floor open` (true), `/floor turns` (false), `/floor` alone (nil: say which holds).
    case floor(Bool?)
    /// `/undo`: the latest contribution (on Welcome, the last name added).
    case undo
    /// `/undo N`: contribution N, in any stage.
    case retract(Int)
    case edit(Int, String)
    /// `/edit N` alone: contribution N's text into the input box, to amend.
    case recall(Int)
    /// `/kind N KIND`
    case kind(Int, String)
    /// `/move N STAGE`
    case move(Int, String)
    case timer(TimerCommand)
    case help
    /// `/qr`: how devices join, full screen.
    case qr
    /// `/devices`: who is connected from their own device.
    case devices
    /// `/remove N`: disconnect device N.
    case remove(Int)
    /// `/presenter`: the presenter page's private link, in the message line.
    case presenter
    case export
    case saveAs(String)
    case cue(Int, String)
    /// `/mind STORY TEXT`
    case mind(Int, String)
    /// `/mark N STATUS [NOTE]`
    case mark(Int, ReviewStatus, String?)
    case end
    case quit
}

public enum TimerCommand: Equatable, Sendable {
    case set(minutes: Int), add(minutes: Int), subtract(minutes: Int), pause, resume
}

/// What a submitted line means.
public enum Submission: Equatable, Sendable {
    case text(String)
    /// `@NAME text`: the rest after `@`, resolved against the roster by the reducer.
    case mention(String)
    case command(Command)
}

/// A line that could not be understood, with a one-line message.
public struct CommandError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public enum CommandParser {
    /// Every command with its usage, in the order `/help` shows them.
    public static let usage: [(name: String, usage: String, effect: String)] = [
        ("next", "/next", "go to the next stage"),
        ("back", "/back", "go back a stage"),
        ("goto", "/goto N", "go to stage N (number or name)"),
        ("pass", "/pass", "the current participant passes"),
        ("turn", "/turn NAME", "give the turn to NAME"),
        ("join", "/join NAME", "NAME joins"),
        ("leave", "/leave NAME", "NAME leaves"),
        ("note", "/note TEXT", "a private note: the room sees only \"Note kept\""),
        ("as", "/as IDENTITY", "the current participant speaks as IDENTITY"),
        ("when", "/when TEXT", "date the next retrospection note"),
        ("owner", "/owner NAME", "the next action's owner (NAME! not here; by DUE)"),
        ("dots", "/dots 2 2 5", "place plausibility dots on stories"),
        ("undo", "/undo [N]", "retract the latest contribution, or N"),
        ("edit", "/edit N TEXT", "amend contribution N (/edit N alone loads it)"),
        ("kind", "/kind N KIND", "what N is: action, observation, story, reply…"),
        ("move", "/move N STAGE", "move contribution N to another stage"),
        ("help", "/help", "this screen (also F1)"),
        ("qr", "/qr", "the join address and QR code, full screen (--serve)"),
        ("export", "/export", "the Markdown report beside the log, no notes"),
        // `/reveal` shares `/cue`'s line, so that help still fits 60×16 in three columns.
        ("cue", "/cue STORY CUE, /reveal", "link a cue to a story; show everyone's dots"),
        ("mind", "/mind STORY TEXT", "what would change our mind about a story"),
        ("mark", "/mark N STATUS NOTE", "review: item N done, progress, dropped or carry"),
        ("timer", "/timer M|+M|-M|pause|resume", "the stage's timebox, in minutes"),
        ("saveas", "/saveas PATH", "continue the journal in a new file"),
        ("end", "/end", "close the session and write the synthesis"),
        ("quit", "/quit", "leave now; resume continues"),
        // Two commands on one line, so that help still fits 60×16 in three columns.
        ("devices", "/devices, /remove N, /floor", "devices joined; disconnect N; /floor open or turns (--serve)"),
    ]

    /// Every command name: those `/help` lists, those that share another's line (`/remove`,
    /// `/reveal`, `/floor`), and `/presenter`, which the presenter guide tells
    /// (docs/presenter.md): help keeps to one screen.
    public static var names: [String] { usage.map(\.name) + ["remove", "reveal", "floor", "presenter"] }

    /// Words a facilitator reaches for that are a part of another command, not one of their
    /// own: "did you mean /cue?" for `/due` would mislead.
    static let partOfAnother = [
        "due": "a due date goes with the owner, in Enactment: /owner NAME by DUE.",
        "deadline": "a due date goes with the owner, in Enactment: /owner NAME by DUE.",
    ]

    public static func parse(_ line: String) -> Result<Submission, CommandError> {
        if line.hasPrefix("//") { return .success(.text(String(line.dropFirst()))) }
        if line.hasPrefix("@") { return .success(.mention(String(line.dropFirst()))) }
        guard line.hasPrefix("/") else { return .success(.text(line)) }

        let body = line.dropFirst()
        let word = String(body.prefix { !$0.isWhitespace })
        let rest = body.dropFirst(word.count).trimmingLeadingWhitespace()
        let name = word.lowercased()
        guard names.contains(name) else {
            if word.isEmpty { return .failure(CommandError("Type a command after /, or // to start a line with /. /help lists them.")) }
            if let within = partOfAnother[name] {
                return .failure(CommandError("Unknown command /\(word): \(within)"))
            }
            if let guess = suggestion(for: name) {
                return .failure(CommandError("Unknown command /\(word): did you mean /\(guess)?"))
            }
            return .failure(CommandError("Unknown command /\(word). /help lists the commands."))
        }
        return command(name, rest).map(Submission.command)
    }

    private static func command(_ name: String, _ rest: String) -> Result<Command, CommandError> {
        func needs(_ what: String) -> Result<Command, CommandError> {
            .failure(CommandError("/\(name) needs \(what): \(usageLine(name))"))
        }
        func bare(_ command: Command) -> Result<Command, CommandError> {
            rest.isEmpty ? .success(command)
                : .failure(CommandError("/\(name) takes nothing after it: \(usageLine(name))"))
        }
        switch name {
        case "next": return bare(.next)
        case "back": return bare(.back)
        case "pass": return bare(.pass)
        case "undo":
            if rest.isEmpty { return .success(.undo) }
            guard let id = Self.number(rest) else { return needs("a contribution number, or nothing") }
            return .success(.retract(id))
        case "help": return bare(.help)
        case "qr": return bare(.qr)
        case "reveal": return bare(.reveal)
        case "floor":
            switch rest.lowercased() {
            case "": return .success(.floor(nil))
            case "open": return .success(.floor(true))
            case "turns", "close", "closed": return .success(.floor(false))
            default: return .failure(CommandError("/floor takes open or turns: /floor open lets anyone send from a device, /floor turns restores turns."))
            }
        case "devices": return bare(.devices)
        case "presenter": return bare(.presenter)
        case "remove":
            guard let number = Int(rest), number > 0 else {
                return .failure(CommandError("/remove needs a device number: /remove N (/devices lists them)."))
            }
            return .success(.remove(number))
        case "export": return bare(.export)
        case "end": return bare(.end)
        case "quit": return bare(.quit)
        case "goto": return rest.isEmpty ? needs("a stage") : .success(.goto(rest))
        case "turn": return rest.isEmpty ? needs("a name") : .success(.turn(rest))
        case "join": return rest.isEmpty ? needs("a name") : .success(.join(rest))
        case "leave": return rest.isEmpty ? needs("a name") : .success(.leave(rest))
        case "note": return rest.isEmpty ? needs("some text") : .success(.note(rest))
        case "as": return .success(.speakAs(rest.isEmpty ? nil : rest))
        case "when": return rest.isEmpty ? needs("a time, such as 2019 or last winter") : .success(.when(rest))
        case "owner": return rest.isEmpty ? needs("a name") : .success(.owner(rest))
        case "saveas": return rest.isEmpty ? needs("a path") : .success(.saveAs(rest))
        case "dots":
            let parts = rest.split(whereSeparator: { $0 == " " || $0 == "," })
            if parts.isEmpty { return needs("story numbers") }
            var numbers: [Int] = []
            for part in parts {
                guard let n = Int(part), n > 0 else {
                    return .failure(CommandError("/dots takes story numbers, such as /dots 2 2 5; \"\(part.prefix(20))\" is not one."))
                }
                numbers.append(n)
            }
            return .success(.dots(numbers))
        case "edit":
            let number = rest.prefix { !$0.isWhitespace }
            let text = rest.dropFirst(number.count).trimmingLeadingWhitespace()
            guard let id = Self.number(number) else { return needs("a contribution number") }
            return text.isEmpty ? .success(.recall(id)) : .success(.edit(id, text))
        case "kind", "move":
            let number = rest.prefix { !$0.isWhitespace }
            let word = rest.dropFirst(number.count).trimmingLeadingWhitespace()
            guard let id = Self.number(number) else { return needs("a contribution number") }
            if word.isEmpty { return needs(name == "kind" ? "a kind" : "a stage") }
            return .success(name == "kind" ? .kind(id, word) : .move(id, word))
        case "cue", "mind":
            let number = rest.prefix { !$0.isWhitespace }
            let text = rest.dropFirst(number.count).trimmingLeadingWhitespace()
            guard let story = Int(number), story > 0 else { return needs("a story number") }
            if text.isEmpty { return needs(name == "cue" ? "a cue" : "what would change our mind") }
            return .success(name == "cue" ? .cue(story, text) : .mind(story, text))
        case "mark":
            return mark(rest)
        case "timer":
            return timer(rest).map(Command.timer)
        default:
            return .failure(CommandError("Unknown command /\(name)."))
        }
    }

    /// "4" or "#4": a contribution number.
    private static func number(_ text: some StringProtocol) -> Int? {
        guard let n = Int(text.hasPrefix("#") ? text.dropFirst() : text[...]), n > 0 else { return nil }
        return n
    }

    private static func mark(_ rest: String) -> Result<Command, CommandError> {
        let words = rest.split(maxSplits: 2, whereSeparator: \.isWhitespace)
        guard let first = words.first, let item = Int(first.hasPrefix("#") ? first.dropFirst() : first), item > 0 else {
            return .failure(CommandError("/mark needs an item number: \(usageLine("mark"))"))
        }
        guard words.count > 1 else {
            return .failure(CommandError("/mark \(item) needs what became of it: done, progress, dropped or carry."))
        }
        var statusWord = String(words[1])
        var note = words.count > 2 ? String(words[2]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        // "in progress" and "carry forward" are two words; the note follows them, on the
        // same line or the next.
        func takeWord(_ word: String) -> Bool {
            let lowered = note.lowercased()
            guard lowered.hasPrefix(word), lowered.dropFirst(word.count).first?.isWhitespace ?? true else { return false }
            note = String(note.dropFirst(word.count)).trimmingCharacters(in: .whitespacesAndNewlines)
            return true
        }
        switch statusWord.lowercased() {
        case "in": if takeWord("progress") { statusWord = "progress" }
        case "carry", "carried": _ = takeWord("forward")
        default: break
        }
        guard let status = ReviewStatus.named(statusWord) else {
            return .failure(CommandError("/mark \(item): \"\(statusWord.prefix(20))\" is not done, progress, dropped or carry."))
        }
        return .success(.mark(item, status, note.isEmpty ? nil : note))
    }

    private static func timer(_ rest: String) -> Result<TimerCommand, CommandError> {
        let arg = rest.lowercased()
        switch arg {
        case "pause", "stop": return .success(.pause)
        case "resume", "start", "go": return .success(.resume)
        default: break
        }
        let sign = arg.first
        let digits = (sign == "+" || sign == "-") ? String(arg.dropFirst()) : arg
        guard let minutes = Int(digits), minutes >= 0, minutes <= 600 else {
            return .failure(CommandError("/timer takes minutes (0 to 600), +M, -M, pause or resume: \(usageLine("timer"))"))
        }
        switch sign {
        case "+": return .success(.add(minutes: minutes))
        case "-": return .success(.subtract(minutes: minutes))
        default: return .success(.set(minutes: minutes))
        }
    }

    static func usageLine(_ name: String) -> String {
        guard let line = usage.first(where: { $0.name == name })?.usage else { return "/\(name)" }
        // A line shared with a command that has its own usage ("/cue STORY CUE, /reveal"):
        // only this command's part.
        return line.hasSuffix(", /reveal") ? String(line.dropLast(", /reveal".count)) : line
    }

    /// The closest command name, for "did you mean". A prefix wins; otherwise the
    /// nearest by edit distance, within 2.
    public static func suggestion(for word: String) -> String? {
        if word.isEmpty { return nil }
        let prefixed = names.filter { $0.hasPrefix(word) }
        if prefixed.count == 1 { return prefixed[0] }
        let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

extension Substring {
    func trimmingLeadingWhitespace() -> String {
        String(drop { $0.isWhitespace })
    }
}
