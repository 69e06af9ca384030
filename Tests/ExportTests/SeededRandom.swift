import TestSupport

extension SplitMix64 {
    /// A text of up to `length` pieces picked from `pieces`.
    mutating func text(from pieces: [String], length: ClosedRange<Int>) -> String {
        (0..<Int.random(in: length, using: &self)).map { _ in pieces.randomElement(using: &self)! }.joined()
    }
}
