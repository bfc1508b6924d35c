/// A canvas of 8-bit RGB pixels: the target of the PNG writer.
///
/// Filled rectangles and images cover the pixels whose centres they contain (so integer rectangles
/// give crisp edges), strokes are anti-aliased (see `stroke`), and text uses the built-in bitmap font.
public struct Raster: Hashable, Sendable {
    /// Pixels per row.
    public let width: Int
    /// Number of rows.
    public let height: Int
    /// `width * height * 3` bytes, row-major from the top-left pixel, red then green then blue.
    public private(set) var bytes: [UInt8]

    /// A canvas filled with `background`.
    ///
    /// - Precondition: both sizes are positive.
    public init(width: Int, height: Int, background: Color = .white) {
        precondition(width > 0 && height > 0, "Raster: size \(width)x\(height) must be positive")
        self.width = width
        self.height = height
        bytes = Array(repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            bytes[3 * index] = background.red
            bytes[3 * index + 1] = background.green
            bytes[3 * index + 2] = background.blue
        }
    }

    /// The colour of the pixel at column `x`, row `y`.
    ///
    /// - Precondition: `(x, y)` lies inside the canvas.
    public subscript(x: Int, y: Int) -> Color {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height,
                         "Raster: pixel (\(x), \(y)) outside \(width)x\(height)")
            let index = 3 * (y * width + x)
            return Color(red: bytes[index], green: bytes[index + 1], blue: bytes[index + 2])
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height,
                         "Raster: pixel (\(x), \(y)) outside \(width)x\(height)")
            let index = 3 * (y * width + x)
            bytes[index] = newValue.red
            bytes[index + 1] = newValue.green
            bytes[index + 2] = newValue.blue
        }
    }

    /// The columns and rows whose pixel centres lie in `rect`, cut to the canvas.
    func pixelRanges(covering rect: Rect) -> (columns: Range<Int>, rows: Range<Int>) {
        func span(_ low: Double, _ high: Double, limit: Int) -> Range<Int> {
            guard !low.isNaN, !high.isNaN else { return 0..<0 }
            let first = Int(min(max((low - 0.5).rounded(.up), 0), Double(limit)))
            let last = Int(min(max((high - 0.5).rounded(.down) + 1, 0), Double(limit)))
            return first..<max(first, last)
        }
        return (span(rect.x, rect.maxX, limit: width), span(rect.y, rect.maxY, limit: height))
    }

    /// Paints every pixel whose centre lies in `rect`.
    public mutating func fill(_ rect: Rect, with color: Color) {
        let (columns, rows) = pixelRanges(covering: rect)
        for y in rows {
            for x in columns { self[x, y] = color }
        }
    }

    /// Paints `image` stretched over `frame`, each pixel taking the nearest source pixel.
    public mutating func draw(_ image: GrayscaleImage, in frame: Rect) {
        guard frame.width > 0, frame.height > 0 else { return }
        let (columns, rows) = pixelRanges(covering: frame)
        for y in rows {
            let sourceY = min(Int((Double(y) + 0.5 - frame.y) / frame.height * Double(image.height)), image.height - 1)
            for x in columns {
                let sourceX = min(Int((Double(x) + 0.5 - frame.x) / frame.width * Double(image.width)), image.width - 1)
                self[x, y] = Color(gray: image[sourceX, sourceY])
            }
        }
    }

    /// Writes one line of `text` in the built-in font, each font pixel a `scale` x `scale` square.
    ///
    /// `position` (rounded to whole pixels) is the anchor on the top edge of the text cell;
    /// `rotated` turns the text a quarter-turn anticlockwise about it, to read bottom to top.
    public mutating func draw(_ text: String, at position: Point, scale: Int, color: Color,
                              anchor: TextAnchor = .start, rotated: Bool = false) {
        let textWidth = Int(BitmapFont.width(of: text, scale: scale))
        let start = switch anchor {
        case .start: 0
        case .middle: -textWidth / 2
        case .end: -textWidth
        }
        let anchorX = Int(position.x.rounded()), anchorY = Int(position.y.rounded())
        for (index, character) in text.enumerated() {
            let glyphStart = start + index * BitmapFont.advance * scale
            for row in 0..<BitmapFont.glyphHeight {
                for column in 0..<BitmapFont.glyphWidth where BitmapFont.hasInk(character, column: column, row: row) {
                    // (along, down) is the block's corner in the text's own frame.
                    let along = glyphStart + column * scale, down = row * scale
                    let block = rotated
                        ? Rect(x: Double(anchorX + down), y: Double(anchorY - along - scale),
                               width: Double(scale), height: Double(scale))
                        : Rect(x: Double(anchorX + along), y: Double(anchorY + down),
                               width: Double(scale), height: Double(scale))
                    fill(block, with: color)
                }
            }
        }
    }
}
