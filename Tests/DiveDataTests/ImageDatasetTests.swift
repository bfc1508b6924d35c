import DiveCore
import DiveData
import Testing
import _DiveKernels

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

    /// Every byte value, in rows longer than a vector and more rows than the gather fetches ahead,
    /// divided exactly as `Float(byte) / 255`, by both builds of the gather.
    @Test func gatherDividesEveryByteExactly() {
        let (height, width, count) = (5, 7, 40)
        let pixels = (0..<height * width * count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let images = ImageDataset(images: pixels, height: height, width: width,
                                  labels: [Int](repeating: 0, count: count), classNames: ["only"])
        let rows = [3, 39, 0, 17, 17, 8, 22, 31, 5, 12]
        let expected = rows.flatMap { r in pixels[(r * height * width)..<((r + 1) * height * width)].map { Float($0) / 255 } }
        #expect(images.batch(at: rows).inputs.scalars == expected)
        var portable = [Float](repeating: -1, count: expected.count)
        dive_gather_bytes_portable(&portable, pixels, rows, rows.count, height * width, 255)
        #expect(portable == expected)
    }

    /// A batch large enough to be split over the threads gives the same rows, in order.
    @Test func aLargeBatchSplitOverThreadsKeepsEveryRowInPlace() {
        let (size, count) = (28 * 28, 600)
        let pixels = (0..<size * count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / size) }
        let images = ImageDataset(images: pixels, height: 28, width: 28,
                                  labels: [Int](repeating: 0, count: count), classNames: ["only"])
        let rows = (0..<512).map { ($0 &* 269) % count }
        let expected = rows.flatMap { r in pixels[(r * size)..<((r + 1) * size)].map { Float($0) / 255 } }
        #expect(images.batch(at: rows).inputs.scalars == expected)
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
