import Foundation
import SensemakingCore

/// The report as one self-contained web page: no script, no external fonts or links,
/// inline CSS with an A4 print style, charts as inline SVG.
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        var page = HTMLPage()
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<meta name=\"generator\" content=\"\(ExportFile.marker)\">\n")
        page.raw("<title>\(e(report.title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n")
        page.raw("<header>\n<h1>\(e(report.title))</h1>\n</header>\n")
        summary(report, into: &page)
        overview(report, into: &page)
        if let followUp = report.followUp { review(followUp, zone: report.timeZone, into: &page) }
        for stage in report.stages { section(stage, report: report, into: &page) }
        timeline(report, into: &page)
        close(report, into: &page)
        page.raw("<footer>Made with sensemaking \(e(ReportText.generator)).</footer>\n</main>\n</body>\n</html>\n")
        return page.html
    }

    static func e(_ text: String) -> String { HTMLText.escape(text) }
    static func multiline(_ text: String) -> String { HTMLText.escape(text, lineBreaks: true) }

    /// The first page: what a director reads and forwards.
    static func summary(_ r: Report, into page: inout HTMLPage) {
        page.raw("<section id=\"summary\">\n<h2>Summary</h2>\n")
        page.raw("<p class=\"meta\">\(e(ReportText.meta(r)))</p>\n")
        page.raw("<p class=\"who\">\(e(ReportText.who(r)))</p>\n")
        page.raw("<p class=\"purpose\">\(multiline(r.purpose))</p>\n")
        let top = ReportText.mostPlausible(r)
        if !top.isEmpty {
            page.raw("<h3>The stories the room found most plausible</h3>\n<ol class=\"ranking\">\n")
            for rank in top {
                page.raw("<li>\(e(rank.story.title)) <span class=\"dots\">\(ReportText.dots(rank.dots))</span></li>\n")
            }
            page.raw("</ol>\n")
        }
        if !r.narratives.isEmpty {
            page.raw("<h3>The narrative the room agreed</h3>\n")
            list(r.narratives, into: &page)
        }
        if !r.actions.isEmpty {
            page.raw("<h3>Actions and owners</h3>\n")
            actions(r.actions, into: &page)
        }
        if !(r.cues + r.signals).isEmpty {
            page.raw("<h3>Cues and signals to watch</h3>\n")
            list(r.cues + r.signals, into: &page, showKind: true)
        }
        page.raw("</section>\n")
    }

    /// Memories by when they happened; those that cannot be placed after them, labelled.
    static func timeline(_ r: Report, into page: inout HTMLPage) {
        guard !r.timeline.isEmpty else { return }
        page.raw("<section id=\"timeline\">\n<h2>Timeline</h2>\n")
        list(r.timeline, into: &page, showWhen: true)
        page.raw("</section>\n")
    }

    static func overview(_ r: Report, into page: inout HTMLPage) {
        page.raw("<section id=\"overview\">\n<h2>The session</h2>\n<table>\n<thead><tr><th>Stage</th><th>Timebox</th><th>Time spent</th><th>Contributions</th></tr></thead>\n<tbody>\n")
        for s in r.stages {
            page.raw("<tr><td>\(s.number). \(e(s.name))</td><td>\(s.timeboxMinutes) min</td><td>\(e(ReportText.duration(s.spentSeconds)))</td><td>\(s.items.count)</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n")
        page.raw(BarChart.svg(title: "Contributions per element",
                              bars: r.stages.map { ("\($0.number). \($0.name)", $0.items.count) }))
        page.raw("</section>\n")
    }

    static func section(_ s: Report.StageSection, report: Report, into page: inout HTMLPage) {
        page.raw("<section class=\"stage \(s.element.rawValue)\">\n<h2>\(s.number). \(e(s.name))</h2>\n")
        page.raw("<p class=\"question\">\(multiline(s.question))</p>\n")
        if !s.prompts.isEmpty {
            page.raw("<ul class=\"prompts\">\n")
            for prompt in s.prompts { page.raw("<li>\(multiline(prompt))</li>\n") }
            page.raw("</ul>\n")
        }
        // Dots are said in Plausibility even when nothing is typed there: the ranking shows.
        if s.items.isEmpty && !(s.element == .plausibility && !report.ranking.isEmpty) {
            page.raw("<p class=\"empty\">\(ReportText.empty(s))</p>\n")
        } else {
            switch s.element {
            case .identity: identity(s, into: &page)
            case .retrospection:
                let memories = s.items.filter { $0.kind == .memory }
                if !memories.isEmpty { page.raw("<p class=\"empty\">\(ReportText.onTimeline(memories.count))</p>\n") }
                let other = s.items.filter { $0.kind != .memory }
                if !other.isEmpty { list(other, into: &page) }
            case .enactment:
                let (done, said) = ReportText.split(s.items)
                if !done.isEmpty { actions(done, into: &page) }
                if !said.isEmpty {
                    page.raw("<h3>Observations</h3>\n")
                    list(said, into: &page)
                }
            case .socialActivity: stories(s.items, into: &page)
            case .plausibility: plausibility(s, report: report, into: &page)
            case .ongoingProcess, .extractedCues: list(s.items, into: &page)
            }
        }
        notes(s.notes, into: &page)
        page.raw("</section>\n")
    }

    static func identity(_ s: Report.StageSection, into page: inout HTMLPage) {
        for group in ReportText.byIdentity(s.items) {
            if let identity = group.identity {
                page.raw("<h3>\(e("Speaking as \(identity)"))</h3>\n")
            } else if group.items.count < s.items.count {
                page.raw("<h3>Not tagged</h3>\n")
            }
            list(group.items, into: &page)
        }
    }

    /// As `MarkdownReport.list`: a memory's when, or each item's kind.
    static func list(_ items: [Report.Item], into page: inout HTMLPage, showWhen: Bool = false, showKind: Bool = false) {
        page.raw("<ul class=\"items\">\n")
        for item in items {
            page.raw("<li>")
            if showWhen, item.kind == .memory { page.raw("<span class=\"when\">\(e(ReportText.when(item)))</span> ") }
            if showKind { page.raw("<span class=\"kind\">\(e(item.kind.label))</span> ") }
            page.raw("\(multiline(item.text))\(byline(item))</li>\n")
        }
        page.raw("</ul>\n")
    }

    static func byline(_ item: Report.Item) -> String {
        let text = ReportText.byline(item)
        return text.isEmpty ? "" : " <span class=\"by\">\(e(text))</span>"
    }

    static func actions(_ items: [Report.Item], into page: inout HTMLPage) {
        page.raw("<table class=\"actions\">\n<thead><tr><th>#</th><th>Action</th><th>Owner</th></tr></thead>\n<tbody>\n")
        for item in items {
            page.raw("<tr><td>\(item.id)</td><td>\(multiline(item.text))\(item.edited ? " <span class=\"by\">(edited)</span>" : "")</td><td>\(e(ReportText.owner(item)))</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n")
    }

    static func stories(_ items: [Report.Item], into page: inout HTMLPage) {
        for (story, replies) in ReportText.threads(items) {
            if story.kind == .story {
                page.raw("<article class=\"story\"><h3>\(e(story.title))</h3>\n<p>\(multiline(story.body))\(byline(story))</p>")
            } else {
                page.raw("<article class=\"said\"><p>\(multiline(story.body))\(byline(story))</p>")
            }
            if !replies.isEmpty {
                page.raw("\n<p class=\"by\">Replies:</p>\n")
                list(replies, into: &page)
            }
            page.raw("</article>\n")
        }
    }

    static func plausibility(_ s: Report.StageSection, report: Report, into page: inout HTMLPage) {
        if !report.ranking.isEmpty {
            page.raw("<h3>Stories by plausibility</h3>\n<ol class=\"ranking\">\n")
            for rank in report.ranking {
                page.raw("<li><strong>\(e(rank.story.title))</strong> <span class=\"dots\">\(ReportText.dots(rank.dots))</span>")
                if !rank.cues.isEmpty {
                    page.raw("<br><span class=\"by\">Cues: \(rank.cues.map(e).joined(separator: "; "))</span>")
                }
                if !rank.mindChangers.isEmpty {
                    page.raw("<br><span class=\"by\">Would change our mind: \(rank.mindChangers.map(e).joined(separator: "; "))</span>")
                }
                page.raw("</li>\n")
            }
            page.raw("</ol>\n")
            page.raw(BarChart.svg(title: "Plausibility dots", bars: report.ranking.map { ("\($0.number). \($0.story.title)", $0.dots) }))
        }
        page.raw("<h3>The narrative the room agrees on</h3>\n")
        if s.items.isEmpty {
            page.raw("<p class=\"empty\">No narrative was agreed yet.</p>\n")
        } else {
            list(s.items, into: &page)
        }
    }

    static func review(_ f: Report.FollowUpSection, zone: TimeZone, into page: inout HTMLPage) {
        page.raw("<section id=\"review\">\n<h2>Review: what became of last time's items</h2>\n")
        page.raw("<p class=\"meta\">\(e(ReportText.followed(f, in: zone)))</p>\n")
        if !f.items.isEmpty {
            page.raw("<table class=\"review\">\n<thead><tr><th>#</th><th>Item</th><th>Owner</th><th>What became of it</th><th>Note</th></tr></thead>\n<tbody>\n")
            for item in f.items {
                let history = ReportText.history(item)
                page.raw("<tr><td>\(item.number)</td><td>\(multiline(ReportText.carried(item)))</td><td>\(e(item.owner ?? "—"))</td>")
                page.raw("<td class=\"status\">\(e(ReportText.became(item)))</td><td>\(multiline(item.note ?? ""))")
                if !history.isEmpty { page.raw("\(item.note == nil ? "" : "<br>")<span class=\"by\">\(e(history))</span>") }
                page.raw("</td></tr>\n")
            }
            page.raw("</tbody>\n</table>\n")
        }
        if !f.updates.isEmpty {
            page.raw("<h3>Updates</h3>\n")
            list(f.updates, into: &page)
        }
        notes(f.notes, into: &page)
        page.raw("</section>\n")
    }

    static func notes(_ notes: [Report.Item], into page: inout HTMLPage) {
        guard !notes.isEmpty else { return }
        page.raw("<h3>Facilitator notes</h3>\n<ul class=\"notes\">\n")
        for note in notes { page.raw("<li>\(multiline(note.text))\(note.edited ? " <span class=\"by\">(edited)</span>" : "")</li>\n") }
        page.raw("</ul>\n")
    }

    static func close(_ r: Report, into page: inout HTMLPage) {
        if !r.identityMap.isEmpty {
            // Identities are voiced in every stage, so the map sits with the whole session's.
            page.raw("<section id=\"identities\">\n<h2>Identity map</h2>\n<ul class=\"map\">\n")
            for voice in r.identityMap {
                page.raw("<li><strong>\(e(voice.identity))</strong>: \(e(ReportText.voice(voice, in: r)))</li>\n")
            }
            page.raw("</ul>\n</section>\n")
        }
        if r.spoken > 0 {
            page.raw("<section id=\"balance\">\n<h2>Speaking balance</h2>\n<ul class=\"balance\">\n")
            for line in ReportText.balance(r) { page.raw("<li>\(e(line))</li>\n") }
            page.raw("</ul>\n</section>\n")
        }
        let notes = r.welcomeNotes + r.closeNotes
        guard !r.checkouts.isEmpty || !notes.isEmpty else { return }
        page.raw("<section id=\"close\">\n<h2>Close</h2>\n")
        if !r.checkouts.isEmpty {
            page.raw("<h3>Check-out</h3>\n")
            list(r.checkouts, into: &page)
        }
        self.notes(notes, into: &page)
        page.raw("</section>\n")
    }

    static let css = """
        :root { color-scheme: light; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fff; margin: 0; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1 { font-size: 2rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.4rem; border-bottom: 2px solid #2b5797; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
        .meta, .who, .by, .empty, footer { color: #555; }
        .by { font-size: .9em; }
        .question { font-style: italic; font-size: 1.1rem; }
        .when, .kind { font-weight: 600; color: #2b5797; }
        td.status { font-weight: 600; white-space: nowrap; }
        .dots { font-weight: 600; color: #8a4b00; white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        ul.items li, ol.ranking li { margin: .3rem 0; }
        article.story { border-left: 4px solid #2b5797; padding: .1rem .9rem; margin: .8rem 0; }
        article.story h3 { margin-top: .4rem; }
        svg { max-width: 100%; height: auto; }
        svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
        svg rect.bar { fill: #2b5797; }
        footer { margin-top: 3rem; font-size: .85em; }
        @media print {
          @page { size: A4; margin: 18mm 16mm; }
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          section, article, tr, li { break-inside: avoid; }
        }

        """
}

/// Builds the page; a type of its own so every piece goes through `raw` on purpose.
struct HTMLPage {
    private(set) var html = ""
    mutating func raw(_ fragment: String) { html += fragment }
}

/// A horizontal bar chart as inline SVG; labels are escaped like every other text.
enum BarChart {
    static func svg(title: String, bars: [(label: String, value: Int)]) -> String {
        let rowHeight = 24, labelWidth = 260, barWidth = 300, top = 28
        let height = top + bars.count * rowHeight + 8
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        var out = "<figure><svg viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
        out += "<text x=\"0\" y=\"16\" font-weight=\"600\">\(HTMLText.escape(title))</text>\n"
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            let width = bar.value == 0 ? 0 : max(2, bar.value * barWidth / maximum)
            let label = bar.label.count > 38 ? String(bar.label.prefix(37)) + "…" : bar.label
            out += "<text x=\"0\" y=\"\(y + 15)\">\(HTMLText.escape(label))</text>"
            out += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\"/>"
            out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.value)</text>\n"
        }
        return out + "</svg></figure>\n"
    }
}
