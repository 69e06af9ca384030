@testable import SessionLog

extension MarkdownText {
    /// The lines of `text`, each escaped: `escapeBlock` with a line feed between lines (an
    /// escaped line never holds one of its own).
    static func escapedLines(_ text: String) -> [String] {
        escapeBlock(text, separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The long way, the reference for the byte path: the text split at line-feed scalars,
    /// each line escaped scalar by scalar, `separator` between.
    static func escapeByScalars(_ text: String, separator: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var line: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                escapeLine(line, into: &out)
                out += separator
                line = []
            } else {
                line.append(scalar)
            }
        }
        escapeLine(line, into: &out)
        return out
    }
}
