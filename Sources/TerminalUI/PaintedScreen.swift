/// What the painter last put on the terminal, kept apart from the renderer's frame (which
/// the renderer goes on drawing on in place), and which of a new frame's cells differ
/// from it. Pure, so that the painter's bookkeeping is tested without a terminal
/// (`PaintedScreenTests`); `CursesScreen` does the painting.
public struct PaintedScreen: Sendable {
    /// The frame on the terminal, or nil when everything must be painted.
    public private(set) var frame: Frame?

    public init() {}

    /// Whether the last frame painted had another size (the terminal should be cleared).
    public func resized(for frame: Frame) -> Bool {
        self.frame.map { $0.size != frame.size } ?? false
    }

    /// The indices of `frame`'s cells to paint (all of them after a resize or on the first
    /// frame), and from then on `frame` is what is on screen. `rows`, when given, are the
    /// only rows that can differ from the last frame painted (`Renderer.Change.rows`): only
    /// they are compared, and only they copied.
    public mutating func update(to frame: Frame, rows: [Range<Int>]?) -> [Int] {
        let old = self.frame.flatMap { $0.size == frame.size ? $0 : nil }
        let changed = frame.changedCells(since: old, rows: rows)
        if let rows, old != nil, var shown = self.frame {
            self.frame = nil   // not shared: the copy below changes it in place
            shown.copy(rows: rows, from: frame)
            self.frame = shown
        } else {
            self.frame = frame
        }
        return changed
    }

    /// The next update paints everything.
    public mutating func invalidate() {
        frame = nil
    }
}
