import DiveCore
import Foundation

// The generator that layers and initialisers draw from when no generator is passed, as PyTorch's
// default generator (`torch.manual_seed`) and mlx-swift's `MLXRandom.seed` are. Inside
// `withRandomSeed(_:_:)` it is a fresh generator of that seed, private to the scope (a task-local
// value), so the same code gives the same weights however other tasks draw meanwhile.

/// A generator that several callers may draw from, one at a time.
final class SharedGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: RandomGenerator   // guarded by `lock`

    init(seed: UInt64) { generator = RandomGenerator(seed: seed) }

    func draw<Result>(_ body: (inout RandomGenerator) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&generator)
    }

    func reseed(_ seed: UInt64) { draw { $0 = RandomGenerator(seed: seed) } }
}

enum DefaultGenerator {
    /// The process-wide generator, seeded with 0 at start, so that a program without any seed
    /// still makes the same weights on every run.
    static let processWide = SharedGenerator(seed: 0)
    /// The generator of the innermost `withRandomSeed` scope, if any.
    @TaskLocal static var scoped: SharedGenerator?
}

/// Runs `body` with the default generator replaced by a fresh one seeded with `seed`: layers made
/// inside without an explicit generator get the same weights on every run, whatever happens
/// outside the scope. Scopes nest; the outer generator continues unchanged after an inner one.
///
/// ```swift
/// let model = withRandomSeed(0) {
///     Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256), ReLU(),
///                Linear(inputSize: 256, outputSize: 10))
/// }
/// ```
public func withRandomSeed<Result>(_ seed: UInt64, _ body: () throws -> Result) rethrows -> Result {
    try DefaultGenerator.$scoped.withValue(SharedGenerator(seed: seed), operation: body)
}

/// Reseeds the process-wide default generator, like PyTorch's `torch.manual_seed(seed)`. Inside
/// a `withRandomSeed` scope it changes the generator used after the scope, not the scope's own.
public func setRandomSeed(_ seed: UInt64) {
    DefaultGenerator.processWide.reseed(seed)
}

/// Runs `body` with the default generator: the innermost `withRandomSeed` scope's, or else the
/// process-wide one. Layers without an explicit generator draw through this; so can custom layers.
public func withDefaultGenerator<Result>(_ body: (inout RandomGenerator) -> Result) -> Result {
    (DefaultGenerator.scoped ?? DefaultGenerator.processWide).draw(body)
}
