import Export
import SensemakingCore

/// The one page a device sees, written here (never read from disk): plain HTML that works
/// without script (forms post and the page comes back), large text, labels, and an
/// `aria-live` region that says when it is your turn. The script (`script`) only keeps it
/// live over Server-Sent Events and sends without leaving the page; it sets text with
/// `textContent` only. Every text from the session passes through `HTMLText.escape`.
enum JoinPage {
    /// The page before a device has joined: the short code typed by hand.
    static func join(notice: String? = nil) -> String {
        document(title: "Join the session", body: """
            <h1>Join the session</h1>
            \(paragraph(notice, role: "alert"))
            <form method="post" action="/join">
            <label for="code">Join code (on the room's screen)</label>
            <input id="code" name="code" inputmode="numeric" autocomplete="off" maxlength="6" required>
            <button type="submit">Join</button>
            </form>
            """)
    }

    /// Picking a name from who is here, or adding one's own.
    static func pickName(_ view: ParticipantView, notice: String? = nil) -> String {
        let choices = view.here.enumerated().map { index, name in
            let escaped = HTMLText.escape(name)
            return "<li><input type=\"radio\" name=\"name\" id=\"n\(index)\" value=\"\(escaped)\" required>"
                + "<label for=\"n\(index)\">\(escaped)</label></li>"
        }.joined(separator: "\n")
        let pick = view.here.isEmpty ? "<p>No one is here yet: add your name.</p>" : """
            <form method="post" action="/name">
            <fieldset><legend>Who are you?</legend><ul class="names">
            \(choices)
            </ul></fieldset>
            <button type="submit">This is me</button>
            </form>
            """
        return document(title: "Who are you? " + view.title, body: """
            <h1>\(HTMLText.escape(view.title))</h1>
            \(paragraph(notice, role: "alert"))
            \(pick)
            <form method="post" action="/name">
            <label for="add">Not on the list? Your name</label>
            <input id="add" name="add" autocomplete="name" maxlength="40" required>
            <button type="submit">Add me</button>
            </form>
            """)
    }

    /// The session as this device sees it, with a send form carrying a fresh `key`.
    static func session(_ view: ParticipantView, key: String, notice: String? = nil) -> String {
        let stage = view.stage
        let heading = (stage.number.map { "\($0). " } ?? "") + stage.name
        let prompts = stage.prompts.map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n")
        let mine = view.mine.map { "<li>#\($0.id) \(HTMLText.escape($0.text, lineBreaks: true))</li>" }.joined(separator: "\n")
        let board = boardSection(view.board, key: Secrets.random128())
        return document(title: view.title, body: """
            <header><p id="title">\(HTMLText.escape(view.title))</p>\
            <p id="you">\(view.you.map { "You: " + HTMLText.escape($0) } ?? "")</p></header>
            <main>
            <h1 id="stage">\(HTMLText.escape(heading))</h1>
            <p id="question">\(HTMLText.escape(stage.question ?? ""))</p>
            <ul id="prompts">
            \(prompts)
            </ul>
            <p id="turn" aria-live="polite" role="status">\(HTMLText.escape(turnText(view)))</p>
            \(paragraph(notice, role: "alert", id: "notice"))
            <form id="send" method="post" action="/send">
            <label for="text">Your contribution</label>
            <textarea id="text" name="text" rows="5" maxlength="2000"></textarea>
            <input type="hidden" name="key" id="key" value="\(key)">
            <button type="submit" id="send-button">Send</button>
            </form>
            \(board)
            <section aria-labelledby="mine-h"><h2 id="mine-h">What you said</h2><ul id="mine">
            \(mine)
            </ul></section>
            </main>
            <script src="/app.js"></script>
            """)
    }

    /// The plausibility board (hidden outside Plausibility, so the script can show it when the
    /// stage comes): who has voted, and a form with a stepper per story for this device's
    /// dots, private until the reveal. Without script the form posts and the page comes back.
    static func boardSection(_ board: ParticipantView.Board?, key: String) -> String {
        let stories = (board?.stories ?? []).map { story in
            let mine = board?.yours.filter { $0 == story.number }.count ?? 0
            let dots = story.dots.map { "\($0) \($0 == 1 ? "dot" : "dots")" } ?? ""
            return "<li><label for=\"s\(story.number)\">\(story.number). \(HTMLText.escape(story.text, lineBreaks: true))</label>"
                + "<input type=\"number\" id=\"s\(story.number)\" name=\"s\(story.number)\" min=\"0\" max=\"\(board?.dotsEach ?? 0)\" value=\"\(mine)\" inputmode=\"numeric\">"
                + " <span class=\"dots\">\(dots)</span></li>"
        }.joined(separator: "\n")
        return """
            <section id="board-section" aria-labelledby="board-h"\(board == nil ? " hidden" : "")><h2 id="board-h">The board</h2>
            <p id="votes" role="status">\(HTMLText.escape(board.map(votesText) ?? ""))</p>
            <form id="dots" method="post" action="/dots">
            <p id="dots-help">\(HTMLText.escape(board.map(dotsHelp) ?? ""))</p>
            <ol id="board">
            \(stories)
            </ol>
            <input type="hidden" name="key" id="dots-key" value="\(key)">
            <button type="submit" id="dots-button">Place my dots</button>
            </form>
            </section>
            """
    }

