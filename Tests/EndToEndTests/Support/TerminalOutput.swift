import Foundation

/// What the program wrote to its terminal, byte for byte (tmux `pipe-pane`), and what
/// in it would be the hostile text acting on the terminal rather than showing as text.
/// (BEL is counted by the caller: the program rings it itself on an error.)
enum TerminalOutput {
    /// Escape sequences ncurses itself sends here (CSI, charset selection, keypad mode,
    /// reverse index, cursor save/restore); any other ESC would be a string sequence (OSC,
    /// DCS, APC, PM, SOS) or a reset that only a hostile text could have brought.
    static let ownEscapes: Set<UInt8> = Set("[()=>M78".utf8)

    /// The problems in `bytes`: empty when nothing hostile reached the terminal.
    static func problems(in bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x1B:
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if !ownEscapes.contains(next) { problems.append("ESC \(Character(Unicode.Scalar(next))) at byte \(index)") }
            case 0x00: problems.append("NUL at byte \(index)")
            case 0x7F: problems.append("DEL at byte \(index)")
            default: break
            }
        }
        // Decoded: C1 controls (UTF-8 C2 80–9F), bidi and zero-width controls.
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars
        where scalar.value >= 0x80 && Hostile.isHostile(scalar) {
            problems.append(String(format: "U+%04X", scalar.value))
        }
        return problems
    }
}
