import ArgumentParser
import Dive
import Foundation

/// The picture `dive predict --out FILE` draws, as the book's `predict_ch3` shows: each test
/// image titled with its true label above its predicted label, wrong predictions highlighted.
struct PredictionPicture {
    /// Images per row.
    static let columns = 6

    let grid: ImageGrid

    /// The picture of `images` (in order) with the classes `predicted` for them.
    init(images: ImageDataset, predicted: [Int]) {
        let cells = (0..<images.count).map { index in
            ImageGrid.Cell(
                image: GrayscaleImage(width: images.width, height: images.height, pixels: images.image(at: index)),
                title: images.classNames[images.labels[index]] + "\n" + images.classNames[predicted[index]],
                isHighlighted: predicted[index] != images.labels[index])
        }
        grid = ImageGrid(cells: cells, columns: min(Self.columns, max(cells.count, 1)))
    }

    /// Writes the picture as PNG or SVG, by `path`'s extension.
    func write(to path: String) throws {
        do {
            try grid.write(to: path)
        } catch {
            throw CommandError("--out \(path): \(error)")
        }
    }

    /// Throws unless `path` names a .png or .svg file in an existing, writable folder, so that
    /// a bad `--out` is reported before any work.
    static func checkDestination(_ path: String) throws {
        let format = (path as NSString).pathExtension.lowercased()
        guard format == "png" || format == "svg" else {
            throw ValidationError("--out \(path): expected a file name ending in .png or .svg")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--out \(path): a folder of that name exists; give a file name")
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--out \(path): the folder \(folder) does not exist")
        }
        guard access(folder, W_OK) == 0 else {
            throw ValidationError("--out \(path): the folder \(folder) is not writable")
        }
    }
}
