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

    // MARK: Fast path — a typed key redraws the input box, not the screen
    // Measured (docs/performance.md, "Typing (fourth round)", steps 1 and 6): a typed key at
    // 100×30 went from 1.80 M to 0.85 M instructions, and from 0.140 M to 0.102 M once the
    // box's unchanged rows were left alone (callgrind). The reference is `render`, the whole
    // frame (`RendererTests`, `PaintedScreenTests`).

    private struct Last {
        var state: AppState
        var frame: Frame
        /// The input box's rows, nil when the frame has none (help, a screen too small).
        var input: Range<Int>?
        /// The draft's layout, for the next key's.
        var inputReuse: InputReuse?
    }

    private var last: Last?

    public init() {}

    /// The frame for `state`, and what changed since the last one returned.
    public mutating func render(_ state: AppState, size: Size, theme: Theme) -> (frame: Frame, change: Change) {
        if let change = redraw(state, size: size, theme: theme), let last {
            return (last.frame, change)
        }
        let (frame, input) = renderWhole(state, size: size, theme: theme)
        last = Last(state: state, frame: frame, input: input)
        return (frame, .all)
    }

    /// Draws the header or input rows again on the last frame, in place, or returns nil
    /// when more than those may have changed.
    ///
    /// The frame is swapped out of `last` while it is drawn on, so that it is not shared and
    /// nothing copies its 3,000 cells; the painter keeps its own copy of what is on screen.
    private mutating func redraw(_ state: AppState, size: Size, theme: Theme) -> Change? {
        guard let (lastState, input) = last.map({ ($0.state, $0.input) }), last?.frame.size == size,
              let inputRows = input else { return nil }
        // `now` is read only by the header's timer; the input box only by its own rows.
        var rest = state
        rest.now = lastState.now
        rest.input = lastState.input
        guard rest == lastState else { return nil }
        let clock = timerText(state) != timerText(lastState)
        let typed = state.input != lastState.input
        guard clock || typed else { return Change.none }
        // The big timer sits beside the prompts and its width moves them: all of it again.
        if clock && (BigTimer(state) != nil || BigTimer(lastState) != nil) { return nil }
        var builder = FrameBuilder(state: state, frame: Frame(size: Size(width: 0, height: 0)), theme: theme, stats: StageStats())
        swap(&builder.frame, &last!.frame)
        var rows: [Range<Int>] = []
        if typed {
            // A box that grows or shrinks moves the banner and everything above it.
            let reuse = last?.inputReuse
            let layout = builder.inputLayout(reusing: reuse)
            last?.inputReuse = layout.reusable
            guard layout.rows == inputRows.count else {
                last = nil
                return nil
            }
            // Rows above the last that show a line the last layout showed in the same row,
            // with the same marker (the first line shown unchanged), are left as they are.
            var same = 0
            if reuse?.first == layout.first {
                while same < layout.rows - 1, layout.first + same < layout.kept { same += 1 }
            }
            let redrawn = (inputRows.lowerBound + same)..<inputRows.upperBound
            builder.frame.clear(rows: redrawn)
            builder.drawInput(layout, top: inputRows.lowerBound, from: same)
            rows.append(redrawn)
        }
        if clock {
            builder.drawHeader()
            rows.append(0..<1)
        }
        swap(&builder.frame, &last!.frame)
        last!.state = state
        return .rows(rows)
    }
}
