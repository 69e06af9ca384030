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

    /// "Chi, by 15 Jan": an action's owner and when it is due, as Close and every report say
    /// them; nil when it has neither.
    public static func ownerAndDue(_ owner: String?, due: String?) -> String? {
        let text = [owner, due.map { "by " + $0 }].compactMap { $0 }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }
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
    /// The key a device sent it with: journaled, so a retried send is not saved twice.
    public var sendKey: String?

    public init(id: Int, author: String?, stage: Int, kind: ContributionKind, text: String,
                tags: Tags = Tags(), time: Date, history: [String] = [], retracted: Bool = false,
                sendKey: String? = nil) {
        self.id = id
        self.author = author
        self.stage = stage
        self.kind = kind
        self.text = text
        self.tags = tags
        self.time = time
        self.history = history
        self.retracted = retracted
        self.sendKey = sendKey
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

    /// A story's title: the first line of a text of several lines (empty lines before it
    /// skipped), else its opening words: the first 47 characters and "…" when it has more
    /// than 48. Only a line that is long and the first of several asks Foundation whether the
    /// text has a line feed (`contains`, which does not see one before a combining mark).
    public var title: String {
        guard text.utf8.contains(UInt8(ascii: "\n")) else {
            // One line: at most 48 characters are walked, not the whole text.
            guard let cut = text.index(text.startIndex, offsetBy: 48, limitedBy: text.endIndex), cut < text.endIndex else {
                return text
            }
            return String(text.prefix(47)) + "…"
        }
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        if firstLine.count <= 48 || text.contains("\n") { return firstLine }
        return String(firstLine.prefix(47)) + "…"
    }
}
