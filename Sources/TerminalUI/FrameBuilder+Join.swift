import SensemakingCore

/// How devices join (`--serve`): a section on Welcome, and `/qr` full screen.
extension FrameBuilder {
    /// The QR code's lines for this theme: ink where the terminal's text colour shows.
    func qrLines(_ join: JoinInfo) -> [String] {
        theme == .light ? join.qrOnLight : join.qrOnDark
    }

    /// The address and the code in words, with the warning plain HTTP needs.
    func joinWords(_ join: JoinInfo) -> [String] {
        ["Join on your phone: \(join.address)  code \(join.code)",
         join.address.hasPrefix("https:") ? "HTTPS: what is sent is encrypted on the network."
                                          : "Plain HTTP: anyone on this network can read what is sent."]
    }

    /// `/qr`: the QR code centred, the address and code under it; when the code does not fit,
    /// the words alone, and how big the terminal must be.
    mutating func drawJoinScreen(top: Int, bottom: Int) {
        guard let join = state.join else { return }
        let code = qrLines(join)
        let words = joinWords(join)
        let codeWidth = code.first.map { DisplayWidth.of($0) } ?? 0
        var lines: [(String, Style)] = []
        if code.count + words.count + 1 <= bottom - top, codeWidth <= width {
            lines = code.map { ($0, Styles.text) } + [("", Styles.text)]
        } else {
            lines = [("The QR code needs \(codeWidth) columns and \(code.count + words.count + 1) rows.", Styles.dim)]
        }
        lines += words.enumerated().map { ($1, $0 == 0 ? Styles.emphasis : Styles.dim) }
        for (offset, line) in lines.enumerated() where top + offset < bottom {
            let x = max(0, (width - DisplayWidth.of(line.0)) / 2)
            frame.put(line.0, line.1, x: x, y: top + offset, limit: width)
        }
    }

    /// The Welcome section: the words always, the QR code too when it fits beside the rest.
    func welcomeJoinLines(rows: Int) -> [Line] {
        guard let join = state.join else { return [] }
        var lines = joinWords(join).flatMap { StyledText($0, Styles.emphasis).wrapped(width: contentWidth) }
        let code = qrLines(join)
        if code.count + lines.count <= rows, let first = code.first, DisplayWidth.of(first) <= contentWidth {
            lines = code.map { Line($0, Styles.text) } + lines
        }
        return lines
    }
}
