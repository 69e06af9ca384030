/// A seeded generator for the property tests of this target (SplitMix64): the same texts
/// on every run, so a failure can be run again.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A text of up to `length` pieces picked from `pieces`.
    mutating func text(from pieces: [String], length: ClosedRange<Int>) -> String {
        (0..<Int.random(in: length, using: &self)).map { _ in pieces.randomElement(using: &self)! }.joined()
    }
}
