import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    @Test func namesResolve() {
        #expect(Theme.resolve("dark", environment: [:]) == .dark)
        #expect(Theme.resolve("light", environment: [:]) == .light)
        #expect(Theme.resolve("contrast", environment: [:]) == .contrast)
        #expect(Theme.resolve("monochrome", environment: [:]) == .monochrome)
        #expect(Theme.resolve("LIGHT", environment: [:]) == .light)
    }

    @Test func noColorWinsWhenSetAndNotEmpty() {
        for name in ["auto", "dark", "light", "contrast"] {
            #expect(Theme.resolve(name, environment: ["NO_COLOR": "1"]) == .monochrome)
        }
        #expect(Theme.resolve("auto", environment: ["NO_COLOR": ""]) == .dark)
        #expect(Theme.resolve("light", environment: ["NO_COLOR": ""]) == .light)
    }

    @Test(arguments: [
        ("15;0", Theme.dark), ("0;15", .light), ("0;7", .light), ("15;default;0", .dark),
        ("0;default;15", .light), ("12;8", .dark), ("garbage", .dark), ("", .dark),
    ])
    func autoReadsTheBackgroundFromColorfgbg(_ value: String, _ theme: Theme) {
        #expect(Theme.resolve("auto", environment: ["COLORFGBG": value]) == theme)
    }

    @Test func autoWithoutHintsIsDarkAndUnknownNamesAreAuto() {
        #expect(Theme.resolve("auto", environment: [:]) == .dark)
        #expect(Theme.resolve("purple", environment: ["COLORFGBG": "0;15"]) == .light)
    }

    @Test(arguments: Theme.allCases)
    func everyRoleHasColoursWithinEightColours(_ theme: Theme) {
        let palette = theme.palette
        for role in Role.allCases {
            let pair = palette[role]
            #expect(pair != nil, "\(theme) has no colours for \(role)")
            if let pair {
                #expect((-1...7).contains(pair.fg) && (-1...7).contains(pair.bg))
            }
        }
    }

    @Test func monochromeHasNoColourAndLetsTheBackgroundShow() {
        #expect(!Theme.monochrome.usesColor)
        #expect(Theme.monochrome.palette.values.allSatisfy { $0.fg == -1 && $0.bg == -1 })
        #expect(Theme.dark.palette.values.allSatisfy { $0.bg == -1 })
        #expect(Theme.light.palette.values.allSatisfy { $0.bg == -1 })
    }

    @Test func errorsDifferFromTextInEveryColourTheme() {
        for theme in [Theme.dark, .light, .contrast] {
            let error = theme.palette[.error]!, normal = theme.palette[.normal]!
            #expect(error.fg != normal.fg || error.bg != normal.bg)
        }
    }

    /// The frame is the same in every theme: colour is only ever added.
    @Test func theFrameDoesNotDependOnTheTheme() {
        let room = Scenario.identity()
        let frames = Theme.allCases.map { room.frame(80, 24, theme: $0) }
        #expect(frames.allSatisfy { $0 == frames[0] })
    }
}
