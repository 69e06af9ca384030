import Export
import SensemakingCore

/// The facilitator's page, written here (never read from disk): what comes next, the clock,
/// who has spoken, notes and devices, and the controls. Every control is a form that posts a
/// command line (`/next`, `/timer +1`, `/undo 4`), so the page works without script; the
/// script (`script`) keeps it live over Server-Sent Events and sends without leaving the page,
/// setting text with `textContent` only. Every text from the session passes `HTMLText.escape`.
enum PresenterPage {
    static func page(_ view: PresenterView, notice: String? = nil) -> String {
        let now = view.stages.first
        let heading = now.map { ($0.number.map { "\($0). " } ?? "") + $0.name } ?? ""
        let next = view.stages.dropFirst().map { "<li>\(HTMLText.escape(stageLine($0)))</li>" }.joined(separator: "\n")
        let prompts = (now?.prompts ?? []).map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n")
        let balance = view.speaking.balance.map { "<li>\(HTMLText.escape(shareLine($0)))</li>" }.joined(separator: "\n")
        let items = view.items.map { item(view, $0) }.joined(separator: "\n")
        let notes = view.notes.map { "<li>\(HTMLText.escape(noteLine($0), lineBreaks: true))</li>" }.joined(separator: "\n")
        let devices = view.devices.map { "<li>\(HTMLText.escape(deviceLine($0)))</li>" }.joined(separator: "\n")
        let turnOptions = view.here.map { name in
            "<option value=\"\(HTMLText.escape("/turn " + name))\">\(HTMLText.escape(name))</option>"
        }.joined(separator: "\n")
        return document(title: "Presenter: " + view.title, body: """
            <header><p id="title">\(HTMLText.escape(view.title))</p><p id="save">\(HTMLText.escape(saveLine(view)))</p></header>
            <p id="answer" role="status" aria-live="polite">\(HTMLText.escape(notice ?? ""))</p>
            <main>
            <section aria-labelledby="stage">
            <h1 id="stage">\(HTMLText.escape(heading))</h1>
            <p id="question">\(HTMLText.escape(now?.question ?? ""))</p>
            <ul id="prompts">
            \(prompts)
            </ul>
            <p id="clock" class="\(view.timer.over ? "over" : "")">\(HTMLText.escape(view.timer.text))</p>
            <p id="budget">\(HTMLText.escape(budgetLine(view)))</p>
            <p id="turn">\(HTMLText.escape(turnLine(view)))</p>
            </section>
            <section aria-label="Controls" class="controls">
            \(button("/back", "Back"))\(button("/next", "Next stage"))
            \(button("/timer -1", "−1 min"))\(button("/timer +1", "+1 min"))\(button("/timer pause", "Pause timer"))\(button("/timer resume", "Resume timer"))
            \(button("/pass", "Pass"))
            <form class="cmd" method="post" action="/presenter/command">
            <label for="turn-to">Give the turn to</label>
            <select id="turn-to" name="line">
            \(turnOptions)
            </select>
            <button type="submit">Give the turn</button>
            </form>
            \(button("/floor open", "Open the floor"))\(button("/floor turns", "Back to turns"))\(button("/reveal", "Reveal the dots"))
            </section>
            <section aria-labelledby="next-h"><h2 id="next-h">Next</h2><ol id="next">
            \(next)
            </ol></section>
            <section aria-labelledby="spoken-h"><h2 id="spoken-h">Who has spoken</h2>
            <p>This stage: <span id="spoken-here">\(HTMLText.escape(names(view.speaking.spokenHere)))</span></p>
            <p>Not yet in this stage: <span id="silent-here">\(HTMLText.escape(names(view.speaking.silentHere)))</span></p>
            <p>Not yet at all: <span id="silent-overall">\(HTMLText.escape(names(view.speaking.silentOverall)))</span></p>
            <ul id="balance">
            \(balance)
            </ul></section>
            <section aria-labelledby="notes-h"><h2 id="notes-h">Private notes</h2>
            <form class="cmd" id="note-form" method="post" action="/presenter/command">
            <label for="note">A note for you only (kept in the log, never on the screen)</label>
            <textarea id="note" name="note" rows="3" maxlength="2000"></textarea>
            <button type="submit">Keep note</button>
            </form>
            <ul id="notes">
            \(notes)
            </ul></section>
            <section aria-labelledby="items-h"><h2 id="items-h">Said in this stage</h2><ul id="items">
            \(items)
            </ul></section>
            <section aria-labelledby="devices-h"><h2 id="devices-h">Devices connected</h2><ul id="devices">
            \(devices)
            </ul></section>
            </main>
            <script src="/presenter/app.js"></script>
            """)
    }