    /// Who has voted, never how, until the reveal.
    static func votesText(_ board: ParticipantView.Board) -> String {
        if board.revealed { return "The dots are revealed." }
        let hidden = "Dots stay hidden until everyone has voted."
        return board.voted.isEmpty ? hidden : "Voted: " + board.voted.joined(separator: ", ") + ". " + hidden
    }

    static func dotsHelp(_ board: ParticipantView.Board) -> String {
        "You have \(board.dotsEach) \(board.dotsEach == 1 ? "dot" : "dots"): put them on the stories you find most plausible (more than one on a story if you like)."
    }

    /// What the live region says: the device's own turn first, in words a screen reader reads.
    static func turnText(_ view: ParticipantView) -> String {
        if view.ended { return "The session has ended. Thank you." }
        if view.stage.takes == nil { return "Wait for the first stage to begin." }
        if view.floorOpen == true { return "The floor is open: send when ready." }
        if view.yourTurn { return view.anonymous ? "Anyone may send." : "Your turn: send when ready." }
        if let turn = view.turn { return "\(turn)'s turn. Draft now; send on your turn." }
        return "Waiting for the facilitator."
    }

    private static func paragraph(_ text: String?, role: String, id: String? = nil) -> String {
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        guard let text else { return "<p\(idAttribute) role=\"\(role)\"></p>" }
        return "<p\(idAttribute) role=\"\(role)\">\(HTMLText.escape(text))</p>"
    }

    /// A whole page around `body`, with its stylesheet (the presenter page has its own).
    static func document(title: String, body: String, stylesheet: String = "/app.css") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" href="\(stylesheet)">
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let style = """
        html { font-size: 125%; }
        body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.2rem; }
        header p { margin: 0; color: #444; }
        label, legend { display: block; font-weight: bold; margin: 1rem 0 0.25rem; }
        textarea, input[name=code] { width: 100%; box-sizing: border-box; font-size: 1.2rem; padding: 0.5rem; }
        button { font-size: 1.2rem; padding: 0.6rem 1.4rem; margin-top: 0.5rem; }
        button:disabled { opacity: 0.5; }
        #turn { font-weight: bold; font-size: 1.2rem; padding: 0.5rem; border-left: 0.3rem solid #06c; }
        [role=alert]:empty { display: none; }
        [role=alert] { padding: 0.5rem; background: #fff4d6; }
        ul.names { list-style: none; padding: 0; }
        ul.names label { display: inline; font-weight: normal; }
        .dots { color: #444; }
        #board li { margin: 0.75rem 0; }
        #board label { display: block; font-weight: normal; margin: 0; }
        #board input { font-size: 1.2rem; width: 4rem; padding: 0.3rem; }
        @media (prefers-color-scheme: dark) { body { color: #eee; background: #111; } header p, .dots { color: #bbb; } [role=alert] { background: #432; } }

        """

