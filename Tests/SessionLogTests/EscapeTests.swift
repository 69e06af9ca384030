import Foundation
import PropertyBased
import SensemakingCore
@testable import SessionLog
import Testing

@Suite("Escaping: any text the core accepts, exactly, and never as Markdown structure")
struct EscapeTests {
    static let header = SessionHeader(title: "Escapes", plan: .standard, participants: [], anonymous: false,
                                      started: Date(timeIntervalSinceReferenceDate: 816_000_000))

    /// A record carrying `text` as its body and, on one line, as its author and tags.
    static func record(_ text: String, id: Int) -> Record {
        let name = Sanitizer.strip(text, multiline: false)
        let item = Contribution(id: id, author: name, stage: 1, kind: .memory, text: text,
                                tags: Tags(speakingAs: name, when: text, owner: nil), time: header.started)
        return Record(time: header.started, event: .contributed(item, advancesTurn: false))
    }

    @Test("10,000 generated texts: sanitize, write in a record, read back, scalar for scalar")
    func roundTrip() async {
        let prefix = LogFormat.header(Self.header)
        let session = Session(header: Self.header)
        await propertyCheck(count: 500, input: AdversarialText.generator) { texts in
            var log = prefix
            for (offset, text) in texts.enumerated() {
                log += LogFormat.encode(Self.record(text, id: offset + 1), number: offset + 1, in: session)
            }
            let records: [Record]
            do {
                records = try LogFormat.decode(log).records
            } catch {
                Issue.record("\(error) in:\n\(log)")
                return
            }
            #expect(records.count == texts.count)
            for (record, text) in zip(records, texts) {
                guard case .contributed(let item, _) = record.event else { Issue.record("not a contribution"); continue }
                let name = Sanitizer.strip(text, multiline: false)
                #expect(sameScalars(item.text, text), "\(text.debugDescription) came back as \(item.text.debugDescription)")
                #expect(item.author.map { sameScalars($0, name) } == true)
                #expect(item.tags.when.map { sameScalars($0, text) } == true)
            }
        }
    }

    @Test("A follow-up's notes and what would change our mind round-trip any text too")
    func followUpBodies() async {
        let prefix = LogFormat.header(Self.header)
        let session = Session(header: Self.header)
        await propertyCheck(count: 200, input: AdversarialText.generator) { texts in
            var log = prefix
            var records: [Record] = []
            for (offset, text) in texts.enumerated() {
                let time = Date(timeIntervalSinceReferenceDate: 816_000_000 + Double(offset))
                records.append(Record(time: time, event: .mindChanger(story: offset + 1, text: text)))
                records.append(Record(time: time, event: .reviewed(item: offset + 1, status: .inProgress, note: text)))
            }
            for (offset, record) in records.enumerated() {
                log += LogFormat.encode(record, number: offset + 1, in: session)
            }
            do {
                #expect(try LogFormat.decode(log).records == records)
            } catch {
                Issue.record("\(error) in:\n\(log)")
            }
        }
    }

    @Test("Escaped lines hold no Markdown trigger that a parser could act on")
    func noTriggers() async {
        await propertyCheck(count: 500, input: AdversarialText.generator) { texts in
            for text in texts {
                for line in MarkdownText.escapedLines(text) {
                    let scalars = Array(line.unicodeScalars)
                    // No raw `<` but the empty comment that splits mail addresses.
                    #expect(line.replacingOccurrences(of: MarkdownText.linkBreaker, with: "").contains("<") == false, "\(line)")
                    guard let first = scalars.first else { continue }
                    // Nothing a block can start with: spaces, markers, fences, quotes, tables.
                    #expect(!" \t#>-+*=_`~:|".unicodeScalars.contains(first), "\(line)")
                    let digits = scalars.prefix { ("0"..."9").contains($0) }.count
                    if digits > 0, digits < scalars.count { #expect(scalars[digits] != "." && scalars[digits] != ")", "\(line)") }
                    // No line ends in a space (hard break) or in an unescaped backslash.
                    #expect(scalars.last != " ")
                    // Emphasis, code, links, math and tags only ever escaped.
                    var escaped = false
                    let withoutEntities = line.replacingOccurrences(of: "&#[0-9]+;", with: "", options: .regularExpression)
                    for scalar in withoutEntities.unicodeScalars {
                        if !escaped, "*_`[]|$^~#".unicodeScalars.contains(scalar) { Issue.record("bare \(scalar) in \(line)") }
                        escaped = !escaped && scalar == "\\"
                    }
                    #expect(!escaped, "\(line) ends in an escape")
                }
            }
        }
    }

    @Test("Names, tags and paths in tokens survive any text, and tokens stay one comment")
    func tokens() async {
        await propertyCheck(count: 200, input: AdversarialText.generator) { texts in
            let token = Token("x", texts.enumerated().map { ("k", $0.element) })
            let text = token.text
            #expect(!text.contains("\n"))
            #expect(text.components(separatedBy: "--").count == 3, "\(text)")   // only the comment's own
            let parsed = Token.parse(ArraySlice(Array(text.utf8)))
            #expect(parsed?.all("k").count == texts.count)
            for (value, text) in zip(parsed?.all("k") ?? [], texts) { #expect(sameScalars(value, text)) }
        }
    }

    @Test("Known hazards are escaped as expected")
    func examples() {
        let cases: [(String, String)] = [
            ("# heading", "\\# heading"), ("- item", "\\- item"), ("1. one", "1\\. one"), ("2) two", "2\\) two"),
            ("> quote", "\\> quote"), ("---", "\\---"), ("===", "\\=\\=\\="), ("    code", "&#32;   code"),
            ("a  ", "a &#32;"), ("<b>", "&lt;b>"), ("a*b*", "a\\*b\\*"), ("x_y", "x\\_y"), ("`c`", "\\`c\\`"),
            ("[a](b)", "\\[a\\](b)"), ("&copy;", "\\&copy;"), ("AT&T", "AT&T"), ("a|b", "a\\|b"),
            ("www.nhs.uk", "www\\.nhs.uk"), ("http://a.b", "http\\://a.b"), ("ana@nhs.net", "ana@<!-- -->nhs.net"),
            ("50% or %%x%%", "50% or \\%\\%x\\%\\%"), ("==hi==", "\\=\\=hi\\=\\="), ("$5", "\\$5"), ("a\\", "a\\\\"),
            ("\u{1B}[2J", "&#27;\\[2J"), ("\u{202E}", "&#8238;"),
        ]
        for (text, escaped) in cases {
            #expect(MarkdownText.escapedLines(text) == [escaped], "\(text)")
            #expect(MarkdownText.unescape(ArraySlice(Array(escaped.utf8))) == text)
        }
        #expect(MarkdownText.unescape(ArraySlice(Array("a\\b".utf8))) == nil)
        #expect(MarkdownText.unescape(ArraySlice(Array("<b>".utf8))) == nil)
    }
}
