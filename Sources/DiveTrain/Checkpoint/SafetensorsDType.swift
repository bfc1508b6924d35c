/// The element types that safetensors defines, with their sizes.
///
/// Dive writes `F32` only. It reads `F32`, `F16`, `BF16` and `F64`, converting to `Float`; the
/// other types are recognised (so their byte ranges can be checked) but cannot hold weights.
public enum SafetensorsDType: String, CaseIterable, Sendable {
    /// Booleans, one byte each.
    case bool = "BOOL"
    /// 8-bit unsigned and signed integers, and the two 8-bit float formats (E4M3, E5M2).
    case u8 = "U8", i8 = "I8", f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"
    /// 16-bit unsigned and signed integers, IEEE half floats and bfloat16.
    case u16 = "U16", i16 = "I16", f16 = "F16", bf16 = "BF16"
    /// 32-bit unsigned and signed integers and IEEE single floats (what Dive writes).
    case u32 = "U32", i32 = "I32", f32 = "F32"
    /// 64-bit unsigned and signed integers and IEEE double floats.
    case u64 = "U64", i64 = "I64", f64 = "F64"

    /// The size of one element in bytes.
    public var byteSize: Int {
        switch self {
        case .bool, .u8, .i8, .f8e4m3, .f8e5m2: 1
        case .u16, .i16, .f16, .bf16: 2
        case .u32, .i32, .f32: 4
        case .u64, .i64, .f64: 8
        }
    }

    /// Whether Dive can convert elements of this type to `Float`.
    public var isReadable: Bool { [.f32, .f16, .bf16, .f64].contains(self) }

    /// Converts `count` little-endian elements starting at `bytes` to `Float`.
    ///
    /// Only for readable types (``isReadable``); `bytes` must hold `count * byteSize` bytes.
    func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Float] {
        switch self {
        case .f32:
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        case .f16:
            (0..<count).map { Float(halfBits: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) }
        case .bf16:
            // bfloat16 is the top half of a float32.
            (0..<count).map { Float(bitPattern: UInt32(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) << 16) }
        case .f64:
            (0..<count).map { Float(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)))) }
        default:
            preconditionFailure("\(rawValue) elements cannot be converted to Float")
        }
    }
}

extension Float {
    /// The value of an IEEE 754 half-precision number given by its bits (sign, 5-bit exponent,
    /// 10-bit fraction), including subnormals, infinities and NaN.
    init(halfBits bits: UInt16) {
        let sign: Float = bits & 0x8000 == 0 ? 1 : -1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Float(bits & 0x3FF)
        switch exponent {
        case 0: self = sign * fraction * 0x1p-24                       // subnormal: fraction × 2^-14 / 2^10
        case 0x1F: self = fraction == 0 ? sign * .infinity : .nan
        default: self = sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
