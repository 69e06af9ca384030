import Foundation

/// A place on a timeline for what the room said with `/when`: a span of days, so that
/// "2019", "March 2019" and "winter 2019" can be ordered against each other. Two notes
/// with the same moment are memories of the same time; they are shown side by side and
/// never merged.
public struct Moment: Hashable, Sendable, Comparable {
    /// The first and last day covered, as day numbers in a simple calendar
    /// (`year * 372 + (month - 1) * 31 + day - 1`): monotonic, which is all ordering needs.
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = max(first, last)
    }

    /// Earlier first; for the same start, the broader span first ("2019" before "January 2019").
    public static func < (a: Moment, b: Moment) -> Bool {
        a.first != b.first ? a.first < b.first : a.last > b.last
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        year * 372 + (month - 1) * 31 + (day - 1)
    }

    static func months(_ year: Int, _ firstMonth: Int, through lastYear: Int, _ lastMonth: Int) -> Moment {
        Moment(first: day(year, firstMonth, 1), last: day(lastYear, lastMonth, 31))
    }

    static func year(_ year: Int) -> Moment { months(year, 1, through: year, 12) }
}

/// Reads `/when` texts: years ("2019"), "YYYY-MM", dates, months ("March 2021"),
/// seasons ("winter 2023", northern meteorological: winter Y is December Y to February
/// Y+1), "early/mid/late 2020", quarters ("Q3 2021"), decades ("the 1990s"), ranges
/// ("2019-2021") and phrases relative to when the note was made ("last year", "last
/// winter", "last March", "two years ago", "yesterday"). Anything else ("before the
/// merger") cannot be placed and returns nil. Pure; dates are read in UTC.
public enum WhenParser {
    public static func moment(_ text: String, saidAt: Date) -> Moment? {
        var words = tokens(text)
        while let first = words.first, fillers.contains(first) { words.removeFirst() }
        if words.isEmpty { return nil }
        let now = today(saidAt)
        return relative(words, now: now) ?? absolute(words)
    }

    // MARK: Words

    static let fillers: Set<String> = ["in", "around", "about", "circa", "c", "ca", "approx", "the", "during", "of", "at", "on", "from", "roughly"]

    static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Season -> first month (winter starts in December of its year).
    static let seasons: [String: Int] = ["spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12]

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "couple": 2,
    ]

