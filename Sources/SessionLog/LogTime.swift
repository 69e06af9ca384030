import Foundation

/// Times in the log: ISO-8601 in UTC, with as many fraction digits as it takes to give
/// back the very same `Date`. Resume must rebuild timers exactly, so no rounding.
public enum LogTime {
    /// Seconds from 1970 to Foundation's reference date (2001-01-01).
    private static let referenceOffset: Int64 = 978_307_200

    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite else { return "0000-01-01T00:00:00Z" }
        let whole = interval.rounded(.down)
        // Exact: `whole` and `interval` share an exponent range, so the difference is representable.
        let fraction = interval - whole
        // One byte buffer for the whole text: every record carries a time, written and checked
        // again on read, and every item of a JSON export has one.
        var out: [UInt8] = []
        out.reserveCapacity(32)
        appendDateAndTime(whole, to: &out)
        if fraction > 0 {
            out.append(UInt8(ascii: "."))
            appendFractionDigits(of: interval, fraction: fraction, to: &out)
        }
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Whole seconds, "2026-11-27T10:04:05Z", as ISO8601DateFormatter's `.withInternetDateTime`
    /// writes them (the fraction dropped), without building a formatter per date.
    public static func wholeSeconds(_ date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite else { return "0000-01-01T00:00:00Z" }
        var out: [UInt8] = []
        out.reserveCapacity(24)
        appendDateAndTime(interval.rounded(.down), to: &out)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// "2026-11-27T10:04:05" for a whole number of seconds since the reference date, each
    /// field zero-padded to its width.
    private static func appendDateAndTime(_ whole: Double, to out: inout [UInt8]) {
        let (day, second) = floorDivide(Int64(whole) + referenceOffset, 86_400)
        let (year, month, dayOfMonth) = civil(fromDays: day)
        if (0...9999).contains(year) {
            appendTwoDigits(year / 100, to: &out)
            appendTwoDigits(year % 100, to: &out)
        } else {
            // Padded to four (a year before 1 keeps its sign after the padding).
            let digits = String(year).utf8
            out += repeatElement(UInt8(ascii: "0"), count: max(0, 4 - digits.count))
            out += digits
        }
        out.append(UInt8(ascii: "-")); appendTwoDigits(month, to: &out)
        out.append(UInt8(ascii: "-")); appendTwoDigits(dayOfMonth, to: &out)
        out.append(UInt8(ascii: "T")); appendTwoDigits(second / 3600, to: &out)
        out.append(UInt8(ascii: ":")); appendTwoDigits(second / 60 % 60, to: &out)
        out.append(UInt8(ascii: ":")); appendTwoDigits(second % 60, to: &out)
    }

    /// A field below 100 as two digits.
    private static func appendTwoDigits(_ value: Int64, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(value / 10))
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Parses what `format` writes (and any other `YYYY-MM-DDTHH:MM:SS[.digits]Z`).
    static func parse(_ text: some StringProtocol) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                guard bytes.indices.contains(index), (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int64(bytes[index] - 48)
            }
            return value
        }
        // The year may have more than four digits.
        guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")), dash >= 4,
              bytes.count >= dash + 16,
              let year = number(0..<dash),
              bytes[dash + 3] == UInt8(ascii: "-"), bytes[dash + 6] == UInt8(ascii: "T"),
              bytes[dash + 9] == UInt8(ascii: ":"), bytes[dash + 12] == UInt8(ascii: ":"),
              let month = number(dash + 1..<dash + 3), let day = number(dash + 4..<dash + 6),
              let hour = number(dash + 7..<dash + 9), let minute = number(dash + 10..<dash + 12),
              let second = number(dash + 13..<dash + 15),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let rest = Array(bytes[(dash + 15)..<(bytes.count - 1)])
        var digits = "0"
        if !rest.isEmpty {
            guard rest.count >= 2, rest[0] == UInt8(ascii: "."),
                  rest.dropFirst().allSatisfy({ (48...57).contains($0) }) else { return nil }
            digits = String(decoding: rest.dropFirst(), as: UTF8.self)
        }
        let days = days(fromYear: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - referenceOffset
        // One correctly rounded conversion of the whole decimal gives back the exact Date; below
        // the reference date the fraction counts up from the earlier whole second instead.
        // Whole seconds (half of all records) are exact as they are: no decimal to read.
        let interval = rest.isEmpty ? Double(seconds)
            : seconds >= 0 ? Double("\(seconds).\(digits)") : Double("0.\(digits)").map { Double(seconds) + $0 }
        return interval.map { Date(timeIntervalSinceReferenceDate: $0) }
    }

    /// `YYYYMMDD-HHMMSS` in UTC, for the names of files set aside.
    static func fileStamp(_ date: Date) -> String {
        format(date).prefix(19).filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
    }

    /// "2026-11-27 10:04 UTC", for the readable parts only.
    static func readable(_ date: Date) -> String {
        let iso = format(date)
        guard let tee = iso.firstIndex(of: "T") else { return iso }
        return iso[..<tee] + " " + iso[iso.index(after: tee)...].prefix(5) + " UTC"
    }

    /// "10:04", for the readable parts only.
    static func clock(_ date: Date) -> String {
        let iso = format(date)
        guard let tee = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: tee)...].prefix(5))
    }

    /// Digits after the point that `parse` turns back into exactly `interval`: those of its
    /// shortest round-trip form when it has a plain one, else those of its fraction alone
    /// (exact too: whole + fraction is representable, and the digits pin the fraction down
    /// far more finely than the interval's own precision).
    private static func appendFractionDigits(of interval: Double, fraction: Double, to out: inout [UInt8]) {
        // The description is ASCII: search its bytes (a String `contains` goes to Foundation).
        let shortest = interval.description
        let bytes = shortest.utf8
        if interval >= 0, !bytes.contains(UInt8(ascii: "e")), let point = bytes.firstIndex(of: UInt8(ascii: ".")) {
            out += bytes[bytes.index(after: point)...]
        } else {
            out += fractionDigits(fraction).utf8
        }
    }

    /// The shortest digits that read back as exactly `fraction` (0 < fraction < 1).
    private static func fractionDigits(_ fraction: Double) -> String {
        let description = "\(fraction)"   // shortest round-trip form, maybe "1.5e-07"
        var mantissa = description
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(description[..<e])
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        let point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
                     ?? mantissa.count) + exponent
        // Digits after the decimal point: pad on the left for negative positions.
        if point < 0 {
            digits = String(repeating: "0", count: -point) + digits
        } else {
            digits = String(digits.dropFirst(point))
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? "0" : digits
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let quotient = a / b
        let remainder = a % b
        return remainder < 0 ? (quotient - 1, remainder + b) : (quotient, remainder)
    }

    // Howard Hinnant's days_from_civil and civil_from_days: no calendar, no locale.
    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400).0
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097).0
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
