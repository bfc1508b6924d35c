/// A figure laid out in pixels: the list of shapes that every output format draws.
///
/// Charts and image grids compute their layout once, as a `Scene`, knowing nothing of how it
/// is drawn; `png()` and `pdf()` hand it to cairo and `svg()` writes the same items as SVG
/// elements, so the formats agree on every position. Items are drawn in order, later ones on top.
/// A pixel is 1/100 inch, as in matplotlib at its default 100 dpi; PNGs are drawn at twice
/// that density.
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
        /// A rectangle filled and/or outlined (a one-pixel outline inside the border), with
        /// corners rounded by `cornerRadius` pixels.
        case rectangle(Rect, fill: Color?, stroke: Color? = nil, cornerRadius: Double = 0)
        /// An anti-aliased polyline through `points` of the given width and dash style, with round
        /// joins and flat ends, drawn only inside `clip` when one is given.
        case line(points: [Point], color: Color, width: Double, style: LineStyle, clip: Rect?)
        /// A filled circle (a data point's marker), drawn only inside `clip` when one is given.
        case marker(center: Point, radius: Double, color: Color, clip: Rect?)
        /// One line of text in DejaVu Sans. `baseline` is the point on the text's baseline that
        /// `anchor` names; `rotated` turns the text a quarter-turn anticlockwise about that point,
        /// so it reads bottom to top (a y-axis label).
        case text(String, baseline: Point, font: Font, color: Color, anchor: TextAnchor, rotated: Bool)
        /// A grayscale image stretched over `frame`, smoothly interpolated.
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
}
