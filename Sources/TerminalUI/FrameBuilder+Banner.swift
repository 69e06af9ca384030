import Foundation
import SensemakingCore

extension FrameBuilder {
    /// The turn banner: whose turn it is and, at its right end, who has not spoken yet.
    mutating func drawBanner(row: Int) {
        frame.fill(row: row, style: Styles.banner)
        var main = StyledText()
        var side = ""
        if session.stage == .welcome {
            main.append(" Type a name and press Enter · /next to begin ", Styles.bannerBold)
            let count = session.roster.count
            side = count == 0 ? "no one here yet" : "\(count) here"
        } else if let holder = session.turnHolder, let turn = session.turn {
            // Voting: until the reveal closes it, the round is about dots.
            let voting = session.stage.element == .plausibility && !session.revealed
            let asked = state.dotsAskedOfTurnHolder
            let dots = asked > 0 ? " to place \(asked) \(asked == 1 ? "dot" : "dots")" : ""
            // Where the round is: there for the facilitator, behind the name for the room.
            let round = " · \(turn + 1) of \(session.roster.count) "
            let yourTurn = " \(holder) — your turn\(dots)"
            if state.floorOpenToDevices {
                // Devices send out of turn, but Enter at the keyboard still saves as the turn
                // holder's and moves the turn on: both are said, in full when it fits.
                let full = " Floor open: anyone may send from a device ·"
                let fits = DisplayWidth.of(full + yourTurn + round) <= width
                main.append(fits ? full : " Floor open ·", Styles.bannerBold)
            }
            main.append(yourTurn, Styles.bannerBold)
            main.append(round, Styles.banner)
            side = waitingText(dots: voting)
        } else {
            main.append(" No one is here — /join NAME adds a participant ", Styles.bannerBold)
        }
        let end = frame.put(main.characters, styles: main.styles, x: 0, y: row, limit: width)
        if !side.isEmpty {
            let room = width - end - 3
            let text = fitNames(side, width: room)
            if !text.isEmpty {
                frame.put(text, Styles.banner, x: width - 1 - DisplayWidth.of(text), y: row)
            }
        }
    }

    /// Who has not yet spoken in this stage (or placed all their dots, in Plausibility, as the
    /// reveal counts them); nothing in an anonymous session, where contributions carry no names.
    func waitingText(dots: Bool) -> String {
        if session.anonymous { return "" }
        let waiting = dots ? session.yetToPlaceDots : session.roster.filter { !stats.speakers.contains($0) }
        if waiting.isEmpty { return dots ? "all dots placed" : "everyone has spoken" }
        return (dots ? "dots left: " : "yet to speak: ") + waiting.joined(separator: ", ")
    }

    /// "yet to speak: Ana, Ben, Chi" cut to a width at a name, with "+N" for the rest.
    func fitNames(_ text: String, width room: Int) -> String {
        if DisplayWidth.of(text) <= room { return text }
        guard let colon = text.range(of: ": ") else { return "" }
        let label = String(text[..<colon.upperBound])
        let names = text[colon.upperBound...].components(separatedBy: ", ")
        for keep in stride(from: names.count - 1, through: 1, by: -1) {
            let candidate = label + names.prefix(keep).joined(separator: ", ") + " +\(names.count - keep)"
            if DisplayWidth.of(candidate) <= room { return candidate }
        }
        let count = label.replacingOccurrences(of: ": ", with: "") + ": \(names.count)"
        return DisplayWidth.of(count) <= room ? count : ""
    }
}
