import Foundation

/// The playground's speed figures (`dive playground --benchmark`): one optimizer step of a
/// network, one epoch, and one state frame (the 100×100 output heatmap, every neuron's
/// thumbnail, metrics and JSON). A benchmark, not a test: it reports, it asserts nothing.
public enum PlaygroundBenchmark {
    /// One measured figure: the median of `samples` runs, in seconds.
    public struct Figure: Sendable {
        /// What was measured.
        public var name: String
        /// The median time of one run, in seconds.
        public var median: Double
        /// How many runs were timed.
        public var samples: Int
    }

    /// The figures for the default network (2 inputs, 4-2 hidden, batch 10) and for the largest
    /// (six features, 6 layers of 8), each the median of runs lasting about `seconds` in all.
    public static func run(seconds: Double = 1) -> [Figure] {
        var figures: [Figure] = []
        for (label, hash) in [("default 2-4-2-1", ""),
                              ("6 features, 6 layers of 8", "networkShape=8,8,8,8,8,8&xSquared=true&ySquared=true&sinX=true&sinY=true")] {
            let settings = (try? PlaygroundSettings(hash: hash)) ?? PlaygroundSettings()
            let trainer = PlaygroundTrainer(settings: settings)
            let batch = PlaygroundTrainer.batches(Array(trainer.train.prefix(settings.batchSize)), settings)
            figures.append(measure("\(label): one step (batch 10)", seconds: seconds) { trainer.trainSteps(batch) })
            figures.append(measure("\(label): one epoch (250 points)", seconds: seconds) { trainer.trainEpoch() })
            figures.append(measure("\(label): one frame (100×100 heatmap, thumbnails, JSON)", seconds: seconds) {
                _ = PlaygroundFrame(session: "benchmark", trainer: trainer, playing: true, notice: nil, includePoints: false).json()
            })
        }
        return figures
    }

    private static func measure(_ name: String, seconds: Double, _ body: () -> Void) -> Figure {
        body()  // warm up
        var times: [Double] = []
        let end = Date().addingTimeInterval(seconds)
        repeat {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        } while Date() < end || times.count < 5
        times.sort()
        return Figure(name: name, median: times[times.count / 2], samples: times.count)
    }
}
