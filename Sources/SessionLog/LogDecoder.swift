import Foundation
import SensemakingCore

/// Reads a log line by line. A record ends at the line that carries its token; the lines
/// before it (back to the previous token) are its readable part. Whatever follows the last
/// token line without a token of its own is a torn tail.
struct LogDecoder {
    struct Line {
        var number: Int
        /// Without the line feed and a carriage return before it.
        var content: ArraySlice<UInt8>
        var start: Int
        var terminated: Bool

        var isBlank: Bool { content.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
    }

    let bytes: [UInt8]
    var lines: [Line] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lines = Self.lines(of: bytes)
    }

    private func damaged(_ line: Int, _ reason: String) -> LogError { .damaged(path: nil, line: line, reason: reason) }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String? { String(validating: bytes, as: UTF8.self) }

    mutating func decode() throws(LogError) -> LogContents {
        guard let first = lines.first else { throw LogError.notALog(path: nil, reason: "it is empty") }
        guard first.content.elementsEqual("---".utf8) else {
            throw LogError.notALog(path: nil, reason: "it does not begin with front matter (---)")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.terminated && $0.content.elementsEqual("---".utf8) }) else {
            throw damaged(lines[lines.count - 1].number, "the log ends inside its front matter: it was never fully created")
        }
        var frontLines: [(number: Int, text: Substring)] = []
        for line in lines[1..<close] {
            guard let text = Self.text(line.content) else { throw damaged(line.number, "invalid UTF-8") }
            frontLines.append((line.number, Substring(text)))
        }
        let (header, continues) = try FrontMatter.decode(frontLines)

        // Lines after the last token line are the tail; everything before must be whole.
        let body = lines[(close + 1)...]
        let lastToken = body.lastIndex { $0.terminated && Self.tokenStart($0.content) != nil }
        guard let lastToken else {
            throw damaged(lines[lines.count - 1].number, "the log ends inside its header: it was never fully created")
        }
        var records: [Record] = []
        var sawHeader = false
        var unitStart = close + 1
        // Valid UTF-8 from the first body line to the last token line means every line in it
        // is (lines end at ASCII bytes); otherwise each line is checked in turn, as it comes.
        let bodyEnd = lines[lastToken].start + lines[lastToken].content.count
        let wholeBodyValid = Self.validUTF8(bytes[lines[close + 1].start..<bodyEnd])
        for index in (close + 1)...lastToken {
            let line = lines[index]
            guard wholeBodyValid || Self.text(line.content) != nil else { throw damaged(line.number, "invalid UTF-8") }
            guard let start = Self.tokenStart(line.content) else { continue }
            let unit = lines[unitStart...index]
            unitStart = index + 1
            guard Self.tokenStart(line.content[(start + Token.opening.count)...]) == nil else {
                throw damaged(line.number, "two record markers on one line")
            }
            guard let token = Token.parse(line.content[start...]) else {
                throw damaged(line.number, "an unreadable record marker")
            }
            if !sawHeader {
                guard token.kind == RecordKind.header.rawValue, token.fields.isEmpty, start == line.content.startIndex else {
                    throw damaged(line.number, "a record before the end of the header")
                }
                sawHeader = true
                continue
            }
            guard token["seq"] == String(records.count + 1) else {
                throw damaged(line.number, "record \(records.count + 1) is missing (this one says \(token["seq"] ?? "nothing"))")
            }
            records.append(try record(token, unit: unit, tokenAt: start))
        }
        guard sawHeader else { throw damaged(lines[lastToken].number, "the header's end marker is missing") }