    /// Lowercased words; digits stay together, and "-", "/", "–" between digits become
    /// their own tokens so "2019-03" reads as 2019 - 03.
    static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" {
                if let last = current.last, last.isNumber != character.isNumber, character != "'", last != "'" {
                    // "q3", "1990s", "15th": split letters from digits.
                    flush()
                }
                if character != "'" { current.append(character) }
            } else if character == "-" || character == "/" || character == "–" || character == "—" {
                flush()
                words.append("-")
            } else {
                flush()
            }
        }
        flush()
        // Ordinal suffixes and "of a couple of" noise.
        return words.filter { !["st", "nd", "rd", "th"].contains($0) }
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), (1800...2199).contains(value) else { return nil }
        return value
    }

    // MARK: Relative

    struct Day { var year: Int; var month: Int; var day: Int }

    static func today(_ date: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static func shift(_ day: Day, months: Int) -> (year: Int, month: Int) {
        let index = day.year * 12 + (day.month - 1) - months
        return (index / 12, index % 12 + 1)
    }

    static func relative(_ words: [String], now: Day) -> Moment? {
        switch words {
        case ["today"], ["this", "morning"], ["this", "afternoon"]:
            return Moment(first: Moment.day(now.year, now.month, now.day), last: Moment.day(now.year, now.month, now.day))
        case ["yesterday"]:
            let date = Moment.day(now.year, now.month, now.day) - 1
            return Moment(first: date, last: date)
        case ["this", "year"]: return Moment.year(now.year)
        case ["last", "year"]: return Moment.year(now.year - 1)
        case ["year", "before", "last"]: return Moment.year(now.year - 2)
        case ["this", "month"]: return Moment.months(now.year, now.month, through: now.year, now.month)
        case ["last", "month"]:
            let (y, m) = shift(now, months: 1)
            return Moment.months(y, m, through: y, m)
        default: break
        }
        if words.count == 2, let start = seasons[words[1]], words[0] == "last" || words[0] == "this" {
            return season(start, year: seasonYear(start, now: now, last: words[0] == "last"))
        }
        // "last March": the latest March before this month; "this March": this year's.
        if words.count == 2, let month = monthNames[words[1]], words[0] == "last" || words[0] == "this" {
            let year = words[0] == "this" || month < now.month ? now.year : now.year - 1
            return Moment.months(year, month, through: year, month)
        }
        // "two years ago", "a few months ago", "a couple of years ago"
        if words.last == "ago", words.count >= 3 {
            let unit = words[words.count - 2]
            let amountWords = words.dropLast(2).filter { $0 != "of" && $0 != "a" && $0 != "an" }
            let amount: Int
            if amountWords.isEmpty, words.count == 3 {
                amount = 1  // "a year ago"
            } else if amountWords.count == 1, let n = Int(amountWords[0]) ?? numberWords[amountWords[0]] {
                amount = n
            } else {
                return nil
            }
            switch unit {
            case "year", "years": return Moment.year(now.year - amount)
            case "month", "months":
                let (y, m) = shift(now, months: amount)
                return Moment.months(y, m, through: y, m)
            default: return nil
            }
        }
        return nil
    }

    /// The year a "last" or "this" season starts in.
    static func seasonYear(_ start: Int, now: Day, last: Bool) -> Int {
        // The season now in progress, as (start month, year it started).
        let current: (Int, Int) = switch now.month {
        case 3...5: (3, now.year)
        case 6...8: (6, now.year)
        case 9...11: (9, now.year)
        case 12: (12, now.year)
        default: (12, now.year - 1)
        }
        let key = { (start: Int, year: Int) in year * 12 + start }
        if last {
            // The latest such season that has finished.
            var year = now.year
            while key(start, year) >= key(current.0, current.1) { year -= 1 }
            return year
        }
        // "this winter": the one in progress, else the one in this calendar year.
        if start == current.0 { return current.1 }
        return start == 12 && now.month <= 2 ? now.year - 1 : now.year
    }

    static func season(_ start: Int, year: Int) -> Moment {
        start == 12 ? Moment.months(year, 12, through: year + 1, 2)
            : Moment.months(year, start, through: year, start + 2)
    }

    // MARK: Absolute

    static func absolute(_ words: [String]) -> Moment? {
        switch words.count {
        case 1:
            if let y = year(words[0]) { return Moment.year(y) }
            return decade(words[0], nil)
        case 2:
            let (a, b) = (words[0], words[1])
            if a == "the" { return absolute([b]) }
            if let y = year(b) {
                if let start = seasons[a] { return season(start, year: y) }
                if let month = monthNames[a] { return Moment.months(y, month, through: y, month) }
                if let part = part(a) { return Moment.months(y, part.0, through: y, part.1) }
            }
            if let y = year(a) {
                if let start = seasons[b] { return season(start, year: y) }
                if let month = monthNames[b] { return Moment.months(y, month, through: y, month) }
            }
            return decade(a, b)
        case 3:
            let (a, b, c) = (words[0], words[1], words[2])
            // q 3 2021 (from "Q3 2021" split into letters and digits)
            if a == "q", let q = Int(b), (1...4).contains(q), let y = year(c) {
                return Moment.months(y, q * 3 - 2, through: y, q * 3)
            }
            if b == "-" || b == "to" || b == "until" {
                // 2019-03, 03/2019, 2019-2021, 2023-24
                if let y = year(a), let month = Int(c), c.count <= 2, (1...12).contains(month) {
                    return Moment.months(y, month, through: y, month)
                }
                if let month = Int(a), a.count <= 2, (1...12).contains(month), let y = year(c) {
                    return Moment.months(y, month, through: y, month)
                }
                if let y = year(a), let end = year(c), end >= y { return Moment.months(y, 1, through: end, 12) }
                if let y = year(a), c.count == 2, let short = Int(c) {
                    let end = y / 100 * 100 + short
                    if end > y { return Moment.months(y, 1, through: end, 12) }
                }
                return nil
            }
            // 15 march 2021, march 15 2021
            if let d = Int(a), let month = monthNames[b], let y = year(c) { return date(y, month, d) }
            if let month = monthNames[a], let d = Int(b), let y = year(c) { return date(y, month, d) }
            // winter of 2023 (after "of" was a filler only at the start)
            if b == "of" { return absolute([a, c]) }
            return nil
        case 4:
            // winter 2023 / 24 -> the winter that starts in December 2023
            if let start = seasons[words[0]], let y = year(words[1]), words[2] == "-" {
                return season(start, year: y)
            }
            if words[1] == "of" { return absolute([words[0]] + words[2...]) }
            return nil
        case 5:
            // 2019 - 03 - 15
            if let y = year(words[0]), words[1] == "-", let m = Int(words[2]), words[3] == "-", let d = Int(words[4]) {
                return date(y, m, d)
            }
            return nil
        default:
            return nil
        }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Moment? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let value = Moment.day(year, month, day)
        return Moment(first: value, last: value)
    }

    /// "early", "mid", "late": thirds of a year.
    static func part(_ word: String) -> (Int, Int)? {
        switch word {
        case "early", "start", "beginning": (1, 4)
        case "mid", "middle": (5, 8)
        case "late", "end": (9, 12)
        default: nil
        }
    }

    /// "1990s", "90s" (tokens "1990" "s" or "90" "s" are rejoined by the caller's shape).
    static func decade(_ a: String, _ b: String?) -> Moment? {
        guard let b, b == "s", let value = Int(a) else { return nil }
        let start: Int
        if a.count == 4, value % 10 == 0, (1800...2190).contains(value) {
            start = value
        } else if a.count == 2, value % 10 == 0 {
            start = value >= 30 ? 1900 + value : 2000 + value
        } else {
            return nil
        }
        return Moment.months(start, 1, through: start + 9, 12)
    }
}

/// Retrospection notes on a timeline: those whose `/when` can be placed, in order, with
/// notes about the same moment kept together but separate; then the rest, as told.
public struct Timeline: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var moment: Moment
        /// Every note about this moment, in the order they were told; never merged.
        public var notes: [Contribution]
    }

    public var entries: [Entry]
    /// Notes with no `/when`, or one that cannot be placed, in the order they were told.
    public var unplaced: [Contribution]

    public init(_ notes: [Contribution]) {
        var byMoment: [Moment: [Contribution]] = [:]
        var unplaced: [Contribution] = []
        for note in notes {
            if let when = note.tags.when, let moment = WhenParser.moment(when, saidAt: note.time) {
                byMoment[moment, default: []].append(note)
            } else {
                unplaced.append(note)
            }
        }
        entries = byMoment.keys.sorted().map { Entry(moment: $0, notes: byMoment[$0]!) }
        self.unplaced = unplaced
    }

    /// The notes in timeline order: those that can be placed, by moment (notes about the
    /// same moment in the order they were told), then the rest in the order they were told.
    public static func order(_ notes: [Contribution]) -> [Contribution] {
        let timeline = Timeline(notes)
        return timeline.entries.flatMap(\.notes) + timeline.unplaced
    }
}
