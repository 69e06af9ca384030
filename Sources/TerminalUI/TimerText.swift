import SensemakingCore

/// "07:32 left", "+02:13 over", "07:32 left · paused", "12:04 elapsed".
/// The only place the view reads `state.now`.
func timerText(_ state: AppState) -> (String, over: Bool) {
    let box = state.session.timebox
    let paused = box.paused ? " · paused" : ""
    if let left = box.remaining(at: state.now) {
        // No time left is time up: "/timer 0" never shows a second to go.
        if left <= 0 { return ("+\(clock(-left)) over" + paused, true) }
        return ("\(clock(left)) left" + paused, false)
    }
    return ("\(clock(Int(box.elapsed(at: state.now)))) elapsed" + paused, false)
}

func clock(_ seconds: Int) -> String {
    let minutes = seconds / 60, rest = seconds % 60
    return (minutes < 10 ? "0" : "") + "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
}