    /// Keeps the page live and sends in place. No framework; `textContent` only.
    static let script = """
        "use strict";
        (function () {
          var form = document.getElementById("send");
          if (!form) { return; }
          var text = document.getElementById("text");
          var key = document.getElementById("key");
          var notice = document.getElementById("notice");
          var button = document.getElementById("send-button");
          function fill(id, items, make) {
            var list = document.getElementById(id);
            if (!list) { return; }
            while (list.firstChild) { list.removeChild(list.firstChild); }
            items.forEach(function (item) { list.appendChild(make(item)); });
          }
          function li(words) { var el = document.createElement("li"); el.textContent = words; return el; }
          function turnText(v) {
            if (v.ended) { return "The session has ended. Thank you."; }
            if (v.stage.takes === null || v.stage.takes === undefined) { return "Wait for the first stage to begin."; }
            if (v.floorOpen) { return "The floor is open: send when ready."; }
            if (v.yourTurn) { return v.anonymous ? "Anyone may send." : "Your turn: send when ready."; }
            if (v.turn) { return v.turn + "'s turn. Draft now; send on your turn."; }
            return "Waiting for the facilitator.";
          }
          function show(v) {
            document.getElementById("stage").textContent = (v.stage.number ? v.stage.number + ". " : "") + v.stage.name;
            document.getElementById("question").textContent = v.stage.question || "";
            fill("prompts", v.stage.prompts, li);
            var turn = turnText(v);
            var live = document.getElementById("turn");
            if (live.textContent !== turn) { live.textContent = turn; }
            fill("mine", v.mine, function (m) { return li("#" + m.id + " " + m.text); });
            showBoard(v.board);
          }
          // The board: rebuilt only when its stories change, keeping what this person set.
          var boardSection = document.getElementById("board-section");
          var dotsForm = document.getElementById("dots");
          var dotsButton = document.getElementById("dots-button");
          var dotsKey = document.getElementById("dots-key");
          var shownStories = "";
          var edited = false;
          function showBoard(b) {
            boardSection.hidden = !b;
            if (!b) { return; }
            document.getElementById("votes").textContent = b.revealed ? "The dots are revealed."
              : (b.voted.length ? "Voted: " + b.voted.join(", ") + ". " : "") + "Dots stay hidden until everyone has voted.";
            document.getElementById("dots-help").textContent = "You have " + b.dotsEach + (b.dotsEach === 1 ? " dot" : " dots")
              + ": put them on the stories you find most plausible (more than one on a story if you like).";
            var signature = JSON.stringify(b.stories.map(function (s) { return [s.number, s.text]; })) + b.dotsEach;
            if (signature !== shownStories) {
              var kept = {};
              Array.prototype.forEach.call(document.querySelectorAll("#board input"), function (i) { kept[i.name] = i.value; });
              fill("board", b.stories, function (s) {
                var el = document.createElement("li");
                var label = document.createElement("label");
                label.htmlFor = "s" + s.number;
                label.textContent = s.number + ". " + s.text;
                var input = document.createElement("input");
                input.type = "number"; input.id = "s" + s.number; input.name = "s" + s.number;
                input.min = "0"; input.max = String(b.dotsEach); input.inputMode = "numeric";
                input.value = kept[input.name] || "0";
                var count = document.createElement("span");
                count.className = "dots";
                el.appendChild(label); el.appendChild(input); el.appendChild(document.createTextNode(" ")); el.appendChild(count);
                return el;
              });
              shownStories = signature;
            }
            b.stories.forEach(function (s) {
              var input = document.getElementById("s" + s.number);
              if (!edited) { input.value = String(b.yours.filter(function (n) { return n === s.number; }).length); }
              input.disabled = b.revealed;
              var count = input.parentNode.querySelector(".dots");
              count.textContent = s.dots === null || s.dots === undefined ? "" : s.dots + (s.dots === 1 ? " dot" : " dots");
            });
            dotsButton.disabled = b.revealed;
          }
          dotsForm.addEventListener("input", function () { edited = true; });
          dotsForm.addEventListener("submit", function (e) {
            e.preventDefault();
            post("/dots", new URLSearchParams(new FormData(dotsForm)), dotsButton, function (answer) {
              if (answer.status === "sent") { edited = false; dotsKey.value = answer.nextKey; }
            });
          });
          function post(path, body, button, sent) {
            button.disabled = true;
            notice.textContent = "Sending…";
            fetch(path, { method: "POST", body: body, headers: { "Accept": "application/json" }, credentials: "same-origin" })
              .then(function (r) {
                if (r.status === 403) { location.assign("/"); throw new Error("not joined"); }
                return r.json();
              })
              .then(function (answer) { notice.textContent = answer.message; sent(answer); })
              .catch(function () { notice.textContent = "Not sent: no answer. Send again; it will not be saved twice."; })
              .then(function () { button.disabled = false; });
          }
          var events = new EventSource("/events");
          events.onmessage = function (e) { show(JSON.parse(e.data)); };
          // Closed (not reconnecting) means the server said no: this device was removed, so
          // the page says how to join again.
          events.onerror = function () { if (events.readyState === EventSource.CLOSED) { location.assign("/"); } };
          form.addEventListener("submit", function (e) {
            e.preventDefault();
            var body = new URLSearchParams();
            body.set("text", text.value);
            body.set("key", key.value);
            post("/send", body, button, function (answer) {
              if (answer.status === "sent") { text.value = ""; key.value = answer.nextKey; }
            });
          });
        })();

        """
}
