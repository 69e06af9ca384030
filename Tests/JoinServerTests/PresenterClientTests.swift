import Foundation
@testable import JoinServer
import Testing

@Suite struct PresenterClientTests {
    @Test func readsALinkAndRefusesAnythingElse() throws {
        let client = try PresenterClient(link: "http://127.0.0.1:8766/presenter/s/\(presenterSecret)")
        #expect(client.host == "127.0.0.1")
        #expect(client.port == 8766)
        for bad in ["https://127.0.0.1:8766/presenter/s/X", "http://127.0.0.1:8766/j/X", "http://127.0.0.1/presenter/s/X", "nonsense"] {
            #expect(throws: PresenterClient.Problem.self) { try PresenterClient(link: bad) }
        }
    }

    @Test func parsesAnAnswerWithALengthOrInChunks() throws {
        let plain = try PresenterClient.parse(Array("HTTP/1.1 303 See Other\r\nSet-Cookie: sm_presenter=abc; Path=/presenter\r\nContent-Length: 0\r\n\r\n".utf8))
        #expect(plain.status == 303)
        #expect(plain.headers["set-cookie"] == "sm_presenter=abc; Path=/presenter")
        #expect(plain.body.isEmpty)
        let chunked = try PresenterClient.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n12}\r\n0\r\n\r\n".utf8))
        #expect(String(decoding: chunked.body, as: UTF8.self) == "{\"a\":12}")
        #expect(throws: PresenterClient.Problem.self) { try PresenterClient.parse(Array("HTTP/1.1 200 OK\r\nContent-".utf8)) }
    }

    @Test func theAccessFileIsThisUsersOnlyAndReplacesAStaleOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("presenter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("s.md").path
        let path = PresenterAccess.path(forLog: log)
        // A stale file, readable by all, from a session that died.
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        let link = "http://127.0.0.1:8766/presenter/s/\(presenterSecret)"
        try PresenterAccess.write(link, forLog: log)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try PresenterAccess.read(path) == link)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(throws: PresenterAccess.Problem.self) { try PresenterAccess.read(path) }
        PresenterAccess.remove(forLog: log)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: PresenterAccess.Problem.self) { try PresenterAccess.read(path) }
    }
}
