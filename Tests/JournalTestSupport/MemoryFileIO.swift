import Foundation
import SessionLog
#if canImport(Glibc)
import Glibc
#endif

/// An in-memory disk that knows what would survive a power cut, and fails on cue.
///
/// Each file keeps what reads see (`data`) and what is on the platter (`durable`). A write
/// marks its bytes dirty; a successful fsync copies dirty bytes and the size to the platter.
/// A failed fsync does what Linux does: it marks the dirty pages clean without writing them,
/// so a later fsync that "succeeds" does not bring them back. Folder entries become durable
/// only when the folder is fsynced.
public final class MemoryFileIO: FileIO, @unchecked Sendable {
    public init() {}

    public enum Call: Hashable, Sendable { case open, write, fsync, truncate }

    public enum Failure: Sendable {
        case error(Int32)
        /// write(2) takes half the bytes (at least one) and succeeds.
        case short
        /// write(2) takes nothing and returns 0.
        case zero
        /// write(2) takes half and succeeds; the next write fails with the code.
        case partialThen(Int32)
    }

    public struct Fault: Sendable {
        public var call: Call
        /// 1-based count of calls of that kind on matching paths.
        public var nth: Int
        public var failure: Failure
        /// From the nth call on, not only at it.
        public var persistent = false

        public init(call: Call, nth: Int, failure: Failure, persistent: Bool = false) {
            self.call = call
            self.nth = nth
            self.failure = failure
            self.persistent = persistent
        }
    }

    public final class Node {
        var data: [UInt8] = []
        var dirty: [Bool] = []
        var durable: [UInt8] = []
        var durableSize = 0
        var lockedBy: Int32?
    }

    private struct Open {
        var node: Node?
        var path: String
    }

    public private(set) var names: [String: Node] = [:]
    private var durableNames: [String: Node] = [:]
    public var directories: Set<String> = ["/mem", "/mem/good"]
    private var open: [Int32: Open] = [:]
    private var nextFD: Int32 = 100
    public var faults: [Fault] = []
    /// The paths whose calls are counted (and so can fail); empty: every path.
    public var watched: Set<String> = []
    private(set) var counts: [Call: Int] = [:]
    private var failNextWrite: Int32?

    // MARK: Inspection

    public func exists(_ path: String) -> Bool { names[path] != nil }

    public func contents(_ path: String) -> [UInt8]? { names[path]?.data }

    /// What `path` would hold after a power cut now; nil if it would not exist.
    public func crashImage(_ path: String) -> [UInt8]? {
        guard let node = durableNames[path] else { return nil }
        var image = Array(node.durable.prefix(node.durableSize))
        if image.count < node.durableSize { image += Array(repeating: 0, count: node.durableSize - image.count) }
        return image
    }

    public func put(_ path: String, _ bytes: [UInt8]) {
        let node = Node()
        node.data = bytes
        node.dirty = Array(repeating: false, count: bytes.count)
        node.durable = bytes
        node.durableSize = bytes.count
        names[path] = node
        durableNames[path] = node
    }

    private func fault(_ call: Call, path: String) -> Failure? {
        guard watched.isEmpty || watched.contains(path) else { return nil }
        counts[call, default: 0] += 1
        let n = counts[call]!
        return faults.first { $0.call == call && ($0.nth == n || ($0.persistent && n >= $0.nth)) }?.failure
    }

    /// Calls of `call` so far on watched paths.
    public func calls(_ call: Call) -> Int { counts[call] ?? 0 }

    // MARK: FileIO

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> Int32 {
        if case .error(let code)? = fault(.open, path: path) { throw SystemError("open", code) }
        if flags & O_DIRECTORY != 0 {
            guard directories.contains(path) else { throw SystemError("open", ENOENT) }
            return remember(Open(node: nil, path: path))
        }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard directories.contains(folder) else { throw SystemError("open", ENOENT) }
        if let node = names[path] {
            if flags & O_CREAT != 0 && flags & O_EXCL != 0 { throw SystemError("open", EEXIST) }
            if flags & O_TRUNC != 0 {
                node.data = []
                node.dirty = []
            }
            return remember(Open(node: node, path: path))
        }
        guard flags & O_CREAT != 0 else { throw SystemError("open", ENOENT) }
        let node = Node()
        names[path] = node
        return remember(Open(node: node, path: path))
    }

