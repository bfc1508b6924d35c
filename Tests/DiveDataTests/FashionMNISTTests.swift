import DiveData
import Foundation
import Testing

/// The real Fashion-MNIST, as `make deps` installs it (Debian's dataset-fashion-mnist).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"),
                "needs Fashion-MNIST in /usr/share/datasets (make deps)"))
struct FashionMNISTTests {
    static let system = "/usr/share/datasets/fashion-mnist"

    @Test func trainingSetHasTheBookFigures() throws {
        let train = try FashionMNIST.load(.train, dataDirectory: Self.system)
        #expect(train.count == 60_000)
        #expect(train.height == 28 && train.width == 28)
        #expect(train.images.count == 60_000 * 784)
        #expect(Dictionary(grouping: train.labels, by: { $0 }).mapValues(\.count) == Dictionary(
            uniqueKeysWithValues: (0..<10).map { ($0, 6000) }))
        #expect(train.labels[0] == 9)
        #expect(train.textLabels([train.labels[0]]) == ["ankle boot"])
        let batch = train.batch(at: [0, 1, 2])
        #expect(batch.inputs.shape == [3, 1, 28, 28])
        let pixels = batch.inputs.scalars
        #expect(pixels.allSatisfy { (0...1).contains($0) } && pixels.contains(1) && pixels.contains(0))
    }

    @Test func testSetHasTenThousandImages() throws {
        let test = try FashionMNIST.load(.test, dataDirectory: Self.system)
        #expect(test.count == 10_000)
        #expect(Set(test.labels) == Set(0..<10))
    }

    @Test func classNamesFollowTheBook() {
        #expect(FashionMNIST.classNames == [
            "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot",
        ])
        #expect(MNIST.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    }
}
