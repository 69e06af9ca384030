import Foundation
import SensemakingCore

/// The smallest screen the view lays out; below it, one centred message says so.
public let minimumSize = Size(width: 60, height: 16)

/// Below `minimumSize`: the view shows only the size message, and the loop holds Enter.
public func isTooSmall(_ size: Size) -> Bool {
    size.width < minimumSize.width || size.height < minimumSize.height
}

/// The whole screen for a state: pure, the same state and size always give the same frame.
///
/// Rows, top to bottom: the header bar (title, stage k of n with a progress marker, the
/// timer), the stage's name, its question and other prompts, a rule, the stage's area
/// (contributions, the plausibility board, the timeline, the synthesis), the turn banner,
/// the input box, the message line and the status line. Only what is visible is laid out:
/// contributions are walked from the newest back until the area is full.
///
/// `theme` does not change the frame: every role carries its own weight or reverse video,
/// and the painter adds the theme's colours.
public func render(_ state: AppState, size: Size, theme: Theme) -> Frame {
    renderWhole(state, size: size, theme: theme).frame
}

/// The whole frame, and where its input box went (nil when there is none: help, a screen
/// too small), for `Renderer` to redraw the box alone on the next key.
func renderWhole(_ state: AppState, size: Size, theme: Theme) -> (frame: Frame, input: Range<Int>?) {
    var frame = Frame(size: size)
    guard size.width > 0, size.height > 0 else { return (frame, nil) }
    if isTooSmall(size) {
        drawTooSmall(&frame)
        return (frame, nil)
    }
    // Moved, not copied: a live copy made the first cell written duplicate the whole grid.
    var builder = FrameBuilder(state: state, frame: consume frame, theme: theme)
    let input = builder.draw()
    return (builder.frame, input)
}

func drawTooSmall(_ frame: inout Frame) {
    let size = frame.size
    let text = "Make the window at least \(minimumSize.width)×\(minimumSize.height) — now \(size.width)×\(size.height). Typing waits until then; nothing is sent."
    let lines = TextLayout.wrap(text, width: max(2, size.width)).map(\.text)
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, line) in lines.enumerated() where top + offset < size.height {
        let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
        frame.put(line, Styles.emphasis, x: x, y: top + offset)
    }
    frame.cursor = nil
}
