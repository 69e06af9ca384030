import Foundation
import SensemakingCore
import Synchronization

/// Where the run loop and the server meet. The loop `publish`es its state after each turn
/// (after the journal wrote, so "saved" is true); the server reads views from it and posts
/// devices' actions through `post` (the loop's inbox). The server never writes the log.
public final class JoinHub: Sendable {
    /// What the server needs of the loop's state.
    public struct Snapshot: Equatable, Sendable {
        public var session: Session
        public var save: SaveStatus
        public var refusals: [String: String]
        public var version: Int
    }

    /// How a device's send ended.
    public enum Outcome: Equatable, Sendable {
        /// In the session and on disk.
        case sent
        /// In the session, not yet on disk (the journal failed): retrying with the same key
        /// answers `sent` once it is.
        case notSaved
        case refused(String)
        /// No answer from the loop in time.
        case noAnswer
    }

    private let snapshot: Mutex<Snapshot>
    private let watchers = Broadcast<Snapshot>()
    private let views = Mutex(Views())
    private let post: @Sendable (Action) -> Void

    public init(_ state: AppState, post: @escaping @Sendable (Action) -> Void) {
        snapshot = Mutex(Snapshot(session: state.session, save: state.save, refusals: state.deviceRefusals, version: 0))
        self.post = post
    }

    /// From the loop, after each turn: wakes the watchers when anything a device sees changed.
    public func publish(_ state: AppState) {
        let changed: Snapshot? = snapshot.withLock { current in
            guard current.session != state.session || current.save != state.save
                    || current.refusals != state.deviceRefusals else { return nil }
            current = Snapshot(session: state.session, save: state.save, refusals: state.deviceRefusals,
                               version: current.version + 1)
            return current
        }
        guard let changed else { return }
        watchers.yield(changed)
    }

    public var current: Snapshot { snapshot.withLock { $0 } }

    // MARK: Fast path: one encoding of a view per name and state
    //
    // Every change wakes every event stream, and each sends its device's view. Streams of the
    // same name (all of them in an anonymous session) share one encoding of the current state
    // instead of each making its own: with 200 streams open and 50 devices sending, the p99 of
    // send-to-saved went from 242 ms to the figure in docs/performance.md ("Load"). Held equal
    // to encoding the view afresh by `JoinHubTests.aSharedViewIsTheViewEncodedAfresh`.

    private struct Views {
        var version = -1
        var json: [String?: String] = [:]
    }

    /// The JSON of `ParticipantView(current.session, participant:)`.
    public func viewJSON(for participant: String?) -> String {
        let now = current
        if let shared = views.withLock({ $0.version == now.version ? $0.json[participant] : nil }) { return shared }
        let json = JoinServer.json(ParticipantView(now.session, participant: participant))
        views.withLock { views in
            if views.version < now.version { views = Views(version: now.version) }
            if views.version == now.version { views.json[participant] = json }
        }
        return json
    }

    /// The snapshot now, then each one published, keeping only the newest for a slow reader.
    public func updates() -> AsyncStream<Snapshot> {
        watchers.subscribe { current }
    }

    /// Ends every stream of updates (the server stops): event streams end, sends waiting
    /// for an answer get none.
    public func close() {
        watchers.close()
    }

    /// What became of `action` as a snapshot shows it, or nil while the loop has not seen it.
    static func outcome(of action: DeviceAction, in snapshot: Snapshot) -> Outcome? {
        let saved: Outcome = snapshot.save == .saved ? .sent : .notSaved
        switch action {
        case .send(_, _, let key), .dots(_, _, let key):
            if snapshot.session.sendKeys.contains(key) { return saved }
            return snapshot.refusals[key].map(Outcome.refused)
        case .join(let name, let key):
            if let reason = snapshot.refusals[key] { return .refused(reason) }
            return snapshot.session.participant(named: name) == nil ? nil : saved
        case .connected:
            return nil
        }
    }

    /// Tells the loop something that needs no answer (who is connected).
    func tell(_ action: DeviceAction) {
        post(.device(action))
    }

    /// Hands every watcher the current snapshot again, changed or not: an event stream whose
    /// device was removed then ends at once.
    func wakeWatchers() {
        watchers.yield(current)
    }

    /// Posts `action` to the loop and waits for what became of it, up to `timeout`.
    public func send(_ action: DeviceAction, timeout: Duration = .seconds(10)) async -> Outcome {
        let stream = updates()
        // A retry of a send already on disk (a name already here) is answered without
        // asking the loop again.
        if let known = Self.outcome(of: action, in: current), known == .sent { return known }
        post(.device(action))
        return await Broadcast.first(in: stream, timeout: timeout) { Self.outcome(of: action, in: $0) } ?? .noAnswer
    }
}
