// libFuzzer entry point for the IDX reader (`make fuzz-idx`). Compiled together with the
// reader's sources, so it reaches the same code `dive train` runs on a dataset's files.

/// Decodes the input as an image file and as a label file, under a plain name and under a
/// `.gz` name: each must either succeed with a consistent result or throw an `IDXError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    for name in ["fuzz-input", "fuzz-input.gz"] {
        for kind in [IDXFile.Kind.images, .labels] {
            guard let file = try? IDXFile.decode(bytes, file: name, kind: kind) else { continue }
            // A file that decodes must hold exactly the elements its header announces.
            precondition(file.dimensions.count == kind.rank, "IDX: \(file.dimensions.count) dimensions for rank \(kind.rank)")
            precondition(file.bytes.count == file.dimensions.reduce(1, *), "IDX: payload disagrees with \(file.dimensions)")
        }
    }
    return 0
}
