import DiveCore
import DiveData
import Testing

@Suite struct DataLoaderTests {
    /// 10 examples whose input is their own index, so a batch shows the order.
    let dataset = TensorDataset(inputs: Tensor((0..<10).map(Float.init), shape: [10, 1]),
                                targets: Tensor.zeros([10, 1]))

    func indices(_ batches: some Sequence<(inputs: Tensor, targets: Tensor)>) -> [[Int]] {
        batches.map { $0.inputs.scalars.map { Int($0) } }
    }

    @Test func sameSeedGivesTheSameOrder() {
        let a = DataLoader(dataset, batchSize: 3, seed: 42), b = DataLoader(dataset, batchSize: 3, seed: 42)
        #expect(indices(a.batches(forEpoch: 0)) == indices(b.batches(forEpoch: 0)))
        #expect(indices(a.batches(forEpoch: 5)) == indices(b.batches(forEpoch: 5)))
        #expect(a.order(forEpoch: 0) != DataLoader(dataset, batchSize: 3, seed: 43).order(forEpoch: 0))
    }

    @Test func eachEpochIsANewPermutation() {
        let loader = DataLoader(dataset, batchSize: 4, seed: 1)
        let orders = (0..<4).map { loader.order(forEpoch: $0) }
        for order in orders { #expect(order.sorted() == Array(0..<10)) }
        #expect(Set(orders).count == 4)
        #expect(indices(loader.batches(forEpoch: 2)).flatMap { $0 } == orders[2])
    }

    @Test func iteratingTheLoaderRunsSuccessiveEpochs() {
        let loader = DataLoader(dataset, batchSize: 4, seed: 9)
        let first = indices(loader.map { $0 }), second = indices(loader.map { $0 })
        #expect(first == indices(loader.batches(forEpoch: 0)))
        #expect(second == indices(loader.batches(forEpoch: 1)))
        #expect(loader.nextEpoch == 2)
    }

    @Test func orderDependsOnlyOnSeedAndEpoch() {
        let resumed = DataLoader(dataset, batchSize: 4, seed: 9)
        let fresh = DataLoader(dataset, batchSize: 4, seed: 9)
        _ = fresh.map { $0 }
        _ = fresh.map { $0 }
        #expect(indices(resumed.batches(forEpoch: 2)) == indices(fresh.map { $0 }))
    }

    @Test func lastPartialBatchIsKeptOrDropped() {
        let keep = DataLoader(dataset, batchSize: 4, shuffle: false)
        #expect(keep.batchCount == 3)
        #expect(indices(keep.batches(forEpoch: 0)) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
        let drop = DataLoader(dataset, batchSize: 4, shuffle: false, dropLast: true)
        #expect(drop.batchCount == 2)
        #expect(indices(drop.batches(forEpoch: 3)) == [[0, 1, 2, 3], [4, 5, 6, 7]])
        #expect(DataLoader(dataset, batchSize: 5, dropLast: true).batchCount == 2)
        #expect(DataLoader(dataset, batchSize: 20).batchCount == 1)
        #expect(DataLoader(dataset, batchSize: 20, dropLast: true).batchCount == 0)
    }

    @Test func imageBatchesHaveTheImageShape() {
        let images = ImageDataset(images: [UInt8](repeating: 255, count: 5 * 4), height: 2, width: 2,
                                  labels: [0, 1, 0, 1, 0], classNames: ["a", "b"])
        let batches = Array(DataLoader(images, batchSize: 2).batches(forEpoch: 0))
        #expect(batches.map(\.inputs.shape) == [[2, 1, 2, 2], [2, 1, 2, 2], [1, 1, 2, 2]])
        #expect(batches.flatMap(\.labels).sorted() == [0, 0, 0, 1, 1])
    }
}
