import DiveOptim
import Testing
import DiveTestSupport

@Suite struct LearningRateScheduleTests {
    @Test func stepLRDecaysEveryStepSizeEpochs() {
        let schedule = StepLR(stepSize: 2, gamma: 0.5)
        expectClose((0...4).map { schedule.learningRate(atEpoch: $0, base: 1) }, [1, 1, 0.5, 0.5, 0.25])
        expectClose([StepLR(stepSize: 1).learningRate(atEpoch: 1, base: 0.1)], [0.01], tolerance: 1e-8)
    }

    @Test func cosineAnnealingGoesFromBaseToMinimum() {
        let schedule = CosineAnnealingLR(totalEpochs: 10, minimumLearningRate: 0.01)
        expectClose([0, 5, 10].map { schedule.learningRate(atEpoch: $0, base: 0.11) }, [0.11, 0.06, 0.01])
        // cos(π/2·…): a quarter of the way the rate is min + (base - min)·(1 + cos(π/4))/2.
        let quarter = CosineAnnealingLR(totalEpochs: 4).learningRate(atEpoch: 1, base: 1)
        expectClose([quarter], [0.8535534])
    }

    @Test func aZeroStepSizeTraps() async {
        await #expect(processExitsWith: .failure) { _ = StepLR(stepSize: 0) }
    }
}
