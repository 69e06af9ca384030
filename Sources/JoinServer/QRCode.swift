import CQRencode

/// A QR code from libqrencode, as modules and as text in half blocks for the terminal.
public struct QRCode: Equatable, Sendable {
    /// Modules per side, without the quiet zone.
    public let width: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// The code for `text` (8-bit mode, error correction M), or nil when libqrencode refuses
    /// it (too long for any version).
    public init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        self.width = width
        // Bit 0 of each byte: dark. The other bits say what the module is for.
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < width, column >= 0, column < width else { return false }
        return modules[row * width + column]
    }

    /// The quiet zone a reader needs around the code, in modules.
    public static let quietZone = 4

    /// Lines of half blocks, two rows of modules to a line, quiet zone included: dark modules
    /// as ink on a light background, so the terminal's default colours must be dark on light
    /// or the caller inverts (`inverted` draws light modules as ink, for a dark terminal).
    public func halfBlocks(inverted: Bool = true) -> [String] {
        let zone = Self.quietZone
        let side = width + 2 * zone
        var lines: [String] = []
        for pair in stride(from: 0, to: side, by: 2) {
            var line = ""
            for column in 0..<side {
                let top = isDark(row: pair - zone, column: column - zone) != inverted
                let bottom = pair + 1 < side && isDark(row: pair + 1 - zone, column: column - zone) != inverted
                line.unicodeScalars.append(Self.glyph(top: top, bottom: bottom))
            }
            lines.append(line)
        }
        return lines
    }

    /// The half-block character with ink in the top, the bottom, both or neither.
    static func glyph(top: Bool, bottom: Bool) -> Unicode.Scalar {
        switch (top, bottom) {
        case (true, true): "\u{2588}"   // █
        case (true, false): "\u{2580}"  // ▀
        case (false, true): "\u{2584}"  // ▄
        case (false, false): " "
        }
    }
}
