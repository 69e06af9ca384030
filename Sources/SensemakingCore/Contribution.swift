import Foundation

/// Tags a contribution can carry; each comes from a facilitator command.
public struct Tags: Equatable, Sendable, Hashable {
    /// `/as`: the identity spoken from.
    public var speakingAs: String?
    /// `/when`: when a remembered moment happened, as the room said it.
    public var when: String?
    /// `/owner`: who owns an action.
    public var owner: String?

    public init(speakingAs: String? = nil, when: String? = nil, owner: String? = nil) {
        self.speakingAs = speakingAs
        self.when = when
        self.owner = owner
    }

    public var isEmpty: Bool { speakingAs == nil && when == nil && owner == nil }
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

    /// A story's title: its first line when it has several, else its opening words.
    ///
    /// Walks scalars, not Characters: exports ask every item for its title, and grapheme
    /// breaking over whole texts was most of an export's time. A line feed is a Character of
    /// its own except after a carriage return, so the scalar walk splits where `split` would.
    /// (`TitleTests` hold it to the Character-based definition.)
    public var title: String {
        let scalars = text.unicodeScalars
        var lineStart: String.Index?
        var lineEnd = text.endIndex
        var hasLineBreak = false
        var previous: Unicode.Scalar = " "
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            // `contains("\n")` (Foundation's) finds the LF of a CRLF too.
            if scalar == "\n" { hasLineBreak = true }
            if scalar == "\n" && previous != "\r" {
                if lineStart != nil {
                    lineEnd = index
                    break
                }
            } else if lineStart == nil {
                lineStart = index
            }
            previous = scalar
            scalars.formIndex(after: &index)
        }
        // Like `split`, empty lines before the first words are skipped.
        let firstLine = lineStart.map { text[$0..<lineEnd] } ?? text[...]
        if hasLineBreak || firstLine.utf8.count <= 48 || firstLine.dropFirst(48).isEmpty { return String(firstLine) }
        return String(firstLine.prefix(47)) + "…"
    }
}
