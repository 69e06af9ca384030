import Foundation
import Testing

/// The real binary in a real terminal (tmux), as a room would use it.
@Suite struct WorkshopTests {
    /// Welcome → seven elements → Close with three participants: contributions in turn,
    /// dots in Plausibility, `/end`; every word in the log, exit 0, terminal given back.
    @Test func aWholeWorkshopWithThreeParticipants() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        let welcome = try tmux.screen()
        for name in ["Ana", "Ben", "Chi"] { #expect(welcome.contains(name), "Welcome lists \(name)") }

        var contributions: [String] = []
        for (index, element) in elementNames.enumerated() {
            let number = index + 1
            try tmux.next(to: number)
            try tmux.wait(for: element)
            for name in ["Ana", "Ben", "Chi"] {
                let text = "\(name) on \(element.lowercased()) s\(number)"
                contributions.append(text)
                try tmux.submit(text)
            }
            // The newest is shown last; waiting for it means all three were handled.
            try tmux.wait(for: contributions.last!)
            if number == 7 {
                try tmux.submit("/dots 1 2")
                try tmux.wait("the dots to be placed") { $0.lowercased().contains("dots placed") }
            }
        }
        let plausibility = try tmux.screen()
        #expect(plausibility.contains("Plausibility"))

        try tmux.submit("/next")
        try tmux.wait(for: "Close")
        // Nobody has checked out yet: /end asks once, Enter again (the line kept) closes.
        try tmux.submit("/end")
        try tmux.wait(for: "not spoken in the check-out: Enter again closes.")
        try tmux.press("Enter")
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 0)
        #expect(!alternate, "the pane left the alternate screen")
        #expect(modes.isSuperset(of: ["icanon", "echo", "isig"]), "the terminal modes are back: \(modes)")

        let written = fileContents(log, containing: contributions.last!)
        for text in contributions {
            #expect(written.contains(text), "the log holds \"\(text)\"")
        }
        #expect(try tmux.history().contains("session.md"), "the log's path is printed on exit")
    }

    /// Typing accents, CJK and emoji shows them, and ncurses and the terminal agree on
    /// their widths: the cursor lands where the view put it.
    @Test func unicodeTypingShowsAndLinesUp() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.type("x")
        try tmux.wait(forCursorAfter: "x")
        let before = try tmux.cursorX()

        // é as one scalar and as e + U+0301; 日本語 is 6 columns, 😀 2, ü 1.
        let text = "Zoë cafe\u{301} 日本語 😀 über"
        try tmux.type(text)
        try tmux.wait(for: "Zoë café 日本語 😀 über")
        let after = try tmux.cursorX()
        // "Zoë café " 9 + "日本語 " 7 + "😀 " 3 + "über" 4 = 23 columns.
        #expect(after - before == 23, "the cursor moved 23 columns (from \(before) to \(after))")

        try tmux.press("Enter")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        #expect(fileContents(log, containing: "日本語").contains("x" + text))
    }

    /// An emoji sequence the terminal may draw at any width (a ZWJ family, a skin tone, a
    /// flag) never shifts the rest of the line: the log keeps it whole.
    @Test func emojiSequencesKeepTheLineInPlace() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.type(">")
        try tmux.wait(forCursorAfter: ">")
        let before = try tmux.cursorX()
        let text = "👩‍👩‍👧 a 👍🏽 b 🇫🇷 c ❤️ zq"
        try tmux.type(text)
        try tmux.wait(forCursorAfter: " zq")
        let after = try tmux.cursorX()
        // Every sequence is 2 columns in the view: 3 × (2 + 3) + (2 + 3) = 20.
        #expect(after - before == 20, "the cursor moved 20 columns (from \(before) to \(after))")
        let row = try tmux.screen().split(separator: "\n").first { $0.contains(" zq") }.map(String.init) ?? ""
        #expect(row.contains(" a ") && row.contains(" b ") && row.contains(" c "), "the row: \(row)")

        try tmux.press("Enter")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        #expect(fileContents(log, containing: "👩‍👩‍👧").contains(">" + text))
    }

    /// Bytes that are not UTF-8 (a stray 0xFF, a cut-short sequence, an encoded surrogate)
    /// neither stall the keyboard nor swallow what is typed after them.
    @Test func invalidUTF8NeitherStallsNorSwallows() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.type("ok")
        try tmux.run(["send-keys", "-H", "ff"])
        try tmux.type("1")
        try tmux.run(["send-keys", "-H", "e6", "97"])
        try tmux.type("2")
        try tmux.run(["send-keys", "-H", "ed", "a0", "80"])
        try tmux.type("3end")
        let screen = try tmux.wait(for: "3end", seconds: 5)
        let row = screen.split(separator: "\n").first { $0.contains("3end") }.map(String.init) ?? ""
        #expect(row.filter { $0 != "\u{FFFD}" }.contains("ok123end"), "every typed character is there: \(row)")
        try tmux.press("Enter")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let written = fileContents(log, containing: "3end")
        #expect(written.filter { $0 != "\u{FFFD}" }.contains("ok123end"))
    }

    /// A bracketed paste holding a `/quit` line lands in the input box as text.
    @Test func aPastedQuitLineIsTextNotACommand() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.paste("first pasted line\n/quit\nthird pasted line")
        // Keys are handled in order: if the paste had quit, this marker would never show.
        try tmux.type("MARK")
        try tmux.wait(for: "MARK")
        #expect(try tmux.alternateScreen(), "still running")
        let screen = try tmux.screen()
        #expect(screen.contains("/quit"), "the pasted /quit line is in the box")
        #expect(screen.contains("first pasted line"))

        try tmux.press("Enter")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let written = fileContents(log, containing: "third pasted line")
        #expect(written.contains("first pasted line"))
        #expect(written.contains("third pasted lineMARK"))
    }

    /// Below the minimum size the screen says so and Enter is held; enlarged, the session comes back.
    @Test func resizeBelowTheMinimumAndBack() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.type("kept while small")

        try tmux.resize(width: 40, height: 10)
        let small = try tmux.wait(for: "at least")
        #expect(small.contains("40×10") || small.contains("40x10"), "the message gives the size now:\n\(small)")
        #expect(!small.contains("Identity"), "nothing else is drawn when too small")
        // Enter typed blind is held, never saved.
        try tmux.press("Enter")

        try tmux.resize(width: 100, height: 30)
        let large = try tmux.wait(for: "Nothing was sent")
        #expect(!large.contains("at least"))
        #expect(large.contains("kept while small"), "the input box kept its text")
        #expect(!((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("kept while small"), "nothing typed blind reached the log")
        #expect(large.contains("E2E workshop"))
        // The header spans the new width: the timer sits at the right edge.
        let header = large.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.count > 80, "the header is drawn across 100 columns: \(header)")

        try tmux.resize(width: 80, height: 24)
        try tmux.wait(for: "Stage 1 of 7")
        try tmux.press("C-u")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }
}

extension Tmux {
    func cursorX() throws -> Int {
        guard let x = Int(try query("#{cursor_x}")) else { throw Spawn.Failure(description: "no cursor_x") }
        return x
    }

    /// Waits until the character before the cursor is `text`'s last one (the keys were drawn).
    func wait(forCursorAfter text: String, seconds: Double = 10) throws {
        try wait("the cursor after \(text)", seconds: seconds) { screen in
            guard let x = Int(try self.query("#{cursor_x}")), let y = Int(try self.query("#{cursor_y}")) else { return false }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard y < rows.count, x > 0 else { return false }
            return rows[y].hasSuffix(text)
        }
    }
}
