/// Images in rows and columns, each under a title of one or more lines, as the book's
/// `d2l.show_images` draws Fashion-MNIST samples and `predict_ch3` its predictions.
///
/// ```swift
/// let grid = ImageGrid(pixels: samples, width: 28, height: 28,
///                      titles: zip(truth, guesses).map { "\($0)\n\($1)" },
///                      columns: 6, highlighted: wrongIndices)
/// try grid.write(to: "predictions.png")
/// ```
/// Images are scaled up by a whole factor with nearest-neighbour sampling, so pixels stay crisp.
/// Every cell has the size of the largest image and the widest title; the last row may be partly empty.
public struct ImageGrid: Figure, Hashable {
    /// One image and its title.
    public struct Cell: Hashable, Sendable {
        /// The picture.
        public var image: GrayscaleImage
        /// Lines separated by `"\n"` (the book writes `"true\npredicted"`); empty for none.
        public var title: String
        /// Whether the title is drawn in `highlightColor` (a wrong prediction) instead of dark gray.
        public var isHighlighted: Bool

        /// A cell showing `image` under `title`.
        public init(image: GrayscaleImage, title: String = "", isHighlighted: Bool = false) {
            self.image = image
            self.title = title
            self.isHighlighted = isHighlighted
        }
    }

    /// The cells, filled row by row from the top left.
    public var cells: [Cell]
    /// Cells per row.
    public var columns: Int
    /// Screen pixels per image pixel along each side (3 by default: 28x28 becomes 84x84).
    public var scale: Int
    /// Colour of highlighted titles (red by default).
    public var highlightColor: Color

    /// Scale of title text in the built-in font.
    static let textScale = 2
    /// Space around the figure and between cells, in pixels.
    static let gap = 12.0

    /// A grid of `cells` with `columns` per row.
    ///
    /// - Precondition: `columns` and `scale` are positive.
    public init(cells: [Cell], columns: Int, scale: Int = 3, highlightColor: Color = .alert) {
        precondition(columns > 0, "ImageGrid: columns must be positive, got \(columns)")
        precondition(scale > 0, "ImageGrid: scale must be positive, got \(scale)")
        self.cells = cells
        self.columns = columns
        self.scale = scale
        self.highlightColor = highlightColor
    }

    /// A grid of images with one title each (or none when `titles` is empty); cells whose index is
    /// in `highlighted` get the highlight colour.
    ///
    /// - Precondition: `titles` is empty or has one entry per image.
    public init(images: [GrayscaleImage], titles: [String] = [], columns: Int, scale: Int = 3,
                highlighted: Set<Int> = []) {
        precondition(titles.isEmpty || titles.count == images.count,
                     "ImageGrid: \(titles.count) titles for \(images.count) images")
        let cells = images.indices.map { index in
            Cell(image: images[index], title: titles.isEmpty ? "" : titles[index], isHighlighted: highlighted.contains(index))
        }
        self.init(cells: cells, columns: columns, scale: scale)
    }

    /// A grid of 8-bit images of one size (0 black, 255 white), such as rows of an IDX file.
    ///
    /// - Precondition: every image has `width * height` pixels; as `init(images:...)` otherwise.
    public init(pixels: [[UInt8]], width: Int, height: Int, titles: [String] = [], columns: Int,
                scale: Int = 3, highlighted: Set<Int> = []) {
        self.init(images: pixels.map { GrayscaleImage(width: width, height: height, pixels: $0) },
                  titles: titles, columns: columns, scale: scale, highlighted: highlighted)
    }

    /// The grid laid out in pixels: for each cell its centred title lines, then its scaled image.
    public func scene() -> Scene {
        let lineHeight = BitmapFont.height(scale: Self.textScale) + 2
        let titleLines = cells.map { $0.title.isEmpty ? [] : $0.title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let titleWidth = titleLines.joined().map { BitmapFont.width(of: $0, scale: Self.textScale) }.max() ?? 0
        let imageWidth = Double((cells.map(\.image.width).max() ?? 1) * scale)
        let imageHeight = Double((cells.map(\.image.height).max() ?? 1) * scale)
        let titleHeight = Double(titleLines.map(\.count).max() ?? 0) * lineHeight
        let cellWidth = max(imageWidth, titleWidth)
        let cellHeight = titleHeight + (titleHeight > 0 ? 4 : 0) + imageHeight
        let rows = max((cells.count + columns - 1) / columns, 1)
        let usedColumns = max(min(columns, cells.count), 1)
        let width = Self.gap + Double(usedColumns) * (cellWidth + Self.gap)
        let height = Self.gap + Double(rows) * (cellHeight + Self.gap)

        var items: [Scene.Item] = []
        for (index, cell) in cells.enumerated() {
            let left = Self.gap + Double(index % columns) * (cellWidth + Self.gap)
            let top = Self.gap + Double(index / columns) * (cellHeight + Self.gap)
            let centre = (left + cellWidth / 2).rounded()
            for (line, text) in titleLines[index].enumerated() {
                items.append(.text(text, position: Point(x: centre, y: top + Double(line) * lineHeight),
                                   scale: Self.textScale, color: cell.isHighlighted ? highlightColor : .ink,
                                   anchor: .middle, rotated: false))
            }
            let frameWidth = Double(cell.image.width * scale), frameHeight = Double(cell.image.height * scale)
            let frame = Rect(x: (centre - frameWidth / 2).rounded(.down), y: top + cellHeight - imageHeight,
                             width: frameWidth, height: frameHeight)
            items.append(.image(cell.image, frame: frame))
        }
        return Scene(width: Int(width), height: Int(height), items: items)
    }
}
