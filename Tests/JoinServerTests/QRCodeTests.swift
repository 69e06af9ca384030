@testable import JoinServer
import Testing

@Suite struct QRCodeTests {
    @Test func aShortLinkIsAVersion1CodeWithItsThreeFinderPatterns() throws {
        let code = try #require(QRCode("HELLO"))
        #expect(code.width == 21)
        // A finder pattern: a dark 7×7 ring, a light ring inside, a dark 3×3 centre.
        for (top, left) in [(0, 0), (0, 14), (14, 0)] {
            for row in 0..<7 {
                for column in 0..<7 {
                    let ring = max(abs(row - 3), abs(column - 3))
                    #expect(code.isDark(row: top + row, column: left + column) == (ring != 2), "(\(top + row), \(left + column))")
                }
            }
        }
        // The corner opposite the origin has no finder pattern.
        #expect(!(0..<7).allSatisfy { code.isDark(row: 14, column: 14 + $0) })
    }

    @Test func halfBlocksTakeTwoRowsALineWithTheQuietZone() throws {
        let code = try #require(QRCode("HELLO"))
        let lines = code.halfBlocks()
        let side = 21 + 2 * QRCode.quietZone
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.unicodeScalars.count == side })
        // Inverted for a dark terminal: the quiet zone is ink, dark modules are blank.
        #expect(lines[0] == String(repeating: "█", count: side))
        #expect(lines[1] == String(repeating: "█", count: side))
        // Line 2 holds module rows 0 and 1 of the code: the finder's top edge is dark (blank
        // over the row below it, which is dark at the edges and light inside).
        let row01 = Array(lines[2].unicodeScalars).map(String.init)
        #expect(row01[4] == " ")        // dark, dark
        #expect(row01[5] == "▄")        // dark above, light below
        #expect(row01[3] == "█")        // quiet zone
        // Each glyph is what the two modules say, everywhere.
        for (line, text) in lines.enumerated() {
            for (column, glyph) in text.unicodeScalars.enumerated() {
                let top = !code.isDark(row: 2 * line - 4, column: column - 4)
                let bottom = 2 * line + 1 < side && !code.isDark(row: 2 * line - 3, column: column - 4)
                #expect(glyph == QRCode.glyph(top: top, bottom: bottom))
            }
        }
    }

    @Test func theJoinLinkOfTheLongestIPv4AddressIsAVersion3Code() throws {
        let address = ServeAddress(host: "192.168.100.200", port: 65535)
        let link = address.joinLink(secrets)
        #expect(link == "HTTP://192.168.100.200:65535/J/ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let code = try #require(QRCode(link))
        #expect(code.width == 29)
        #expect(code.halfBlocks().count == 19)
    }

    @Test func anHTTPSJoinLinkOfTheLongestIPv4AddressStillFits29Modules() throws {
        let address = ServeAddress(host: "192.168.100.200", port: 65535, tls: TLSFiles(certificate: "c.pem", key: "k.pem"))
        #expect(address.url == "https://192.168.100.200:65535/")
        let link = address.joinLink(secrets)
        #expect(link == "HTTPS://192.168.100.200:65535/J/ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        #expect(try #require(QRCode(link)).width == 29)
    }

    @Test func aTextTooLongForAnyVersionIsNil() {
        #expect(QRCode(String(repeating: "x", count: 4000)) == nil)
    }
}
