import Dive
import Foundation

/// The figures of one benchmark run, with the field names of the peer benchmarks' JSON lines.
struct BenchmarkRecord: Encodable {
    let workload: String
    let framework = "dive"
    let version = DiveVersion.current
    /// The library running the matrix products, its version and instruction set, and the build
    /// of Dive's own kernels (`oneDNN 2.6.3 avx512_core_vnni, Dive kernels avx512`).
    let backend = GEMMLibrary.description
    let threads: Int
    let epochs: Int
    let batchSize: Int
    let epochSeconds: [Double]
    let medianEpochSeconds: Double
    let finalTrainLoss: Double
    let finalTestAcc: Double
    let peakRSSMegabytes: Double
    let startToFirstStepSeconds: Double
    let dataLoadSeconds: Double

    enum CodingKeys: String, CodingKey {
        case workload, framework, version, backend, threads, epochs
        case batchSize = "batch_size", epochSeconds = "epoch_s", medianEpochSeconds = "median_epoch_s"
        case finalTrainLoss = "final_train_loss", finalTestAcc = "final_test_acc"
        case peakRSSMegabytes = "peak_rss_mb", startToFirstStepSeconds = "start_to_first_step_s"
        case dataLoadSeconds = "data_load_s"
    }
}

/// Trains one workload the way the peers' "tuned" variants do: data in memory, a fresh shuffled
/// order each epoch, the mean training loss of the last epoch, test accuracy at the end.
func runBenchmark(_ workload: Workload, epochs: Int, threads: Int, dataDirectory: String?,
                  log: (String) -> Void) throws -> BenchmarkRecord {
    let loadStart = Date()
    let train = try FashionMNIST.load(.train, dataDirectory: dataDirectory)
    let test = try FashionMNIST.load(.test, dataDirectory: dataDirectory)
    let dataLoadSeconds = Date().timeIntervalSince(loadStart)

    var generator = RandomGenerator(seed: 0)
    let model = workload.makeModel(using: &generator)
    let optimizer = workload.makeOptimizer(for: model)
    let loader = DataLoader(train, batchSize: workload.batchSize, shuffle: true, seed: 0)

    var epochSeconds: [Double] = []
    var firstStep: Double?
    var lastLoss = Double.nan
    for epoch in 0..<epochs {
        let start = Date()
        var total: Double = 0
        for batch in loader.batches(forEpoch: epoch) {
            let loss = crossEntropy(logits: model(batch.inputs), labels: batch.labels)
            loss.backward()
            optimizer.step()
            optimizer.zeroGrad()
            total += Double(loss.item()) * Double(batch.labels.count)
            if firstStep == nil { firstStep = ProcessClock.secondsSinceStart() }
        }
        lastLoss = total / Double(train.count)
        epochSeconds.append(Date().timeIntervalSince(start))
        log("dive \(workload.name) epoch \(epoch + 1): \(String(format: "%.3f", epochSeconds.last!))s loss \(String(format: "%.4f", lastLoss))")
    }
    // In batches of the training batch size, as the peers evaluate.
    let accuracy = evaluate(model, on: DataLoader(test, batchSize: workload.batchSize, shuffle: false)).accuracy
    let sorted = epochSeconds.sorted()
    let median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    return BenchmarkRecord(
        workload: workload.name, threads: threads, epochs: epochs, batchSize: workload.batchSize,
        epochSeconds: epochSeconds, medianEpochSeconds: median, finalTrainLoss: lastLoss,
        finalTestAcc: accuracy, peakRSSMegabytes: ProcessClock.peakResidentMegabytes(),
        startToFirstStepSeconds: firstStep ?? 0, dataLoadSeconds: dataLoadSeconds)
}
