/// The built-in bitmap font: one 5-column by 9-row glyph per printable ASCII character.
///
/// Rows 0 to 6 hold capitals and digits (cap height 7); lower-case letters use rows 2 to 6 and
/// descenders reach rows 7 and 8. Each glyph is a bit mask: bit `row * 5 + column` is set where
/// the glyph has ink. Text is drawn at an integer `scale`, so every font pixel becomes a crisp
/// `scale` x `scale` square. Characters outside printable ASCII are drawn as a hollow box.
enum BitmapFont {
    /// Columns of ink per glyph.
    static let glyphWidth = 5
    /// Rows per glyph, descenders included.
    static let glyphHeight = 9
    /// Rows from the top of a glyph to its baseline.
    static let capHeight = 7
    /// Horizontal distance from one character to the next, in font pixels (one column of spacing).
    static let advance = 6

    /// Width of `text` on one line at `scale`, in pixels: every character advances the same amount.
    static func width(of text: String, scale: Int) -> Double {
        Double(text.count * advance * scale)
    }

    /// Height of one line of text at `scale`, in pixels (the glyph cell, descenders included).
    static func height(scale: Int) -> Double {
        Double(glyphHeight * scale)
    }

    /// Whether `character`'s glyph has ink at `column` (`0..<5`) and `row` (`0..<9`).
    static func hasInk(_ character: Character, column: Int, row: Int) -> Bool {
        glyph(for: character) >> UInt64(row * glyphWidth + column) & 1 == 1
    }

    /// The bit mask of `character`; the hollow box (the table's last entry) when it is not printable ASCII.
    static func glyph(for character: Character) -> UInt64 {
        guard let ascii = character.asciiValue, ascii >= 32, ascii < 127 else { return glyphs[glyphs.count - 1] }
        return glyphs[Int(ascii) - 32]
    }

    /// Glyphs for the characters 32 (space) to 126 (`~`), then the hollow box.
    private static let glyphs: [UInt64] = [
        0x000000000000, 0x000100421084, 0x00000000294A, 0x000295F57D4A, 0x00011F4717C4, 0x000632222263,
        0x000593511526, 0x000000000884, 0x000208210888, 0x000088842082, 0x000009575480, 0x0000084F9080,
        0x002218000000, 0x0000000F8000, 0x00018C000000, 0x000002222200, 0x0003A33AE62E, 0x0003884210C4,
        0x0007C444422E, 0x0003A304111F, 0x000211F4A988, 0x0003A3083C3F, 0x0003A317844C, 0x00008422221F,
        0x0003A317462E, 0x0001910F462E, 0x00000C6018C0, 0x0000886018C0, 0x000208208888, 0x000001F07C00,
        0x000088882082, 0x00010044422E, 0x0003AB5B422E, 0x0004631FC62E, 0x0003E317C62F, 0x0003A210862E,
        0x0001D318C527, 0x0007C217843F, 0x00004217843F, 0x0007A31E862E, 0x0004631FC631, 0x00038842108E,
        0x00019284211C, 0x000452519531, 0x0007C2108421, 0x0004631AD771, 0x0004639ACE31, 0x0003A318C62E,
        0x00004217C62F, 0x00059358C62E, 0x00045257C62F, 0x0003E107043E, 0x00010842109F, 0x0003A318C631,
        0x00011518C631, 0x0002AB5AC631, 0x000462A22A31, 0x000108454631, 0x0007C222221F, 0x00038421084E,
        0x000020820820, 0x00039084210E, 0x000000004544, 0x00F800000000, 0x000000002082, 0x0007A3E83800,
        0x0003E319B421, 0x0003A210B800, 0x0007A31CDA10, 0x000383F8B800, 0x000084238A4C, 0x0E87A318F800,
        0x00046319B421, 0x000388421804, 0x064A10843008, 0x00024A32A421, 0x000388421086, 0x00056B5AAC00,
        0x00046319B400, 0x0003A318B800, 0x010BE318BC00, 0x1087A318F800, 0x00004219B400, 0x0003E0E0F800,
        0x000324211C42, 0x0005B318C400, 0x00011518C400, 0x0002AB58C400, 0x000454454400, 0x0E87A318C400,
        0x0007C4447C00, 0x000608411098, 0x002108421084, 0x0000C8441083, 0x0000008A8800, 0x0007E318C63F,
    ]
}
