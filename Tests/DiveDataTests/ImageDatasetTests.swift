import DiveCore
import DiveData
import Testing

@Suite struct ImageDatasetTests {
    // Three 2×2 images whose pixels are 0…11, times 20.
    let dataset = ImageDataset(images: (0..<12).map { UInt8($0 * 20) }, height: 2, width: 2,
                               labels: [2, 0, 1], classNames: ["zero", "one", "two"])

    @Test func batchIsScaledToUnitRangeWithAChannelAxis() {
        let batch = dataset.batch(at: [2, 0])
        #expect(batch.inputs.shape == [2, 1, 2, 2])
        #expect(batch.inputs.scalars == [160, 180, 200, 220, 0, 20, 40, 60].map { Float($0) / 255 })
        #expect(batch.labels == [1, 2])
    }

    @Test func fullRangeMapsToZeroAndOne() {
        let extremes = ImageDataset(images: [0, 255], height: 1, width: 1, labels: [0, 0], classNames: ["only"])
        #expect(extremes.batch(at: [0, 1]).inputs.scalars == [0, 1])
    }

    @Test func emptyBatchHasZeroRows() {
        #expect(dataset.batch(at: []).inputs.shape == [0, 1, 2, 2])
    }

    @Test func textLabelsImageAndSubset() {
        #expect(dataset.textLabels([0, 2, 1]) == ["zero", "two", "one"])
        #expect(dataset.image(at: 1) == [80, 100, 120, 140])
        let tail = dataset.subset(1..<3)
        #expect(tail.count == 2 && tail.labels == [0, 1])
        #expect(tail.image(at: 0) == dataset.image(at: 1))
    }

    @Test func batchIndexOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            let dataset = ImageDataset(images: [1, 2], height: 1, width: 1, labels: [0, 0], classNames: ["a"])
            _ = dataset.batch(at: [2])
        }
    }
}
