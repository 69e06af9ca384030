import Foundation

/// Where a short run of bytes first stands in a longer one: each place its first byte stands
/// is found with `memchr`, and the rest compared with `memcmp`. The log's reader looks for a
/// record marker in every line this way, and an export for the words of personal data in
/// every contribution (a byte-by-byte loop for each word was 59 M of a JSON export's 936 M
/// instructions, docs/performance.md).
public enum ByteSearch {
    /// The offset of the first `needle` in `haystack`, or nil (also for an empty needle).
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let word = needle.baseAddress, needle.count > 0,
              haystack.count >= needle.count else { return nil }
        let lastStart = haystack.count - needle.count
        var offset = 0
        while offset <= lastStart,
              let found = memchr(base + offset, Int32(word[0]), lastStart - offset + 1) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, word, needle.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}
