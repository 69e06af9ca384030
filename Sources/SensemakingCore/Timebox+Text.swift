import Foundation

extension Timebox {
    /// "07:32 left", "+02:13 over", "07:32 left · paused", "12:04 elapsed": the words of the
    /// projected screen's timer and of the presenter's clock.
    public func text(at now: Date) -> (text: String, over: Bool) {
        let pausedText = paused ? " · paused" : ""
        if let left = remaining(at: now) {
            // No time left is time up: "/timer 0" never shows a second to go.
            if left <= 0 { return ("+\(Self.clock(-left)) over" + pausedText, true) }
            return ("\(Self.clock(left)) left" + pausedText, false)
        }
        return ("\(Self.clock(Int(elapsed(at: now)))) elapsed" + pausedText, false)
    }

    /// Minutes and seconds, "07:32".
    public static func clock(_ seconds: Int) -> String {
        let minutes = seconds / 60, rest = seconds % 60
        return (minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