    /// A page that says why the presenter view is not shown.
    static func refusal(_ text: String) -> String {
        document(title: "Presenter", body: "<h1>Presenter</h1>\n<p role=\"alert\">\(HTMLText.escape(text))</p>")
    }

    // MARK: Lines (the script writes the same words)

    static func stageLine(_ stage: PresenterView.Stage) -> String {
        (stage.number.map { "\($0). " } ?? "") + stage.name + (stage.minutes.map { " · \($0) min" } ?? "")
            + (stage.question.map { " — " + $0 } ?? "")
    }

    static func budgetLine(_ view: PresenterView) -> String { "Session: " + view.budget.text }

    static func turnLine(_ view: PresenterView) -> String {
        if view.ended { return "The session has ended." }
        return view.turn.map { "Turn: " + $0 } ?? ""
    }

    static func saveLine(_ view: PresenterView) -> String { view.save == "saved" ? "All saved" : view.save }

    static func names(_ list: [String]) -> String { list.isEmpty ? "—" : list.joined(separator: ", ") }

    static func shareLine(_ share: PresenterView.Share) -> String {
        "\(share.participant): \(share.contributions) (\(share.percent)%)"
    }

    static func noteLine(_ note: PresenterView.Note) -> String { "#\(note.id) (\(note.stage)) \(note.text)" }

    static func deviceLine(_ device: PresenterView.Device) -> String { "\(device.number) \(device.name ?? "(no name)")" }

    static func itemLine(_ item: PresenterView.Item) -> String {
        "#\(item.id) " + (item.author.map { $0 + " " } ?? "") + "(\(item.kind)) " + item.text
    }

    /// A contribution with its controls: retract, and say what it is.
    private static func item(_ view: PresenterView, _ item: PresenterView.Item) -> String {
        let kinds = view.kinds.filter { $0 != item.kind }.map { kind in
            "<option value=\"/kind \(item.id) \(kind)\">\(kind)</option>"
        }.joined()
        let rekind = kinds.isEmpty ? "" : """
            <form class="cmd" method="post" action="/presenter/command"><select name="line" aria-label="Kind of #\(item.id)">\(kinds)</select>\
            <button type="submit">Re-kind</button></form>
            """
        return "<li><span>\(HTMLText.escape(itemLine(item), lineBreaks: true))</span>"
            + button("/undo \(item.id)", "Retract") + rekind + "</li>"
    }

    private static func button(_ line: String, _ label: String) -> String {
        "<form class=\"cmd\" method=\"post\" action=\"/presenter/command\"><input type=\"hidden\" name=\"line\" value=\"\(HTMLText.escape(line))\">"
            + "<button type=\"submit\">\(label)</button></form>"
    }

    private static func document(title: String, body: String) -> String {
        JoinPage.document(title: title, body: body, stylesheet: "/presenter/app.css")
    }

    static let style = """
        body { font-family: system-ui, sans-serif; line-height: 1.4; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
        header { display: flex; justify-content: space-between; color: #444; }
        header p { margin: 0; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        #clock { font-size: 4rem; font-weight: bold; font-variant-numeric: tabular-nums; margin: 0.5rem 0; }
        #clock.over { text-decoration: underline; }
        #budget, #turn { font-size: 1.2rem; font-weight: bold; }
        .controls form { display: inline-block; margin: 0.2rem; }
        .controls label { display: inline; }
        #items form { display: inline-block; margin-left: 0.5rem; }
        button, select { font-size: 1.1rem; padding: 0.4rem 0.9rem; }
        label { display: block; font-weight: bold; margin: 0.5rem 0 0.25rem; }
        textarea { width: 100%; box-sizing: border-box; font-size: 1.1rem; padding: 0.4rem; }
        #answer { min-height: 1.4rem; padding: 0.4rem; background: #eef4ff; }
        #answer:empty { background: none; }
        @media (prefers-color-scheme: dark) { body { color: #eee; background: #111; } header { color: #bbb; } #answer { background: #123; } }

        """