    private func remember(_ entry: Open) -> Int32 {
        nextFD += 1
        open[nextFD] = entry
        return nextFD
    }

    private func file(_ fd: Int32, _ call: String) throws(SystemError) -> (Node, String) {
        guard let entry = open[fd], let node = entry.node else { throw SystemError(call, EBADF) }
        return (node, entry.path)
    }

    public func write(_ fd: Int32, _ bytes: ArraySlice<UInt8>) throws(SystemError) -> Int {
        let (node, path) = try file(fd, "write")
        if let code = failNextWrite {
            failNextWrite = nil
            throw SystemError("write", code)
        }
        var take = bytes.count
        switch fault(.write, path: path) {
        case .error(let code)?: throw SystemError("write", code)
        case .short?: take = max(1, bytes.count / 2)
        case .zero?: take = 0
        case .partialThen(let code)?:
            take = max(1, bytes.count / 2)
            failNextWrite = code
        case nil: break
        }
        node.data += bytes.prefix(take)
        node.dirty += Array(repeating: true, count: take)
        return take
    }

    public func fsync(_ fd: Int32) throws(SystemError) {
        guard let entry = open[fd] else { throw SystemError("fsync", EBADF) }
        let failure = fault(.fsync, path: entry.path)
        guard let node = entry.node else {
            if case .error(let code)? = failure { throw SystemError("fsync", code) }
            // A folder: its current entries become durable.
            for (name, node) in names where name.hasPrefix(entry.path + "/") { durableNames[name] = node }
            for name in durableNames.keys where name.hasPrefix(entry.path + "/") && names[name] == nil {
                durableNames[name] = nil
            }
            return
        }
        if case .error(let code)? = failure {
            // Linux: the pages are marked clean although they never reached the disk.
            node.dirty = Array(repeating: false, count: node.data.count)
            throw SystemError("fsync", code)
        }
        if node.durable.count < node.data.count {
            node.durable += Array(repeating: 0, count: node.data.count - node.durable.count)
        }
        for index in node.data.indices where node.dirty[index] { node.durable[index] = node.data[index] }
        node.dirty = Array(repeating: false, count: node.data.count)
        node.durableSize = node.data.count
    }

    public func close(_ fd: Int32) throws(SystemError) {
        guard let entry = open.removeValue(forKey: fd) else { throw SystemError("close", EBADF) }
        if let node = entry.node, node.lockedBy == fd { node.lockedBy = nil }
    }

    public func truncate(_ fd: Int32, to length: Int) throws(SystemError) {
        let (node, path) = try file(fd, "ftruncate")
        if case .error(let code)? = fault(.truncate, path: path) { throw SystemError("ftruncate", code) }
        if length < node.data.count {
            node.data.removeLast(node.data.count - length)
            node.dirty.removeLast(node.dirty.count - length)
        }
    }

    public func rename(_ from: String, to: String) throws(SystemError) {
        guard let node = names.removeValue(forKey: from) else { throw SystemError("rename", ENOENT) }
        names[to] = node
    }

    public func unlink(_ path: String) throws(SystemError) {
        guard names.removeValue(forKey: path) != nil else { throw SystemError("unlink", ENOENT) }
    }

    public func lockExclusive(_ fd: Int32) throws(SystemError) -> Bool {
        let (node, _) = try file(fd, "flock")
        if let holder = node.lockedBy, holder != fd { return false }
        node.lockedBy = fd
        return true
    }

    public func read(_ path: String) throws(SystemError) -> [UInt8] {
        guard let node = names[path] else { throw SystemError("open", ENOENT) }
        return node.data
    }

    /// A node's identity is the object itself; its links, the names that point at it.
    private func identity(_ node: Node) -> FileIdentity {
        FileIdentity(device: 1, inode: UInt64(UInt(bitPattern: ObjectIdentifier(node).hashValue)),
                     links: UInt64(names.values.filter { $0 === node }.count))
    }

    public func identity(of fd: Int32) -> FileIdentity? {
        open[fd]?.node.map(identity)
    }

    public func identity(atPath path: String) -> FileIdentity? {
        if directories.contains(path) { return FileIdentity(device: 1, inode: 0, links: 1) }
        return names[path].map(identity)
    }
}
