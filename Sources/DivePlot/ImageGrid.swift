/// Images in rows and columns, each under a title of one or more lines, as the book's
/// `d2l.show_images` draws Fashion-MNIST samples and `predict_ch3` its predictions.
///
/// ```swift
/// let grid = ImageGrid(pixels: samples, width: 28, height: 28,
///                      titles: zip(truth, guesses).map { "\($0)\n\($1)" },
///                      columns: 6, highlighted: wrongIndices)
/// try grid.write(to: "predictions.png")
/// ```
/// Images are scaled up by a whole factor, smoothly interpolated. Every cell has the size of the
/// largest image and the widest title (plus a margin, so that titles never touch); the last row
/// may be partly empty. An optional key above the grid says what the title lines mean.
public struct ImageGrid: Figure, Hashable {
    /// One image and its title.
    public struct Cell: Hashable, Sendable {
        /// The picture.
        public var image: GrayscaleImage
        /// Lines separated by `"\n"` (the book writes `"true\npredicted"`); empty for none.
        public var title: String
        /// Whether the title is drawn in `highlightColor` instead of dark gray: its lines after the
        /// first (a wrong prediction under its true label), or its only line.
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
    /// A line above the grid saying how to read the titles; empty for none.
    public var key: String

    /// Space around the figure and between cells, in pixels.
    static let gap = 12.0

    /// A grid of `cells` with `columns` per row.
    ///
    /// - Precondition: `columns` and `scale` are positive.
    public init(cells: [Cell], columns: Int, scale: Int = 3, highlightColor: Color = .alert, key: String = "") {
        precondition(columns > 0, "ImageGrid: columns must be positive, got \(columns)")
        precondition(scale > 0, "ImageGrid: scale must be positive, got \(scale)")
        self.cells = cells
        self.columns = columns
        self.scale = scale
        self.highlightColor = highlightColor
        self.key = key
    }

    /// The book's `predict_ch3` picture: each image titled with its true label over its predicted
    /// label, wrong predictions in the highlight colour, and a key saying so.
    ///
    /// - Precondition: one true and one predicted label per image.
    public static func predictions(images: [GrayscaleImage], trueLabels: [String], predictedLabels: [String],
                                   columns: Int = 6, scale: Int = 3) -> ImageGrid {
        precondition(trueLabels.count == images.count && predictedLabels.count == images.count,
                     "ImageGrid.predictions: \(images.count) images, \(trueLabels.count) true and "
                        + "\(predictedLabels.count) predicted labels")
        let cells = images.indices.map { index in
            Cell(image: images[index], title: trueLabels[index] + "\n" + predictedLabels[index],
                 isHighlighted: trueLabels[index] != predictedLabels[index])
        }
        return ImageGrid(cells: cells, columns: columns, scale: scale,
                         key: "Above each image: true label, then predicted label (red when wrong)")
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

    /// The grid laid out in pixels: the key, then for each cell its centred title lines and its
    /// scaled image.
    public func scene() -> Scene {
        let font = Font.body
        let titleLines = cells.map { $0.title.isEmpty ? [] : $0.title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let titleWidth = titleLines.joined().map { font.width(of: $0) + font.size }.max() ?? 0
        let imageWidth = Double((cells.map(\.image.width).max() ?? 1) * scale)
        let imageHeight = Double((cells.map(\.image.height).max() ?? 1) * scale)
        let titleHeight = Double(titleLines.map(\.count).max() ?? 0) * font.lineHeight
        let cellWidth = max(imageWidth, titleWidth).rounded(.up)
        let cellHeight = titleHeight + (titleHeight > 0 ? 4 : 0) + imageHeight
        let rows = max((cells.count + columns - 1) / columns, 1)
        let usedColumns = max(min(columns, cells.count), 1)
        let keyHeight = key.isEmpty ? 0 : font.lineHeight + Self.gap / 2
        let width = max(Self.gap + Double(usedColumns) * (cellWidth + Self.gap), font.width(of: key) + 2 * Self.gap)
        let height = Self.gap + keyHeight + Double(rows) * (cellHeight + Self.gap)

        var items: [Scene.Item] = []
        if !key.isEmpty {
            items.append(.text(key, baseline: Point(x: Self.gap, y: Self.gap + font.ascent), font: font,
                               color: Color(hex: 0x595959), anchor: .start, rotated: false))
        }
        for (index, cell) in cells.enumerated() {
            let left = Self.gap + Double(index % columns) * (cellWidth + Self.gap)
            let top = Self.gap + keyHeight + Double(index / columns) * (cellHeight + Self.gap)
            let centre = left + cellWidth / 2
            for (line, text) in titleLines[index].enumerated() {
                // A highlighted (wrong) prediction is the second line; the first stays ink.
                let isWrong = cell.isHighlighted && (line > 0 || titleLines[index].count == 1)
                items.append(.text(text, baseline: Point(x: centre, y: top + Double(line) * font.lineHeight + font.ascent),
                                   font: font, color: isWrong ? highlightColor : .ink, anchor: .middle, rotated: false))
            }
            let frameWidth = Double(cell.image.width * scale), frameHeight = Double(cell.image.height * scale)
            let frame = Rect(x: (centre - frameWidth / 2).rounded(.down), y: (top + cellHeight - imageHeight).rounded(),
                             width: frameWidth, height: frameHeight)
            items.append(.image(cell.image, frame: frame))
        }
        return Scene(width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), items: items)
    }
}
