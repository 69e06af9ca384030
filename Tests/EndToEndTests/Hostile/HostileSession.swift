import Foundation
import SensemakingCore
import Testing

/// One session of the real binary in tmux with one hostile text entered at every place a text
/// can enter: the title, a participant and the plan (title, purpose, a stage title, a prompt)
/// from the command line and the plan file, then, typed or pasted, a contribution, `/join`,
/// `/as`, `@NAME text`, `/note`, an unknown `@NAME`, `/when` and `/owner`, and `/end`.
/// Records what was entered where, every screen it waited on, and the raw terminal output.
final class HostileSession {
    let hostile: HostileText
    let label: String
    let tmux: Tmux
    let log: String
    /// What went in, by place, before the program cleaned it.
    var title = "", participant = "", planTitle = "", purpose = "", stageTitle = "", prompt = ""
    var contributions: [String] = []
    var joined = "", speakingAs = "", when = "", owner = ""
    /// Every screen captured while the session ran.
    var screens: [String] = []
    var paneTitle = ""
    var exitStatus: Int32 = -1
    private var steps = 0

    init(_ hostile: HostileText, number: Int) throws {
        self.hostile = hostile
        label = "H\(number)"
        tmux = try Tmux()
        log = tmux.path("session.md")
    }

    func run() throws {
        title = "T\(label) " + hostile.line(100)
        participant = "P\(label) " + hostile.line(30).replacingOccurrences(of: ",", with: ";")
        planTitle = "PT\(label) " + hostile.line(100)
        purpose = "PU\(label)\n" + hostile.argument
        stageTitle = "S\(label) " + hostile.line(100)
        prompt = "Q\(label)\n" + hostile.argument
        let plan = """
            title: \(Self.yaml(planTitle))
            purpose: \(Self.yaml(purpose))
            stages:
              - element: identity
                title: \(Self.yaml(stageTitle))
                prompts: [\(Self.yaml(prompt))]
              - retrospection
              - enactment

            """
        try plan.write(toFile: tmux.path("plan.yaml"), atomically: true, encoding: .utf8)

        try tmux.start(try Tmux.binary(), [
            "run", "--title", title, "--participants", participant + ",Ana", "--plan", tmux.path("plan.yaml"),
            "--log", log,
        ])
        try tmux.run(["pipe-pane", "-o", "cat >> '\(tmux.path("raw.bin"))'"])
        try tmux.wait(for: "Welcome")
        paneTitle = try tmux.query("#{pane_title}")

        try submitTyped("/next")
        try tmux.wait(for: "Stage 1 of 3")
        try submitPasted(hostile.text)
        contributions.append(hostile.text)
        if hostile.typeable {
            try submitTyped(hostile.text)
            contributions.append(hostile.text)
        }
        joined = "J\(label) " + hostile.line(30)
        try submitPasted("/join " + joined)
        speakingAs = "A\(label) " + hostile.line(60)
        try submitPasted("/as " + speakingAs)
        try submitPasted("@Ana " + hostile.text)
        contributions.append(hostile.text)
        try submitPasted("/note " + hostile.text)
        contributions.append(hostile.text)
        // No such participant (a name /join added from the text's lines cannot start so):
        // an error that echoes it.
        try submitPasted("@Z\(label)" + hostile.line(20) + " x")
        try submitTyped("/next")
        try tmux.wait(for: "Stage 2 of 3")
        when = "W\(label) " + hostile.line(60)
        try submitPasted("/when " + when)
        try submitTyped("/next")
        try tmux.wait(for: "Stage 3 of 3")
        owner = "O\(label) " + hostile.line(30)
        // Someone not in the room, said so with "!" (a name /owner does not know is refused).
        try submitPasted("/owner " + owner + "!")
        try submitTyped("/next")
        try tmux.wait(for: "Close")
        // The participant /join added has not spoken: /end asks once more.
        try tmux.submit("/end")
        try tmux.wait(for: "Enter again closes")
        try tmux.press("Enter")
        exitStatus = try tmux.exitStatus()
    }

    func submitPasted(_ text: String) throws {
        try tmux.paste(text)
        try tmux.press("Enter")
        try settle()
    }

    /// Types as a person would: each line, Ctrl-J between them.
    func submitTyped(_ text: String) throws {
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if index > 0 { try tmux.press("C-j") }
            if !line.isEmpty { try tmux.type(line) }
        }
        try tmux.press("Enter")
        try settle()
    }

    /// Keys are handled in order: once a marker typed after the step shows, the step was
    /// handled and drawn. The screen is kept, and the marker cleared with Ctrl-U.
    private func settle() throws {
        steps += 1
        let marker = "zq\(steps)qz"
        try tmux.type(marker)
        screens.append(try tmux.wait(for: marker))
        try tmux.press("C-u")
    }

    /// A YAML double-quoted scalar with everything but printable ASCII escaped.
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                out += scalar.value <= 0xFFFF ? String(format: "\\u%04X", scalar.value) : String(format: "\\U%08X", scalar.value)
            }
        }
        return out + "\""
    }
}
