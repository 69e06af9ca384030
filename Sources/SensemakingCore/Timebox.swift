import Foundation

/// A stage's timebox. Time only moves when a record or a tick says so, so it is
/// tested without a clock.
public struct Timebox: Equatable, Sendable {
    /// Seconds allowed, or nil for no timebox.
    public var budget: Int?
    /// Seconds spent in the stage before `since`.
    public var spent: TimeInterval
    /// When the clock last started; nil while it is stopped.
    public var since: Date?
    /// The facilitator paused it; it stays paused, with its stage, until resumed.
    public var paused: Bool

    public init(budget: Int?) {
        self.budget = budget
        self.spent = 0
        self.since = nil
        self.paused = false
    }

    public func elapsed(at now: Date) -> TimeInterval {
        guard let since else { return spent }
        return spent + max(0, now.timeIntervalSince(since))
    }

    /// Whole seconds left (negative when over time), or nil with no timebox.
    public func remaining(at now: Date) -> Int? {
        guard let budget else { return nil }
        let left = Double(budget) - elapsed(at: now)
        return Int(left.rounded(.up))
    }

    public var running: Bool { since != nil }

    mutating func stop(at time: Date) {
        spent = elapsed(at: time)
        since = nil
    }

    mutating func start(at time: Date) {
        if since == nil && !paused { since = time }
    }
}
