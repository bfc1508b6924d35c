// libFuzzer entry point for the safetensors reader (`make fuzz-safetensors`). Compiled together
// with the reader's and the tensors' sources, so it reaches the code `dive evaluate` runs.

/// Decodes the input: it must either throw a `SafetensorsError` or give tensors that survive
/// a write and a second read unchanged (names, shapes and every value's bits).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafetensors(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? Safetensors(decoding: bytes, file: "fuzz-input") else { return 0 }
    let again: Safetensors
    do {
        again = try Safetensors(decoding: file.encoded(), file: "rewritten")
    } catch {
        preconditionFailure("safetensors: a file Dive wrote cannot be read back: \(error)")
    }
    precondition(again.metadata == file.metadata, "safetensors: metadata changed in a round trip")
    let before = Dictionary(uniqueKeysWithValues: file.tensors.map { ($0.name, $0.tensor) })
    precondition(again.tensors.count == before.count, "safetensors: tensor count changed in a round trip")
    for (name, tensor) in again.tensors {
        guard let original = before[name] else { preconditionFailure("safetensors: '\(name)' appeared in a round trip") }
        precondition(original.shape == tensor.shape, "safetensors: '\(name)' changed shape in a round trip")
        precondition(original.scalars.map(\.bitPattern) == tensor.scalars.map(\.bitPattern),
                     "safetensors: '\(name)' changed values in a round trip")
    }
    return 0
}
