/// A figure laid out in pixels: the list of shapes that both the PNG and the SVG writer draw.
///
/// Charts and image grids compute their layout once, as a `Scene`; `rasterized()` paints it into
/// a `Raster` (for PNG) and `svg()` writes the same items as SVG elements, so the two formats agree
/// on every position. Items are drawn in order, later ones on top.
public struct Scene: Sendable {
    /// Figure width in pixels.
    public var width: Int
    /// Figure height in pixels.
    public var height: Int
    /// Colour of the whole figure before any item is drawn.
    public var background: Color
    /// The shapes, back to front.
    public var items: [Item]

    /// One shape of a scene.
    public enum Item: Sendable {
        /// A filled rectangle (also used for crisp axis-aligned lines such as axes, ticks and grid).
        case rectangle(Rect, fill: Color)
        /// An anti-aliased polyline through `points` of the given width and dash style, with round
        /// joins and flat ends, drawn only inside `clip` when one is given.
        case line(points: [Point], color: Color, width: Double, style: LineStyle, clip: Rect?)
        /// One line of text in the built-in font at integer `scale`. `position` is the anchor on
        /// the top edge of the text cell; `rotated` turns the text a quarter-turn anticlockwise
        /// about that point, so it reads bottom to top (a y-axis label).
        case text(String, position: Point, scale: Int, color: Color, anchor: TextAnchor, rotated: Bool)
        /// A grayscale image stretched over `frame` with nearest-neighbour sampling (crisp pixels).
        case image(GrayscaleImage, frame: Rect)
    }

    /// An empty scene of the given size.
    ///
    /// - Precondition: both sizes are positive.
    public init(width: Int, height: Int, background: Color = .white, items: [Item] = []) {
        precondition(width > 0 && height > 0, "Scene: size \(width)x\(height) must be positive")
        self.width = width
        self.height = height
        self.background = background
        self.items = items
    }

    /// The scene painted into a pixel buffer.
    public func rasterized() -> Raster {
        var raster = Raster(width: width, height: height, background: background)
        for item in items {
            switch item {
            case let .rectangle(rect, fill):
                raster.fill(rect, with: fill)
            case let .line(points, color, width, style, clip):
                raster.stroke(points, color: color, width: width, style: style, clip: clip)
            case let .text(text, position, scale, color, anchor, rotated):
                raster.draw(text, at: position, scale: scale, color: color, anchor: anchor, rotated: rotated)
            case let .image(image, frame):
                raster.draw(image, in: frame)
            }
        }
        return raster
    }

    /// The scene as a PNG file: 8-bit RGB, deflate-compressed.
    public func png() -> [UInt8] {
        PNG.encode(rasterized())
    }
}