        let tail = lines[(lastToken + 1)...]
        var torn: TornTail?
        var validLength = bytes.count
        if let firstContent = tail.first(where: { !$0.isBlank }) {
            torn = TornTail(line: firstContent.number, offset: firstContent.start, length: bytes.count - firstContent.start)
            validLength = firstContent.start
        } else if let last = tail.last, !last.terminated {
            // Spaces with no line feed: a write cut short after a blank line.
            torn = TornTail(line: last.number, offset: last.start, length: bytes.count - last.start)
            validLength = last.start
        }
        return LogContents(header: header, continues: continues, records: records, validLength: validLength, torn: torn)
    }

    /// One record from its token and the lines of its unit (the token's line last).
    private func record(_ token: Token, unit: ArraySlice<Line>, tokenAt start: Int) throws(LogError) -> Record {
        let tokenLine = unit[unit.endIndex - 1]
        guard let kind = RecordKind(rawValue: token.kind) else {
            throw damaged(tokenLine.number, "an unknown kind of record, \(token.kind)")
        }
        if kind == .stage || kind == .ended {
            guard start == tokenLine.content.startIndex else { throw damaged(tokenLine.number, "text before a \(token.kind) marker") }
            guard let time = token["at"].flatMap(LogTime.parse) else { throw damaged(tokenLine.number, "a \(token.kind) marker without its time") }
            var record = Record(time: time, event: .ended)
            if kind == .stage {
                guard let index = token["index"].flatMap({ Int($0) }) else { throw damaged(tokenLine.number, "an unreadable stage marker") }
                record.event = .stageEntered(index)
            }
            // The marker must be exactly what the program writes for that record.
            let written = LogFormat.encode(record, number: token["seq"].flatMap { Int($0) } ?? 0, in: nil)
            guard tokenLine.content.elementsEqual(written.utf8) else {
                throw damaged(tokenLine.number, "this \(token.kind) marker does not read as sensemaking writes it")
            }
            return record
        }
        if kind == .header { throw damaged(tokenLine.number, "a second header marker") }

        // A list item: its lines, without the blank lines that separate it from what came before.
        let itemLines = Array(unit.drop { $0.isBlank })
        guard let placeholder = RecordItem.record(token, body: "") else {
            throw damaged(tokenLine.number, "an unreadable \(token.kind) record")
        }
        let seq = token["seq"].flatMap { Int($0) } ?? 0
        // One shape: its token and lead never depend on the body (`RecordItem.withBody`).
        guard var shape = RecordItem.shape(placeholder, seq: seq) else { throw damaged(tokenLine.number, "an unreadable record") }
        var record = placeholder
        if RecordItem.hasBody(token) {
            let body = try self.body(itemLines, lead: Array(("- " + shape.lead).utf8), tokenAt: start)
            record = RecordItem.withBody(placeholder, body)
            shape.body = body
        }
        // The record must read exactly as the program writes it.
        var written: [UInt8] = []
        written.reserveCapacity(itemLines.reduce(0) { $0 + $1.content.count + 1 })
        RecordItem.write(shape, into: &written)
        // Line by line, as bytes (a line's content excludes its line feed and a CR before it).
        var lineStart = 0
        var expectedCount = 0
        for line in itemLines {
            guard lineStart < written.count else {
                throw damaged(line.number, "this \(token.kind) record does not read as sensemaking writes it")
            }
            let feed = written[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? written.count
            guard Self.same(line.content, written[lineStart..<feed]) else {
                throw damaged(line.number, "this \(token.kind) record does not read as sensemaking writes it")
            }
            lineStart = feed + 1
            expectedCount += 1
        }
        if lineStart < written.count { expectedCount += 1 }
        guard itemLines.count == expectedCount else {
            throw damaged(itemLines.first?.number ?? tokenLine.number, "this \(token.kind) record is missing lines")
        }
        return record
    }

    /// The long text of a list item: after the lead on its first line, across `\`-ended
    /// lines indented by two spaces, up to the space before the token.
    private func body(_ itemLines: [Line], lead: [UInt8], tokenAt start: Int) throws(LogError) -> String {
        guard let first = itemLines.first, first.content.count >= lead.count,
              Self.same(first.content.prefix(lead.count), lead[...]) else {
            throw damaged(itemLines.first?.number ?? 0, "a record whose text does not follow its heading")
        }
        var texts: [String] = []
        texts.reserveCapacity(itemLines.count)
        for (offset, line) in itemLines.enumerated() {
            var piece = line.content
            piece = offset == 0 ? piece.dropFirst(lead.count) : piece
            if offset > 0 {
                guard piece.starts(with: "  ".utf8) else { throw damaged(line.number, "a line of a record's text is not indented") }
                piece = piece.dropFirst(2)
            }
            if offset == itemLines.count - 1 {
                guard start - 1 >= piece.startIndex, line.content[start - 1] == UInt8(ascii: " ") else {
                    throw damaged(line.number, "a record marker not separated from its text")
                }
                piece = piece[..<(start - 1)]
            } else {
                guard piece.last == UInt8(ascii: "\\") else { throw damaged(line.number, "a line of a record's text does not continue") }
                piece = piece.dropLast()
            }
            guard let text = MarkdownText.unescape(piece) else { throw damaged(line.number, "text that sensemaking does not write") }
            // Most texts are one line: no join.
            if itemLines.count == 1 { return text }
            texts.append(text)
        }
        return texts.joined(separator: "\n")
    }
}

// MARK: Fast path — lines cut with memchr and the body's UTF-8 checked in one pass of runs took the check's line cutting and UTF-8 work from 27.9 M to 5.1 M instructions on the 5,000-contribution log (docs/performance.md, fifth step).

extension LogDecoder {
    /// The lines of `bytes`, after a byte order mark: a log is mostly long lines (a
    /// contribution's item and its token), so each line feed is found with `memchr`.
    static func lines(of bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 1
        while start < bytes.count {
            let feed = bytes.withUnsafeBufferPointer { buffer -> Int? in
                memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
                    .map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            let stop = feed ?? bytes.count
            var contentEnd = stop
            if feed != nil, contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            lines.append(Line(number: number, content: bytes[start..<contentEnd], start: start, terminated: feed != nil))
            start = stop + 1
            number += 1
        }
        return lines
    }

    /// Whether `bytes` are valid UTF-8: what `String(validating:)` says, without building the
    /// String. ASCII is skipped eight bytes at a time and each run of other bytes is validated
    /// alone; an ASCII byte is never part of a longer sequence, so the whole is valid exactly
    /// when every run is (`UTF8RunsTests`).
    static func validUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                while index < count, base[index] < 0x80 { index += 1 }
                guard index < count else { return true }
                let run = index
                while index < count, base[index] >= 0x80 { index += 1 }
                guard String(validating: UnsafeBufferPointer(rebasing: buffer[run..<index]), as: UTF8.self) != nil else {
                    return false
                }
            }
            return true
        }
    }

    /// Where the token opening `<!-- sm:` starts in a line, if it does (escaped text has no
    /// `<` but the token's, so the search mostly runs to the end of the line at once).
    static func tokenStart(_ content: ArraySlice<UInt8>) -> Int? {
        content.withUnsafeBufferPointer { line in
            Token.opening.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: line) }
        }.map { content.startIndex + $0 }
    }

    /// Equal bytes, by `memcmp`.
    static func same(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
