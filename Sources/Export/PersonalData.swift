import Foundation
import SensemakingCore
import SessionLog

/// Text that looks like personal data about a patient: NHS numbers (by their mod-11 check
/// digit), dates of birth (a date after "DOB", "date of birth" or "born"), UK postcodes,
/// and a title with a surname ("Mrs Patel"). `export` warns about them; `--redact` masks
/// them in the report. The log is never changed.
public enum PersonalData {
    public enum Kind: String, CaseIterable, Sendable {
        case nhsNumber = "NHS number"
        case dateOfBirth = "date of birth"
        case postcode
        case titledName = "name with a title"

        /// What a masked one reads as.
        var mask: String { self == .titledName ? "[name]" : "[\(rawValue)]" }
    }

    /// 3-3-4 digits, with the same space or hyphen between the groups, or none.
    static let nhs = regex(#"(?<![\p{N}])\d{3}([ -]?)\d{3}\1\d{4}(?![\p{N}])"#)
    static let dateOfBirth = regex(
        #"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})"#,
        caseInsensitive: true)
    static let postcode = regex(
        #"(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])"#,
        caseInsensitive: true)
    /// The title stays; the surname is masked.
    static let titledName = regex(#"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+\p{Lu}[\p{L}'’\-]+"#)

    static func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression {
        // The patterns are fixed: a failure is a programming error the tests catch.
        try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// The NHS check: weights 10…2 on the first nine digits, 11 minus the sum mod 11 (11 is 0,
    /// 10 is never valid) must be the tenth.
    public static func isValidNHSNumber(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        return check != 10 && (check == 11 ? 0 : check) == digits[9]
    }

    /// The stretches of `text` that look like personal data, with their kind, in text order.
    static func matches(in text: String) -> [(kind: Kind, range: NSRange)] {
        scan(text, for: candidates(in: text))
    }

    // MARK: Fast path: skip the patterns that cannot match.
    // Running the four patterns over every contribution was 23% of a 5,000-contribution
    // export (docs/performance.md, "The house"); most contributions have no digit and no
    // title. `scan(text, for: Kind.allCases)` is the reference, and PersonalDataTests checks
    // that both find the same for random texts.

    /// The kinds whose pattern can match `text`: an NHS number needs ten decimal digits (`\d`
    /// is any Unicode decimal digit), a postcode a letter just before a digit (or GIR 0AA's space), a date of birth
    /// a digit and one of its words, a title its case-sensitive opening letters.
    static func candidates(in text: String) -> [Kind] {
        var digits = 0
        var letterThenDigit = false
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let digit = scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
            if digit {
                digits += 1
                if let previous, previous.properties.isAlphabetic { letterThenDigit = true }
            }
            previous = scalar
        }
        // The patterns' words in ASCII: the case-insensitive date-of-birth words have no other
        // case folding, and the titles are case-sensitive.
        let bytes = Array(text.utf8)
        let lower = bytes.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
        let birthWords = ["born", "birth", "dob", "d.ob", "do.b", "d.o.b"].contains { has(lower, $0) }
        let titled = ["Mr", "Ms", "Mi", "Mx", "Dr", "Pr"].contains { has(bytes, $0) }
        return Kind.allCases.filter { kind in
            switch kind {
            case .nhsNumber: digits >= 10
            case .postcode: letterThenDigit || has(lower, "gir")
            case .dateOfBirth: digits >= 1 && birthWords
            case .titledName: titled
            }
        }
    }

    /// Whether `bytes` holds the ASCII `word`.
    static func has(_ bytes: [UInt8], _ word: StaticString) -> Bool {
        word.withUTF8Buffer { word in bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: word, in: $0) != nil } }
    }

    // MARK: -

    /// What the patterns of `kinds` find in `text`, in text order.
    static func scan(_ text: String, for kinds: [Kind]) -> [(kind: Kind, range: NSRange)] {
        guard !kinds.isEmpty else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        let ns = text as NSString
        var found: [(kind: Kind, range: NSRange)] = []
        for kind in kinds {
            switch kind {
            case .nhsNumber:
                for m in nhs.matches(in: text, range: whole) {
                    let digits = ns.substring(with: m.range).compactMap(\.wholeNumberValue)
                    if isValidNHSNumber(digits) { found.append((.nhsNumber, m.range)) }
                }
            case .dateOfBirth:
                for m in dateOfBirth.matches(in: text, range: whole) { found.append((.dateOfBirth, m.range)) }
            case .postcode:
                for m in postcode.matches(in: text, range: whole) { found.append((.postcode, m.range)) }
            case .titledName:
                for m in titledName.matches(in: text, range: whole) {
                    // Only the surname: the title after it reads as before.
                    let title = m.range(at: 1)
                    found.append((.titledName, NSRange(location: NSMaxRange(title), length: NSMaxRange(m.range) - NSMaxRange(title))))
                }
            }
        }
        return found.sorted { $0.range.location < $1.range.location }
    }

    /// The kinds of personal data `text` seems to hold, in the order of `Kind`.
    public static func kinds(in text: String) -> [Kind] {
        let found = Set(matches(in: text).map(\.kind))
        return Kind.allCases.filter(found.contains)
    }

    /// `text` with each stretch that looks like personal data masked ("[NHS number]"); the
    /// surname after a title becomes " [name with a title]". Masked again until nothing is
    /// left, so that no mask leaves a new match behind.
    public static func redacted(_ text: String) -> String {
        var out = text
        for _ in 0..<4 {
            let found = matches(in: out)
            if found.isEmpty { break }
            let ns = NSMutableString(string: out)
            // From the end, skipping overlaps, so earlier ranges stay valid.
            var end = Int.max
            for (kind, range) in found.reversed() where NSMaxRange(range) <= end {
                ns.replaceCharacters(in: range, with: kind == .titledName ? " " + kind.mask : kind.mask)
                end = range.location
            }
            out = ns as String
        }
        return out
    }

    /// One line for standard error naming the contributions that look like they hold
    /// personal data, or nil when none does. `notes`: private notes are exported too.
    public static func warning(_ session: Session, notes: Bool, redacting: Bool) -> String? {
        let flagged = flagged(session, notes: notes)
        guard !flagged.isEmpty else { return nil }
        let said = "text that looks like personal data in " + flagged.joined(separator: ", ")
        return redacting ? said + ": masked in this export; the log keeps it."
            : said + ": --redact masks it in the export; the log keeps it."
    }

    /// The contributions an export would show that look like personal data: "#14 (name with a title)".
    public static func flagged(_ session: Session, notes: Bool) -> [String] {
        session.contributions.compactMap { c -> String? in
            guard !c.retracted, notes || !c.isPrivate else { return nil }
            let kinds = Self.kinds(in: c.text)
            if kinds.isEmpty { return nil }
            return "#\(c.id) (\(kinds.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
