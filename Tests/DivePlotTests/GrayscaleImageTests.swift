import Testing
@testable import DivePlot

@Suite struct GrayscaleImageTests {
    @Test func bytesAreScaledToTheUnitInterval() {
        let image = GrayscaleImage(width: 2, height: 1, pixels: [0, 255])
        #expect(image[0, 0] == 0 && image[1, 0] == 1)
    }

    @Test func pixelCountMustMatchTheSize() async {
        await #expect(processExitsWith: .failure) {
            _ = GrayscaleImage(width: 28, height: 28, pixels: [UInt8](repeating: 0, count: 10))
        }
    }
}
