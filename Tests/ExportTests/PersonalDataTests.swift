import Foundation
import Testing
import TestSupport
@testable import Export
import SensemakingCore
import SessionLog

@Suite struct PersonalDataTests {
    @Test func nhsNumbersByTheirCheckDigit() {
        #expect(PersonalData.isValidNHSNumber([9, 4, 3, 4, 7, 6, 5, 9, 1, 9]))
        #expect(!PersonalData.isValidNHSNumber([9, 4, 3, 4, 7, 6, 5, 9, 1, 8]))
        #expect(PersonalData.kinds(in: "NHS 943 476 5919") == [.nhsNumber])
        #expect(PersonalData.kinds(in: "943-476-5919 and 9434765919") == [.nhsNumber])
        #expect(PersonalData.kinds(in: "call 943 476 5918") == [])   // wrong check digit
        #expect(PersonalData.kinds(in: "943 476-5919") == [])        // mixed separators
        #expect(PersonalData.kinds(in: "19434765919") == [])          // eleven digits
    }

    @Test func datesOfBirthPostcodesAndTitledNames() {
        #expect(PersonalData.kinds(in: "DOB 02/03/1941") == [.dateOfBirth])
        #expect(PersonalData.kinds(in: "born on 2 March 1941") == [.dateOfBirth])
        #expect(PersonalData.kinds(in: "the meeting on 02/03/2027") == [])
        #expect(PersonalData.kinds(in: "lives at SW1A 1AA") == [.postcode])
        #expect(PersonalData.kinds(in: "cb2 0qq") == [.postcode])
        #expect(PersonalData.kinds(in: "Mrs Patel was discharged") == [.titledName])
        #expect(PersonalData.kinds(in: "Mrs patel, the mrs, Mr") == [])
        #expect(PersonalData.redacted("Mrs Patel, DOB 02/03/1941, SW1A 1AA, 943 476 5919")
                == "Mrs [name], [date of birth], [postcode], [NHS number]")
        #expect(PersonalData.redacted("Nothing personal here") == "Nothing personal here")
    }

    /// A valid NHS number: nine random digits and their check digit (retried when it would be 10).
    static func nhsNumber(using random: inout SplitMix64) -> [Int] {
        while true {
            let digits = (0..<9).map { _ in Int.random(in: 0...9, using: &random) }
            let sum = zip(digits, (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
            let check = 11 - sum % 11
            if check == 10 { continue }
            return digits + [check == 11 ? 0 : check]
        }
    }

    static func format(_ d: [Int], _ style: Int) -> String {
        let s = d.map(String.init)
        let (a, b, c) = (s[0..<3].joined(), s[3..<6].joined(), s[6..<10].joined())
        return [a + " " + b + " " + c, a + b + c, a + "-" + b + "-" + c][style]
    }

    /// Every stretch in `text` that reads as an NHS number in one of the three formats with
    /// a valid check digit: the property's own plain scan, not the redactor's expression.
    static func validNumbers(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        for start in scalars.indices {
            if start > 0, scalars[start - 1].properties.numericType != nil { continue }
            for length in [10, 12] where start + length <= scalars.count {
                let piece = scalars[start..<(start + length)]
                if start + length < scalars.count, scalars[start + length].properties.numericType != nil { continue }
                let string = String(String.UnicodeScalarView(piece))
                let digits = piece.compactMap { $0.properties.numericType == .decimal ? Int(String($0)) : nil }
                guard digits.count == 10 else { continue }
                if length == 12 {
                    let separators = [piece[piece.startIndex + 3], piece[piece.startIndex + 7]]
                    guard separators[0] == separators[1], separators[0] == " " || separators[0] == "-" else { continue }
                }
                if (0..<3).map({ format(digits, $0) }).contains(string), PersonalData.isValidNHSNumber(digits) {
                    found.append(string)
                }
            }
        }
        return found
    }

    @Test func redactLeavesNoValidNHSNumber() {
        var random = SplitMix64(seed: 15)
        let words = ["patient", "seen", "on", "ward", "4", "12", "NHS", "no.", "(", ")", ":", ",", "-", " ", "\n", "0", "999",
                     "é", "日本", "👩‍👩‍👧", "#", "tel", "07700"]
        var planted = 0
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                if Int.random(in: 0...3, using: &random) == 0 {
                    text += Self.format(Self.nhsNumber(using: &random), Int.random(in: 0...2, using: &random))
                    planted += 1
                } else {
                    text += words.randomElement(using: &random)!
                }
                text += [" ", "", ", ", "\n"].randomElement(using: &random)!
            }
            let redacted = PersonalData.redacted(text)
            #expect(Self.validNumbers(in: redacted).isEmpty, "\(text.debugDescription) -> \(redacted.debugDescription)")
        }
        #expect(planted > 1_000)
    }

    /// The fast path skips patterns that cannot match: on random texts rich in near misses it
    /// finds exactly what all four patterns find.
    @Test func skippingPatternsFindsWhatAllPatternsFind() {
        var random = SplitMix64(seed: 14)
        let pieces = ["Mrs Patel", "Mr", "Dr. Okafor", "Prof", "Miss Li", "Mx Rowe", "mrs jones", "DOB", "d.o.b.", "born on",
                      "date of birth:", "Born", "D.o.B", "do.b", "ſw1 1aa", "\u{212A}7 1AB", "02/03/1941", "2 March 1941", "1941-03-02", "SW1A 1AA", "cb2 0qq", "GIR 0AA",
                      "943 476 5919", "9434765919", "943-476-5919", "٩٤٣ ٤٧٦ ٥٩١٩", "١٢", "７", "0", "12", "ward", " ",
                      "\n", "é", "日本", "👩‍👩‍👧", "M", "r", "D", "P", "SW", "1", "1AA", "b", "o", ".", "\u{212A}", "bİrth"]
        var found = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in
                pieces.randomElement(using: &random)! + [" ", "", ", "].randomElement(using: &random)!
            }.joined()
            let fast = PersonalData.matches(in: text)
            let all = PersonalData.scan(text, for: PersonalData.Kind.allCases)
            #expect(fast.map(\.kind) == all.map(\.kind) && fast.map(\.range) == all.map(\.range), "\(text.debugDescription)")
            found += all.count
        }
        #expect(found > 1_000)
    }

    @Test func theWarningNamesContributionsAndRedactMasksTheExportNotTheLog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, _) = try journaledCuratedWorkshop(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try LogReader.read(path: path).session
        // #14 said personal data and was retracted: it is not exported, so not warned about.
        #expect(PersonalData.warning(session, notes: false, redacting: false)
                == "text that looks like personal data in #15 (date of birth, postcode, name with a title): --redact masks it in the export; the log keeps it.")
        for format in ExportFormat.allCases {
            let plain = format.render(Report(session))
            #expect(plain.contains("1941") && plain.contains("Jones"))
            let masked = format.render(Report(session, options: .init(redact: true)))
            #expect(!masked.contains("1941") && !masked.contains("Jones") && !masked.contains("CB2"), "\(format)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
