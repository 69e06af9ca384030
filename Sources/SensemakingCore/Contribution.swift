import Foundation

/// Tags a contribution can carry; each comes from a facilitator command.
public struct Tags: Equatable, Sendable, Hashable {
    /// `/as`: the identity spoken from.
    public var speakingAs: String?
    /// `/when`: when a remembered moment happened, as the room said it.
    public var when: String?
    /// `/owner`: who owns an action.
    public var owner: String?
    /// `/owner NAME by DUE`: when the action is due, as the room said it ("15 Jan").
    public var due: String?
    /// A reply's story: the id of the story it answers.
    public var replyTo: Int?

    public init(speakingAs: String? = nil, when: String? = nil, owner: String? = nil, due: String? = nil,
                replyTo: Int? = nil) {
        self.speakingAs = speakingAs
        self.when = when
        self.owner = owner
        self.due = due
        self.replyTo = replyTo
    }

    public var isEmpty: Bool { self == Tags() }
}

/// Something said in the room and kept: a contribution or a facilitator note.
public struct Contribution: Equatable, Sendable, Identifiable {
    /// 1, 2, 3… in the order they were made; the number on screen and in `/edit N`.
    public var id: Int
    /// The participant, or nil for the facilitator, the whole room, or an anonymous session.
    public var author: String?
    /// Index into `Session.stages`.
    public var stage: Int
    public var kind: ContributionKind
    public var text: String
    public var tags: Tags
    public var time: Date
    /// Earlier texts, oldest first, when `/edit` amended it.
    public var history: [String]
    /// `/undo` retracted it: kept in the log, left out of the board and the report.
    public var retracted: Bool

    public init(id: Int, author: String?, stage: Int, kind: ContributionKind, text: String,
                tags: Tags = Tags(), time: Date, history: [String] = [], retracted: Bool = false) {
        self.id = id
        self.author = author
        self.stage = stage
        self.kind = kind
        self.text = text
        self.tags = tags
        self.time = time
        self.history = history
        self.retracted = retracted
    }

    public var edited: Bool { !history.isEmpty }

    /// A facilitator's note is private: a view projected to the room shows that one was
    /// kept, never its text; reports show it only when asked to.
    public var isPrivate: Bool { kind == .note }

    /// The tags that mean something for this kind, for views and reports: a date on a
    /// memory, an owner and due date on an action, a story on a reply. `/kind` and `/move`
    /// keep every tag, so that changing a kind back gives the same contribution.
    public var fittingTags: Tags {
        var shown = tags
        if kind != .memory { shown.when = nil }
        if kind != .action { shown.owner = nil; shown.due = nil }
        if kind != .reply { shown.replyTo = nil }
        return shown
    }

    /// A story's title: its first line when it has several, else its opening words.
    ///
    /// Exports ask every item for its title. A text without a line feed (most of them) is
    /// answered without Foundation's string search or a Character walk of the whole text;
    /// the rest go the original way, whose quirks (a line feed followed by a combining mark
    /// is not "\n" to Foundation) `TitleTests` hold the fast paths to.
    public var title: String {
        let utf8 = text.utf8
        guard let feed = utf8.firstIndex(of: UInt8(ascii: "\n")) else {
            if utf8.count <= 48 { return text }
            // 49 ASCII bytes without a line feed are 49 Characters: more than 48, and the first 47 are 47 bytes.
            if !utf8.prefix(49).contains(where: { $0 >= 0x80 }) { return String(text[..<utf8.index(utf8.startIndex, offsetBy: 47)]) + "…" }
            if text.dropFirst(48).isEmpty { return text }
            return String(text.prefix(47)) + "…"
        }
        // A first line feed after text, not after a CR (CR LF is one Character) and not before a
        // non-ASCII scalar that could matter to Foundation's search: the first line is what is before it.
        if feed > utf8.startIndex, utf8[utf8.index(before: feed)] != UInt8(ascii: "\r") {
            let after = utf8.index(after: feed)
            if after == utf8.endIndex || utf8[after] < 0x80 { return String(text[..<feed]) }
        }
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if text.contains("\n") || firstLine.count <= 48 { return firstLine }
        return String(firstLine.prefix(47)) + "…"
    }
}
