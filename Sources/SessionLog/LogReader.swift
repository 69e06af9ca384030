import Foundation

/// Reads a log without locking it: for `export`, also while a live session appends to it.
/// A record being written at that moment shows up as a torn tail and is left out.
public enum LogReader {
    public static func read(path: String, io: any FileIO = PosixFileIO()) throws(LogError) -> LogContents {
        let bytes: [UInt8]
        do {
            bytes = try io.read(path)
        } catch {
            throw Journal.openError(error, path: path, creating: false)
        }
        do {
            return try LogFormat.decode(bytes: bytes)
        } catch {
            throw error.at(path)
        }
    }

    /// One sentence about a torn tail, or nil when the log ends on a whole record.
    public static func notice(_ contents: LogContents, path: String) -> String? {
        guard let torn = contents.torn else { return nil }
        return "The last record in \(path) (from line \(torn.line)) is incomplete and was left out."
    }
}
