import SensemakingCore

/// "07:32 left", "+02:13 over", "07:32 left · paused", "12:04 elapsed".
/// The only place the view reads `state.now`.
func timerText(_ state: AppState) -> (String, over: Bool) {
    let box = state.session.timebox
    let paused = box.paused ? " · paused" : ""
    if let left = box.remaining(at: state.now) {
        if left < 0 { return ("+\(clock(-left)) over" + paused, true) }
        return ("\(clock(left)) left" + paused, false)
    }
    return ("\(clock(Int(box.elapsed(at: state.now)))) elapsed" + paused, false)
}

private func clock(_ seconds: Int) -> String {
    let minutes = seconds / 60, rest = seconds % 60
    return (minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
}

/// Whether `render` gives the same frame for both states at one size and theme: the
/// clock ticks four times a second but its text changes once, so an idle tick need not
/// render or paint. `now` is read only through `timerText`; everything else must be equal.
public func drawsTheSame(_ a: AppState, _ b: AppState) -> Bool {
    var b2 = b
    b2.now = a.now
    return a == b2 && timerText(a) == timerText(b)
}
