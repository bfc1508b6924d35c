@testable import DiveData
import Testing

@Suite struct IDXImageCollectionTests {
    let folder = TemporaryDirectory()

    @Test func differingCountsNameBothFiles() throws {
        let images = folder.write(Fixtures.gzip(Fixtures.images(count: 3)), to: "train-images-idx3-ubyte.gz")
        let labels = folder.write(Fixtures.labels([1, 2]), to: "train-labels-idx1-ubyte")
        let error = #expect(throws: IDXError.self) {
            try IDXImageCollection.read(imagesAt: images, labelsAt: labels, classNames: ["a", "b", "c"])
        }
        #expect(error?.description == "\(images) holds 3 images but \(labels) holds 2 labels; they must match")
    }

    @Test func labelOutsideTheClassesIsAnError() throws {
        let images = folder.write(Fixtures.images(count: 2), to: "i")
        let labels = folder.write(Fixtures.labels([1, 7]), to: "l")
        let error = #expect(throws: IDXError.self) {
            try IDXImageCollection.read(imagesAt: images, labelsAt: labels, classNames: ["a", "b"])
        }
        #expect(error?.description == "\(labels): label 7 at index 1 is outside 0..<2")
    }

    @Test func loadsFromGivenDirectoryPreferringPlainFiles() throws {
        folder.write(Fixtures.images(count: 2), to: "t10k-images-idx3-ubyte")
        folder.write(Fixtures.gzip(Fixtures.images(count: 5)), to: "t10k-images-idx3-ubyte.gz")
        folder.write(Fixtures.gzip(Fixtures.labels([3, 1])), to: "t10k-labels-idx1-ubyte.gz")
        let dataset = try MNIST.load(.test, dataDirectory: folder.path, environment: [:], homeDirectory: folder.path)
        #expect(dataset.count == 2)
        #expect(dataset.labels == [3, 1])
        #expect(dataset.textLabels(dataset.labels) == ["3", "1"])
        #expect(dataset.height == 2 && dataset.width == 3)
    }
}
