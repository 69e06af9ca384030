import Foundation
import SensemakingCore
import TerminalPort
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The inbox's wake-up: a post from another thread ends a wait in poll(2) at once.
@Suite struct InboxTests {
    /// A pipe nobody writes to: standard input with nobody typing.
    final class IdleInput {
        let readEnd: Int32
        let writeEnd: Int32
        init() {
            var ends: [Int32] = [-1, -1]
            precondition(pipe(&ends) == 0)
            readEnd = ends[0]
            writeEnd = ends[1]
        }
        deinit {
            close(readEnd)
            close(writeEnd)
        }
    }

    @Test("A post from another thread wakes a read blocked on idle input")
    func wakesBlockedRead() {
        let inbox = Inbox()
        let input = IdleInput()
        let waiting = DispatchSemaphore(value: 0)
        let poster = Thread {
            waiting.wait()
            inbox.post(.paste("from the network"))
        }
        poster.start()
        waiting.signal()
        // A minute is only the test's way out if the wake-up were lost; it returns at once.
        let readiness = inbox.wait(for: input.readEnd, timeoutMilliseconds: 60_000)
        #expect(readiness == .posted)
        #expect(inbox.take() == [.paste("from the network")])
    }

    @Test("Posts from many threads all arrive, each thread's in order")
    func manyThreads() async {
        let inbox = Inbox()
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    for n in 0..<100 { inbox.post(.paste("\(thread)-\(n)")) }
                }
            }
        }
        #expect(inbox.wait(for: nil, timeoutMilliseconds: 0) == .posted)
        let taken = inbox.take()
        #expect(taken.count == 800)
        for thread in 0..<8 {
            let own = taken.compactMap { action -> Int? in
                guard case .paste(let text) = action, text.hasPrefix("\(thread)-") else { return nil }
                return Int(text.dropFirst("\(thread)-".count))
            }
            #expect(own == Array(0..<100))
        }
        // Taken: the inbox is empty and no longer wakes a wait.
        #expect(inbox.take() == [])
        #expect(inbox.wait(for: nil, timeoutMilliseconds: 0) == .timedOut)
    }

    @Test("Input wakes the wait too; a post comes first when both are ready")
    func inputAndPost() {
        let inbox = Inbox()
        let input = IdleInput()
        #expect(inbox.wait(for: input.readEnd, timeoutMilliseconds: 0) == .timedOut)
        var byte: UInt8 = 0x61
        #expect(write(input.writeEnd, &byte, 1) == 1)
        #expect(inbox.wait(for: input.readEnd, timeoutMilliseconds: 0) == .readable)
        inbox.post(.key(.enter))
        #expect(inbox.wait(for: input.readEnd, timeoutMilliseconds: 0) == .posted)
        #expect(inbox.take() == [.key(.enter)])
        #expect(inbox.wait(for: input.readEnd, timeoutMilliseconds: 0) == .readable)
    }

    @Test("A hung-up input is said as such")
    func hungUp() {
        let inbox = Inbox()
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        close(ends[1])
        defer { close(ends[0]) }
        #expect(inbox.wait(for: ends[0], timeoutMilliseconds: 0) == .hungUp)
    }
}
