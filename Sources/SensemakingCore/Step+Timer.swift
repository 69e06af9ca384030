import Foundation

extension Step {
    mutating func tick(_ now: Date) {
        state.now = max(now, state.now)
        let index = session.current
        if let left = session.timebox.remaining(at: state.now), left <= 0,
           session.timebox.running, !state.belled.contains(index) {
            state.belled.insert(index)
            effects.append(.bell)
        }
    }

    mutating func runTimer(_ timer: TimerCommand) {
        let box = session.timebox
        switch timer {
        case .set(let minutes):
            record(.timer(.set(seconds: minutes * 60)))
            state.belled.remove(session.current)
        case .add(let minutes):
            record(.timer(.adjust(seconds: minutes * 60)))
            state.belled.remove(session.current)
        case .subtract(let minutes):
            guard box.budget != nil, let left = box.remaining(at: state.now) else {
                return fail("This stage has no timer: /timer M sets one.")
            }
            // Down to no time left, never into overtime: "-5" with 3 left leaves 0.
            let seconds = min(minutes * 60, max(0, left))
            if seconds == 0 { return state.message = .info("No time is left to take off.") }
            record(.timer(.adjust(seconds: -seconds)))
        case .pause:
            if box.paused { return state.message = .info("The timer is already paused.") }
            record(.timer(.pause))
        case .resume:
            if !box.paused { return state.message = .info("The timer is running.") }
            record(.timer(.resume))
        }
    }
}
