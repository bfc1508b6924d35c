@testable import DiveData
import Foundation
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

/// Both splits from one folder, with the checks a training run needs before it starts.
@Suite struct DatasetSplitsTests {
    let folder = TemporaryDirectory()

    func put(_ split: String, count: Int, height: Int = 2, width: Int = 3, in subfolder: String = "") {
        folder.write(Fixtures.images(count: count, height: height, width: width), to: subfolder + "\(split)-images-idx3-ubyte")
        folder.write(Fixtures.labels((0..<count).map { UInt8($0 % 3) }), to: subfolder + "\(split)-labels-idx1-ubyte")
    }

    @Test func bothSplitsComeFromTheGivenFolderRecordedAbsolute() throws {
        put("train", count: 4)
        put("t10k", count: 2)
        let splits = try MNIST.loadSplits(dataDirectory: folder.path + "/./", environment: [:], homeDirectory: folder.path)
        #expect(splits.train.count == 4 && splits.test.count == 2)
        #expect(splits.directory == URL(fileURLWithPath: folder.path).standardizedFileURL.path)
        #expect(!splits.directory.contains("/./"))
    }

    @Test func folderWithOnlyTheTestFilesIsNotMixedWithAnotherFolder() throws {
        put("t10k", count: 2, in: "given/")
        put("train", count: 4, in: ".cache/dive/mnist/")
        put("t10k", count: 2, in: ".cache/dive/mnist/")
        let error = #expect(throws: DatasetError.self) {
            try MNIST.loadSplits(dataDirectory: folder.path + "/given", environment: [:], homeDirectory: folder.path)
        }
        #expect(error == .missingFiles(dataset: "mnist", directory: folder.path + "/given", origin: "--data-dir",
                                       missing: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"], folderExists: true))
    }

    @Test func imagesOfDifferentSizesAreRefusedNamingBothFiles() throws {
        put("train", count: 4, height: 28, width: 28)
        put("t10k", count: 2, height: 10, width: 10)
        let error = #expect(throws: DatasetError.self) {
            try MNIST.loadSplits(dataDirectory: folder.path, environment: [:], homeDirectory: folder.path)
        }
        #expect(error?.description == "\(folder.path)/train-images-idx3-ubyte holds images of 28×28 but "
            + "\(folder.path)/t10k-images-idx3-ubyte holds images of 10×10; the training and test images must have the same size")
    }

    @Test func imagesOfNoPixelsAreRefused() throws {
        put("train", count: 4, height: 0, width: 0)
        put("t10k", count: 2, height: 0, width: 0)
        let error = #expect(throws: IDXError.self) {
            try MNIST.loadSplits(dataDirectory: folder.path, environment: [:], homeDirectory: folder.path)
        }
        #expect(error == .emptyImages(file: folder.path + "/train-images-idx3-ubyte", height: 0, width: 0))
        #expect(error?.description.hasSuffix("images of 0×0 pixels, expected at least 1×1") == true)
    }

    @Test func noTrainingImagesAreRefused() throws {
        put("train", count: 0)
        put("t10k", count: 2)
        let error = #expect(throws: IDXError.self) {
            try MNIST.loadSplits(dataDirectory: folder.path, environment: [:], homeDirectory: folder.path)
        }
        #expect(error?.description == "\(folder.path)/train-images-idx3-ubyte: holds no images, expected at least one")
    }

    @Test func fingerprintChangesWithTheDataAndNamesTheSplit() throws {
        put("train", count: 4)
        put("t10k", count: 2)
        let before = try MNIST.loadSplits(dataDirectory: folder.path, environment: [:], homeDirectory: folder.path).fingerprint
        #expect(DataFingerprint(json: before.json) == before)
        var pixels = Fixtures.images(count: 4)
        pixels[pixels.count - 1] ^= 1
        folder.write(pixels, to: "train-images-idx3-ubyte")
        let after = try MNIST.loadSplits(dataDirectory: folder.path, environment: [:], homeDirectory: folder.path).fingerprint
        #expect(after.differences(from: before).count == 1)
        #expect(after.differences(from: before).first?.hasPrefix("training 4 images of 2×3, CRC-32 ") == true)
        #expect(after.train.crc32 != before.train.crc32 && after.test == before.test)
        #expect(before.differences(from: before).isEmpty)
    }
}
