import _DiveCairo
import DivePlot

/// A PNG file decoded by cairo for tests: its size and the colour of each pixel.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// Row-major 0xRRGGBB values.
    private let pixels: [UInt32]

    enum Failure: Error { case notAPNG(String) }

    init(_ file: [UInt8]) throws {
        final class Source { var bytes: [UInt8]; var offset = 0; init(_ bytes: [UInt8]) { self.bytes = bytes } }
        let source = Source(file)
        let read: cairo_read_func_t = { closure, data, length in
            let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            guard source.offset + Int(length) <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            for index in 0..<Int(length) { data![index] = source.bytes[source.offset + index] }
            source.offset += Int(length)
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())!
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw Failure.notAPNG(String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels: [UInt32] = []
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] & 0xFFFFFF) }
        }
        self.pixels = pixels
    }

    /// The colour at column `x`, row `y`.
    func pixel(_ x: Int, _ y: Int) -> Color {
        Color(hex: pixels[y * width + x])
    }

    /// How many pixels differ from `color`.
    func count(notEqualTo color: Color) -> Int {
        let value = UInt32(color.red) << 16 | UInt32(color.green) << 8 | UInt32(color.blue)
        return pixels.count { $0 != value }
    }

    /// How many pixels in the rectangle of columns `xs` and rows `ys` differ from `color`.
    func count(notEqualTo color: Color, columns xs: Range<Int>, rows ys: Range<Int>) -> Int {
        ys.reduce(0) { total, y in total + xs.count { pixel($0, y) != color } }
    }
}
