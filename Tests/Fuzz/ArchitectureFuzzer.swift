// libFuzzer entry point for the model built from a checkpoint's metadata (`make fuzz-architecture`).
// Compiled together with the tensors', layers' and safetensors reader's sources and the
// architecture rules of `dive`, so it reaches the code `dive evaluate` runs on a checkpoint.

/// Memory a model built here may take: small, so that the fuzzer never waits on an allocation.
private let fuzzMemory: UInt64 = 64 << 20

/// Decodes the input as a checkpoint. When its metadata records an architecture that passes
/// `dive`'s rules within `fuzzMemory`, the model must build, load the weights or list their
/// differences, and map a batch of one image to one row of class scores.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchitecture(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? Safetensors(decoding: bytes, file: "fuzz-input"),
          let architecture = try? ModelArchitecture.recorded(in: file.metadata, file: "fuzz-input"),
          architecture.problems(memory: fuzzMemory).isEmpty else { return 0 }
    var generator = RandomGenerator(seed: 0)
    let model = architecture.build(generator: &generator, seed: 0)
    do {
        try model.load(file, from: "fuzz-input")
    } catch {
        precondition(!error.problems.isEmpty, "architecture: a mismatch without differences")
    }
    model.eval()
    let output = model(Tensor.zeros([1, architecture.inputs]))
    precondition(output.shape == [1, architecture.classes],
                 "architecture: output shape \(output.shape) for \(architecture.summary)")
    return 0
}
