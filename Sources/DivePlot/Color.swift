/// An opaque 8-bit RGB colour.
public struct Color: Hashable, Sendable {
    /// Red, green and blue intensities, each in `0...255`.
    public var red, green, blue: UInt8

    /// A colour from its three 8-bit channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit `0xRRGGBB` literal, e.g. `Color(hex: 0x1F77B4)`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// A gray level, `0` black to `1` white; values outside `[0, 1]` are clamped, NaN is black.
    public init(gray level: Float) {
        let byte = UInt8((level.isNaN ? 0 : min(max(level, 0), 1)) * 255 + 0.5)
        self.init(red: byte, green: byte, blue: byte)
    }

    /// The CSS/SVG spelling, `#rrggbb` in lower case.
    public var hexString: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Pure white, the default background.
    public static let white = Color(hex: 0xFFFFFF)
    /// Pure black.
    public static let black = Color(hex: 0x000000)
    /// The dark gray used for axes, ticks and text.
    public static let ink = Color(hex: 0x262626)
    /// The light gray of grid lines.
    public static let grid = Color(hex: 0xE3E3E3)
    /// The red that marks wrong predictions in image grids (tab10's red).
    public static let alert = Color(hex: 0xD62728)

    /// The ten-colour qualitative palette that matplotlib calls "tab10"; series take colours from it
    /// in order, starting again after the tenth.
    public static let palette: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map(Color.init(hex:))
}
