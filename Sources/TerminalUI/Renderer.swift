import SensemakingCore

/// Renders one state after another for the terminal. Every frame equals
/// `render(state, size:, theme:)` (held by `RendererTests`), but when only the input box or
/// the clock changed since the last frame, only their rows are drawn again, on a copy of the
/// last frame: a key typed costs the input box, not the whole screen, however many
/// contributions the session holds.
public struct Renderer {
    /// What changed since the last frame returned.
    public enum Change: Equatable, Sendable {
        /// Nothing: an idle tick within the same second of the clock.
        case none
        /// Only these rows (the header, the input box).
        case rows([Range<Int>])
        /// Anything may have.
        case all

        /// The rows a painter need compare, nil for all of them.
        public var rows: [Range<Int>]? {
            switch self {
            case .none: []
            case .rows(let rows): rows
            case .all: nil
            }
        }
    }

    private struct Last {
        var state: AppState
        var frame: Frame
        /// The input box's rows, nil when the frame has none (help, a screen too small).
        var input: Range<Int>?
    }

    private var last: Last?
    /// Frames drawn on a copy of the last one rather than whole (for the tests).
    private(set) var partialRedraws = 0

    public init() {}

    /// The frame for `state`, and what changed since the last one returned.
    public mutating func render(_ state: AppState, size: Size, theme: Theme) -> (frame: Frame, change: Change) {
        if let last, last.frame.size == size, let (frame, change) = Self.redraw(last, state, theme) {
            if change != .none {
                self.last = Last(state: state, frame: frame, input: last.input)
                partialRedraws += 1
            }
            return (frame, change)
        }
        let (frame, input) = renderWhole(state, size: size, theme: theme)
        last = Last(state: state, frame: frame, input: input)
        return (frame, .all)
    }

    /// The last frame with the header or input rows drawn again, or nil when more than
    /// those may have changed.
    private static func redraw(_ last: Last, _ state: AppState, _ theme: Theme) -> (Frame, Change)? {
        guard let inputRows = last.input else { return nil }
        // `now` is read only by the header's timer; the input box only by its own rows.
        var rest = state
        rest.now = last.state.now
        rest.input = last.state.input
        guard rest == last.state else { return nil }
        let clock = timerText(state) != timerText(last.state)
        let typed = state.input != last.state.input
        guard clock || typed else { return (last.frame, .none) }
        var screen = Screen(state: state, frame: last.frame, theme: theme, stats: StageStats())
        var rows: [Range<Int>] = []
        if typed {
            // A box that grows or shrinks moves the banner and everything above it.
            let input = screen.inputLayout()
            guard input.rows == inputRows.count else { return nil }
            screen.frame.clear(rows: inputRows)
            screen.drawInput(input, top: inputRows.lowerBound)
            rows.append(inputRows)
        }
        if clock {
            screen.drawHeader()
            rows.append(0..<1)
        }
        return (screen.frame, .rows(rows))
    }
}
