import Foundation
import SensemakingCore
import Synchronization

/// Where the run loop and the presenter page meet, as `JoinHub` is for devices: the loop
/// `publish`es its state after each turn (after the journal wrote); the page reads the
/// presenter view from it and posts the facilitator's commands into the loop's inbox.
public final class PresenterHub: Sendable {
    /// How a command from the page ended.
    public enum Outcome: Equatable, Sendable {
        /// The core's answer, with what it changed on disk.
        case done(Message)
        /// Done, but the journal could not write it yet.
        case notSaved(Message)
        case noAnswer
    }

    private let state: Mutex<AppState>
    private let watchers = Broadcast<AppState>()
    private let post: @Sendable (Action) -> Void

    public init(_ state: AppState, post: @escaping @Sendable (Action) -> Void) {
        self.state = Mutex(state)
        self.post = post
    }

    /// From the loop, after each turn: wakes the pages when anything they show may have
    /// changed (the clock by the second; never a key typed in the box).
    public func publish(_ new: AppState) {
        let changed = state.withLock { old in
            defer { old = new }
            return old.session != new.session || old.save != new.save || old.devices != new.devices
                || old.presenterAnswers != new.presenterAnswers
                || Int(old.now.timeIntervalSinceReferenceDate) != Int(new.now.timeIntervalSinceReferenceDate)
        }
        if changed { watchers.yield(new) }
    }

    public var current: AppState { state.withLock { $0 } }

    public var view: PresenterView { PresenterView(current) }

    /// The state now, then each one published that changed.
    func updates() -> AsyncStream<AppState> {
        watchers.subscribe { current }
    }

    public func close() {
        watchers.close()
    }

    /// Posts the command `line` to the loop and waits for its answer, up to `timeout`.
    public func run(_ line: String, timeout: Duration = .seconds(10)) async -> Outcome {
        let key = Secrets.random128()
        let stream = updates()
        post(.presenter(line: line, key: key))
        return await Broadcast.first(in: stream, timeout: timeout) { state in
            state.presenterAnswers[key].map { state.save == .saved ? Outcome.done($0) : .notSaved($0) }
        } ?? .noAnswer
    }
}
