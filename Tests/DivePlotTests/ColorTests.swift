import Testing
@testable import DivePlot

@Suite struct ColorTests {
    @Test func hexRoundTrips() {
        #expect(Color(hex: 0x1F77B4) == Color(red: 0x1F, green: 0x77, blue: 0xB4))
        #expect(Color(hex: 0x0A0B0C).hexString == "#0a0b0c")
    }

    @Test func grayIsClamped() {
        #expect(Color(gray: -1) == .black && Color(gray: 2) == .white && Color(gray: .nan) == .black)
        #expect(Color(gray: 0.5) == Color(red: 128, green: 128, blue: 128))
    }

    @Test func paletteIsTab10() {
        #expect(Color.palette.count == 10 && Set(Color.palette).count == 10)
        #expect(Color.palette[0].hexString == "#1f77b4" && Color.palette[3] == .alert)
    }
}
