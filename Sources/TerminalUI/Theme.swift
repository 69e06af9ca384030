/// The colours of the screen. The frame is the same in every theme: roles carry bold,
/// reverse or underline in their `Style`, so the screen reads on a monochrome projector;
/// a theme only adds colour, looked up by the painter in `palette`.
public enum Theme: Equatable, Sendable, CaseIterable {
    case dark, light, contrast, monochrome

    /// `--theme auto|dark|light|contrast` (also `monochrome`, or `none`) with the process
    /// environment. `NO_COLOR` set and not empty wins over every name: no colour at all.
    /// `auto` is light when `COLORFGBG` says the background is light (its last field is
    /// 7 or 9 to 15), else dark. An unknown name is `auto`.
    public static func resolve(_ name: String, environment: [String: String]) -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        switch name.lowercased() {
        case "dark": return .dark
        case "light": return .light
        case "contrast", "high-contrast": return .contrast
        case "monochrome", "mono", "none": return .monochrome
        default: return backgroundIsLight(environment["COLORFGBG"]) ? .light : .dark
        }
    }

    /// `COLORFGBG` is "fg;bg" or "fg;default;bg" with curses colour numbers.
    static func backgroundIsLight(_ value: String?) -> Bool {
        guard let value, let last = value.split(separator: ";").last, let background = Int(last) else {
            return false
        }
        return background == 7 || (9...15).contains(background)
    }

    /// Whether the painter should start colour at all.
    public var usesColor: Bool { self != .monochrome }

    /// Curses colour numbers (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta,
    /// 6 cyan, 7 white; -1 the terminal's own default, so its background shows through)
    /// per role. Every role is present; `.monochrome` is all -1. Only 0…7 are used, so
    /// an 8-colour terminal shows every theme. Reverse video (in the cell's Style) swaps
    /// them, as curses does.
    public var palette: [Role: (fg: Int16, bg: Int16)] {
        switch self {
        case .dark: [
            .normal: (-1, -1), .dim: (6, -1), .header: (6, -1), .title: (3, -1),
            .accent: (3, -1), .banner: (2, -1), .input: (-1, -1), .error: (1, -1),
            .ok: (2, -1), .selected: (5, -1),
        ]
        case .light: [
            .normal: (-1, -1), .dim: (4, -1), .header: (4, -1), .title: (4, -1),
            .accent: (5, -1), .banner: (2, -1), .input: (-1, -1), .error: (1, -1),
            .ok: (2, -1), .selected: (5, -1),
        ]
        case .contrast: [
            .normal: (7, 0), .dim: (7, 0), .header: (7, 0), .title: (3, 0),
            .accent: (3, 0), .banner: (3, 0), .input: (7, 0), .error: (7, 1),
            .ok: (2, 0), .selected: (0, 3),
        ]
        case .monochrome:
            Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, (fg: Int16(-1), bg: Int16(-1))) })
        }
    }
}
