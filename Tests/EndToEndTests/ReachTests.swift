import Foundation
import Testing

/// Issue 16: at 80×24 every item of a long Close and of a long follow-up review (24 items,
/// more than the screen holds) can be reached with the keys a facilitator has (Tab between
/// Close pages, PgDn from the live view), in the real binary in tmux.
@Suite struct ReachTests {
    /// Twenty long actions and four cues: each wraps on Close, and the review lists one line
    /// each, so neither holds them on one screen.
    static let actions = (1...20).map { String(format: "A%02d", $0) + " we ask the wards each week what the discharge dashboard misses and fix one thing" }
    static let cues = (21...24).map { "C\($0) handover times at eight in the morning tell us the day before it happens" }
    static func marker(_ text: String) -> String { String(text.prefix(3)) }

    /// Presses `key` while the page says more lies below ("↓ N more · PgDn"), at most `limit`
    /// times, and returns every screen seen, the first included. The end is read from the page,
    /// not from a frame that is slow to come: under a loaded CI host a redraw can take longer than
    /// any fixed wait, and taking that for the end of the list lost the last items.
    static func screens(_ tmux: Tmux, pressing key: String, limit: Int = 20) throws -> [String] {
        var seen = [try settled(tmux)]
        for _ in 0..<limit {
            let before = seen[seen.count - 1]
            guard before.contains("more · PgDn") else { break }
            try tmux.press(key)
            guard try Tmux.poll(seconds: 20, until: { try tmux.screen() != before }) else {
                Issue.record("\(key) did not move on from:\n\(before)")
                break
            }
            seen.append(try settled(tmux))
        }
        return seen
    }

    /// The screen once two captures 50 ms apart agree, so a page is not read half drawn.
    static func settled(_ tmux: Tmux) throws -> String {
        var last = try tmux.screen()
        let agreed = try Tmux.poll(seconds: 5) {
            usleep(50_000)
            let now = try tmux.screen()
            defer { last = now }
            return now == last
        }
        if !agreed { Issue.record("The screen did not settle:\n\(last)") }
        return last
    }

    @Test func everyItemOfALongCloseAndA24ItemReviewIsReachableAt80x24() throws {
        let first = try Tmux()
        defer { first.close() }
        let march = try first.startWorkshop(title: "March workshop")
        try first.submit("/goto enactment")
        try first.wait(for: "Stage 3 of 7")
        for action in Self.actions {
            try first.submit("/owner Ben")
            try first.submit(action)
            try first.wait(for: "\(Self.marker(action)) we ask")
        }
        try first.submit("/goto cues")
        try first.wait(for: "Stage 6 of 7")
        for cue in Self.cues {
            try first.submit(cue)
            try first.wait(for: "\(Self.marker(cue)) handover")
        }

        // Close: Tab steps through its pages, PgDn through each page.
        try first.submit("/goto close")
        try first.wait(for: "What will you take away from today?")
        var close: [String] = []
        var titles = Set<String>()
        for _ in 0..<6 {
            let pages = try Self.screens(first, pressing: "NPage")
            close += pages
            if let title = pages[0].split(separator: "\n").first(where: { $0.contains(" of ") && $0.contains("Tab:") }) {
                titles.insert(String(title))
            }
            try first.press("Tab")
            #expect(try Tmux.poll(seconds: 20) { try first.screen() != pages[pages.count - 1] }, "Tab moves to Close's next page")
        }
        #expect(titles.count >= 4, "Tab steps through Close's pages: \(titles)")
        #expect(close.contains { $0.contains("more · PgDn") }, "a Close page is paged with PgDn")
        for item in Self.actions + Self.cues {
            #expect(close.contains { $0.contains(Self.marker(item) + " we ask") || $0.contains(Self.marker(item) + " handover") },
                    "\(Self.marker(item)) is on a Close page")
        }
        try first.submit("/end")
        let asked = try first.wait("the end") { $0.contains("Enter again closes") || $0.contains("[exited") }
        if asked.contains("Enter again closes") { try first.press("Enter") }
        #expect(try first.exitStatus() == 0)

        // The follow-up's review of the same twenty-four, from the live view down with PgDn.
        let second = try Tmux()
        defer { second.close() }
        try second.startFollowUp(of: march, title: "March workshop")
        try second.submit("/next")
        try second.wait(for: "0 of 24 reviewed")
        let review = try Self.screens(second, pressing: "NPage")
        #expect(review.count >= 2, "the review is paged with PgDn")
        for item in Self.actions + Self.cues {
            #expect(review.contains { $0.contains(Self.marker(item)) }, "\(Self.marker(item)) is reached in the review")
        }
        // The last page says nothing more lies further down: PgDn goes back to the top.
        #expect(!review[review.count - 1].contains("more · PgDn"), "\(review[review.count - 1])")
        #expect(review[review.count - 1].contains("↓ back to the top · PgDn"), "\(review[review.count - 1])")
        try second.press("C-c")
        try second.press("C-c")
        #expect(try second.exitStatus() == 0)
    }
}
