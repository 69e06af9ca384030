import Foundation
import SensemakingCore

/// What a log holds: the header, the records in order, and where the last whole record
/// ends. Everything else in the file (headings, prompts, the synthesis) is derived.
public struct LogContents: Equatable, Sendable {
    public var header: SessionHeader
    /// The log this one continues after `/saveas` (it holds the whole session again).
    public var continues: String?
    public var records: [Record]
    /// Bytes from the start of the file to the end of the last whole record: what resume keeps.
    public var validLength: Int
    /// A last record cut short by a crash, left out of `records`.
    public var torn: TornTail?

    /// The session the records rebuild, through the same `Session.apply` as the live one.
    public var session: Session {
        var session = Session(header: header)
        for record in records { session.apply(record) }
        return session
    }
}

/// The end of a log that does not finish a record: a write cut short.
public struct TornTail: Equatable, Sendable {
    /// 1-based line where the unfinished record starts.
    public var line: Int
    /// Byte offset where it starts (equal to `LogContents.validLength`).
    public var offset: Int
    public var length: Int
}

/// The log format, `sensemaking-log/2` (docs/log-format.md): Markdown that reads well,
/// and an exact record of the session.
public enum LogFormat {
    /// The version written in the front matter.
    public static let format = FrontMatter.format

    /// The front matter and title block that open a log. `continues` names the log this
    /// one takes over from after `/saveas`.
    public static func header(_ header: SessionHeader, continues: String? = nil) -> String {
        // An anonymous session's names stay on screen: the log keeps none.
        let header = header.asJournaled
        return FrontMatter.encode(header, continues: continues)
            + ReadableBlocks.titleBlock(header, continues: continues)
            + Token(RecordKind.header).text + "\n\n"
    }

    /// One record as it is appended: `number` is its place in this file (1, 2, 3…) and
    /// `session` the state after it was applied, for the headings and synthesis around it.
    public static func encode(_ record: Record, number: Int, in session: Session) -> String {
        encode(record, number: number, in: Optional(session))
    }

    /// Without a session, a stage heading or the end is only its marker line (the reader's check).
    static func encode(_ record: Record, number: Int, in session: Session?) -> String {
        let time = ("at", LogTime.format(record.time))
        switch record.event {
        case .stageEntered(let index):
            let token = Token(RecordKind.stage, [("seq", String(number)), ("index", String(index)), time])
            guard let session else { return token.text }
            return ReadableBlocks.stageHeading(index, in: session) + token.text + "\n\n"
        case .ended:
            let token = Token(RecordKind.ended, [("seq", String(number)), time])
            guard let session else { return token.text }
            return ReadableBlocks.synthesis(session) + token.text + "\n\n"
        default:
            // Every other event is a list item.
            var out: [UInt8] = []
            RecordItem.write(RecordItem.shape(record, seq: number)!, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The whole log: header, every record, the synthesis if it ended. What `saveAs` writes.
    public static func encode(_ header: SessionHeader, records: [Record], continues: String? = nil) -> String {
        var out = Self.header(header, continues: continues)
        var session = Session(header: header)
        for (offset, record) in records.enumerated() {
            session.apply(record)
            out += encode(record, number: offset + 1, in: session)
        }
        return out
    }

    public static func decode(_ text: String) throws(LogError) -> LogContents {
        try decode(bytes: Array(text.utf8))
    }

    /// Reads a log. A last record cut short is reported in `torn`, not thrown; anything else
    /// that is not what the program writes throws `.damaged` with its line.
    public static func decode(bytes: [UInt8]) throws(LogError) -> LogContents {
        var decoder = LogDecoder(bytes)
        return try decoder.decode()
    }
}
