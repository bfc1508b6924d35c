import DiveCore
import DiveData
import DiveNN

/// Three well-separated Gaussian blobs in the plane, one per class: a problem a small MLP
/// learns to near-perfect accuracy in a few epochs.
struct Blobs: Dataset {
    let points: [Float]
    let labels: [Int]

    init(count: Int, seed: UInt64) {
        var generator = RandomGenerator(seed: seed)
        let centres: [(Float, Float)] = [(-2, 0), (2, 0), (0, 3)]
        var points: [Float] = []
        var labels: [Int] = []
        for index in 0..<count {
            let label = index % 3
            let (a, b) = generator.nextNormalPair()
            points += [centres[label].0 + 0.5 * a, centres[label].1 + 0.5 * b]
            labels.append(label)
        }
        self.points = points
        self.labels = labels
    }

    var count: Int { labels.count }

    func batch(at indices: [Int]) -> LabeledBatch {
        LabeledBatch(inputs: Tensor(indices.flatMap { [points[2 * $0], points[2 * $0 + 1]] }, shape: [indices.count, 2]),
                     labels: indices.map { labels[$0] })
    }
}

/// A two-layer classifier for ``Blobs``.
func blobClassifier(seed: UInt64 = 0) -> Sequential {
    var generator = RandomGenerator(seed: seed)
    return Sequential(Linear(inputSize: 2, outputSize: 16, generator: &generator), ReLU(),
                      Linear(inputSize: 16, outputSize: 3, generator: &generator))
}

/// Passes its input through and records the mode it was called in.
final class ModeProbe: ModeDependentLayer {
    var isTraining = true
    var modes: [Bool] = []
    func callAsFunction(_ input: Tensor) -> Tensor {
        modes.append(isTraining)
        return input
    }
}
