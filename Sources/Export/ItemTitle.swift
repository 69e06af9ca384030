import Foundation
import SensemakingCore

/// `Contribution.title` from the text's bytes where that is safe: walking a String's UTF-8
/// view for the first line feed was most of a report's items. Anything the bytes cannot
/// settle goes to `Contribution.title`, the definition (`ItemTitleTests` compare them).
enum ItemTitle {
    static func of(_ c: Contribution) -> String {
        var text = c.text
        text.makeContiguousUTF8()
        let fast: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            let count = bytes.count
            guard let hit = memchr(base, Int32(UInt8(ascii: "\n")), count) else {
                if count <= 48 { return text }
                // 49 ASCII bytes without a line feed are 49 Characters: the first 47 are 47 bytes.
                for index in 0..<49 where bytes[index] >= 0x80 { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<47]), as: UTF8.self) + "…"
            }
            let feed = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            // A line feed after text, not after a CR, and not before a non-ASCII scalar.
            guard feed > 0, bytes[feed - 1] != UInt8(ascii: "\r"), feed + 1 == count || bytes[feed + 1] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<feed]), as: UTF8.self)
        }
        return (fast ?? nil) ?? c.title
    }
}
