import SensemakingCore

/// "07:32 left", "+02:13 over", "07:32 left · paused", "12:04 elapsed" (`Timebox.text`).
/// The only place the view reads `state.now`.
func timerText(_ state: AppState) -> (String, over: Bool) {
    let words = state.session.timebox.text(at: state.now)
    return (words.text, words.over)
}

func clock(_ seconds: Int) -> String {
    Timebox.clock(seconds)
}