    /// Keeps the page live and sends in place. No framework; `textContent` only.
    static let script = """
        "use strict";
        (function () {
          var answer = document.getElementById("answer");
          function el(tag, words) { var e = document.createElement(tag); if (words !== undefined) { e.textContent = words; } return e; }
          // A list is rebuilt only when what it shows changed: the clock ticks each second, and
          // a select open in a rebuilt list would close under the facilitator's finger.
          var shown = {};
          function fill(id, items, make) {
            var key = JSON.stringify(items);
            if (shown[id] === key) { return; }
            shown[id] = key;
            var list = document.getElementById(id);
            while (list.firstChild) { list.removeChild(list.firstChild); }
            items.forEach(function (item) { list.appendChild(make(item)); });
          }
          function text(id, words) { var e = document.getElementById(id); if (e.textContent !== words) { e.textContent = words; } }
          function names(list) { return list.length ? list.join(", ") : "—"; }
          function stageLine(s) {
            return (s.number ? s.number + ". " : "") + s.name + (s.minutes ? " · " + s.minutes + " min" : "") + (s.question ? " — " + s.question : "");
          }
          function form(children) {
            var f = el("form"); f.className = "cmd"; f.method = "post"; f.action = "/presenter/command";
            children.forEach(function (c) { f.appendChild(c); }); return f;
          }
          function button(line, label) {
            var hidden = el("input"); hidden.type = "hidden"; hidden.name = "line"; hidden.value = line;
            var b = el("button", label); b.type = "submit";
            return form([hidden, b]);
          }
          function item(v, it) {
            var li = el("li");
            li.appendChild(el("span", "#" + it.id + " " + (it.author ? it.author + " " : "") + "(" + it.kind + ") " + it.text));
            li.appendChild(button("/undo " + it.id, "Retract"));
            var kinds = v.kinds.filter(function (k) { return k !== it.kind; });
            if (kinds.length) {
              var select = el("select"); select.name = "line"; select.setAttribute("aria-label", "Kind of #" + it.id);
              kinds.forEach(function (k) { var o = el("option", k); o.value = "/kind " + it.id + " " + k; select.appendChild(o); });
              var b = el("button", "Re-kind"); b.type = "submit";
              li.appendChild(form([select, b]));
            }
            return li;
          }
          function show(v) {
            var now = v.stages[0];
            text("save", v.save === "saved" ? "All saved" : v.save);
            text("stage", (now.number ? now.number + ". " : "") + now.name);
            text("question", now.question || "");
            fill("prompts", now.prompts, function (p) { return el("li", p); });
            text("clock", v.timer.text);
            document.getElementById("clock").className = v.timer.over ? "over" : "";
            text("budget", "Session: " + v.budget.text);
            text("turn", v.ended ? "The session has ended." : (v.turn ? "Turn: " + v.turn : ""));
            fill("next", v.stages.slice(1), function (s) { return el("li", stageLine(s)); });
            text("spoken-here", names(v.speaking.spokenHere));
            text("silent-here", names(v.speaking.silentHere));
            text("silent-overall", names(v.speaking.silentOverall));
            fill("balance", v.speaking.balance, function (s) { return el("li", s.participant + ": " + s.contributions + " (" + s.percent + "%)"); });
            fill("notes", v.notes, function (n) { return el("li", "#" + n.id + " (" + n.stage + ") " + n.text); });
            fill("devices", v.devices, function (d) { return el("li", d.number + " " + (d.name || "(no name)")); });
            var select = document.getElementById("turn-to");
            var chosen = select.value;
            fill("turn-to", v.here, function (name) { var o = el("option", name); o.value = "/turn " + name; return o; });
            if (chosen) { select.value = chosen; }
            fill("items", v.items.map(function (it) { return { it: it, kinds: v.kinds }; }), function (x) { return item(x, x.it); });
          }
          document.addEventListener("submit", function (e) {
            var f = e.target;
            if (!f.classList || !f.classList.contains("cmd")) { return; }
            e.preventDefault();
            var buttons = f.querySelectorAll("button");
            buttons.forEach(function (b) { b.disabled = true; });
            var body = new URLSearchParams(new FormData(f));
            fetch("/presenter/command", { method: "POST", body: body, headers: { "Accept": "application/json" }, credentials: "same-origin" })
              .then(function (r) {
                if (r.status === 403) { location.assign("/presenter"); throw new Error("not signed in"); }
                return r.json();
              })
              .then(function (a) {
                answer.textContent = a.message;
                if (a.status === "done" && f.id === "note-form") { document.getElementById("note").value = ""; }
              })
              .catch(function () { answer.textContent = "No answer from the session."; })
              .then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
          });
          var events = new EventSource("/presenter/events");
          events.onmessage = function (e) { show(JSON.parse(e.data)); };
        })();

        """
}
