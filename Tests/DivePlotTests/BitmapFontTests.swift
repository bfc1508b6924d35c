import Testing
@testable import DivePlot

@Suite struct BitmapFontTests {
    @Test func everyPrintableCharacterButSpaceHasInk() {
        for code in UInt8(33)...126 {
            let character = Character(UnicodeScalar(code))
            #expect(BitmapFont.glyph(for: character) != 0, "'\(character)' has no glyph")
        }
        #expect(BitmapFont.glyph(for: " ") == 0)
    }

    @Test func glyphsStayInsideTheirCell() {
        for code in UInt8(32)...126 {
            #expect(BitmapFont.glyph(for: Character(UnicodeScalar(code))) >> 45 == 0)
        }
    }

    @Test func glyphsAreDistinct() {
        let glyphs = (UInt8(33)...126).map { BitmapFont.glyph(for: Character(UnicodeScalar($0))) }
        #expect(Set(glyphs).count == glyphs.count)
    }

    @Test func capitalsSitOnTheBaselineAndDescendersGoBelow() {
        let lowestRow = { (character: Character) in
            (0..<9).last { row in (0..<5).contains { BitmapFont.hasInk(character, column: $0, row: row) } }
        }
        #expect(lowestRow("E") == 6 && lowestRow("x") == 6)
        #expect(lowestRow("g") == 8 && lowestRow("y") == 8)
    }

    @Test func charactersOutsideASCIIAreABox() {
        #expect(BitmapFont.glyph(for: "µ") == BitmapFont.glyph(for: "€"))
        #expect(BitmapFont.hasInk("€", column: 0, row: 0) && !BitmapFont.hasInk("€", column: 2, row: 3))
    }

    @Test func widthCountsCharacters() {
        #expect(BitmapFont.width(of: "epoch", scale: 2) == 60)
        #expect(BitmapFont.height(scale: 2) == 18)
    }
}
