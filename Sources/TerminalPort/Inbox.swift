import SensemakingCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Actions from another thread (the next source: a network server in the same process), and
/// the pipe that wakes the loop when one arrives. The terminal's read waits in poll(2) on
/// standard input and the pipe's read end together, so a post wakes it at once and the loop
/// never polls a queue on a timer.
public final class Inbox: Sendable {
    private let waiting = Mutex<[Action]>([])
    /// A byte in the pipe means "look in the inbox"; both ends are non-blocking.
    private let readEnd: Int32
    private let writeEnd: Int32

    /// What `wait` saw.
    public enum Readiness: Equatable, Sendable {
        /// Something was posted: `take()` it.
        case posted
        /// The descriptor waited on is readable.
        case readable
        /// The descriptor waited on hung up or is in error.
        case hungUp
        case timedOut
        /// A signal arrived (a resize, a termination): look again.
        case interrupted
    }

    public init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("Inbox: pipe failed: \(String(cString: strerror(errno)))") }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// From any thread: queues `action` and wakes a `wait`.
    public func post(_ action: Action) {
        waiting.withLock { $0.append(action) }
        var byte: UInt8 = 1
        // A full pipe (EAGAIN) already holds a wake-up; nothing is lost.
        while write(writeEnd, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Everything posted so far, in order, leaving the inbox empty.
    public func take() -> [Action] {
        // The pipe first: a post between the two is then taken now and leaves a byte behind
        // (one spare wake-up), never an action without a byte to wake for it.
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &bytes, bytes.count)
            if count > 0 || (count < 0 && errno == EINTR) { continue }
            break
        }
        return waiting.withLock { actions in
            defer { actions = [] }
            return actions
        }
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a post, or for `descriptor`
    /// to be readable. A post comes first when both are ready, so a flood of keys cannot
    /// hold it back.
    public func wait(for descriptor: Int32?, timeoutMilliseconds: Int32) -> Readiness {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor { fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
        if ready < 0 { return errno == EINTR ? .interrupted : .hungUp }
        if ready == 0 { return .timedOut }
        if fds[0].revents & Int16(POLLIN) != 0 { return .posted }
        let events = fds[1].revents
        if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && events & Int16(POLLIN) == 0 { return .hungUp }
        return .readable
    }
}
