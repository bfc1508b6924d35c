/// A grayscale picture with intensities in `[0, 1]` (0 black, 1 white), stored row by row.
public struct GrayscaleImage: Hashable, Sendable {
    /// Pixels per row.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// `width * height` intensities, row-major from the top-left pixel; values outside `[0, 1]`
    /// are clamped when drawn.
    public let intensities: [Float]

    /// An image from intensities in `[0, 1]`, row-major.
    ///
    /// - Precondition: `intensities.count == width * height` and both sizes are positive.
    public init(width: Int, height: Int, intensities: [Float]) {
        precondition(width > 0 && height > 0, "GrayscaleImage: size \(width)x\(height) must be positive")
        precondition(intensities.count == width * height,
                     "GrayscaleImage: \(intensities.count) intensities for a \(width)x\(height) image")
        self.width = width
        self.height = height
        self.intensities = intensities
    }

    /// An image from 8-bit pixels (0 black, 255 white), row-major, as the IDX files store them.
    ///
    /// - Precondition: `pixels.count == width * height` and both sizes are positive.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.init(width: width, height: height, intensities: pixels.map { Float($0) / 255 })
    }

    /// The intensity at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Float {
        intensities[y * width + x]
    }
}
