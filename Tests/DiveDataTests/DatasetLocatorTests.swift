@testable import DiveData
import Foundation
import Testing

@Suite struct DatasetLocatorTests {
    let home = TemporaryDirectory()
    let other = TemporaryDirectory()
    let files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]

    func put(in directory: String, gzipped: Bool = false) {
        for file in files {
            let name = (directory as NSString).appendingPathComponent(file + (gzipped ? ".gz" : ""))
            home.write([], to: String(name.dropFirst(home.path.count + 1)))
        }
    }

    @Test func anExplicitFolderIsTheOnlyPlaceLooked() {
        let locator = DatasetLocator(name: "mnist", environment: ["DIVE_DATA_DIR": "/env"], homeDirectory: "/home/u")
        #expect(locator.searchPath(dataDirectory: "/given").map(\.directory) == ["/given", "/given/mnist"])
        #expect(locator.searchPath(dataDirectory: nil).map(\.directory) == ["/env", "/env/mnist"])
        let plain = DatasetLocator(name: "mnist", environment: [:], homeDirectory: "/home/u")
        #expect(plain.searchPath(dataDirectory: nil).map(\.directory) == [
            "/home/u/.cache/dive/mnist", "/usr/share/datasets/mnist",
        ])
    }

    @Test func givenDirectoryWinsOverEnvironmentAndCache() throws {
        put(in: home.path + "/given/mnist")
        put(in: home.path + "/env", gzipped: true)
        put(in: home.path + "/.cache/dive/mnist")
        let locator = DatasetLocator(name: "mnist", environment: ["DIVE_DATA_DIR": home.path + "/env"],
                                     homeDirectory: home.path)
        #expect(try locator.locate(files, dataDirectory: home.path + "/given")
            == files.map { home.path + "/given/mnist/" + $0 })
        #expect(try locator.locate(files) == files.map { home.path + "/env/" + $0 + ".gz" })
    }

    @Test func cacheIsUsedWhenNoFolderIsGiven() throws {
        put(in: home.path + "/.cache/dive/mnist", gzipped: true)
        let locator = DatasetLocator(name: "mnist", environment: [:], homeDirectory: home.path)
        #expect(try locator.locate(files) == files.map { home.path + "/.cache/dive/mnist/" + $0 + ".gz" })
    }

    @Test func givenFolderLackingAFileIsAnErrorNotAFallBack() throws {
        home.write([], to: "given/train-images-idx3-ubyte")
        put(in: home.path + "/.cache/dive/mnist")
        let locator = DatasetLocator(name: "mnist", environment: [:], homeDirectory: home.path)
        let error = #expect(throws: DatasetError.self) { try locator.locate(files, dataDirectory: home.path + "/given") }
        #expect(error == .missingFiles(dataset: "mnist", directory: home.path + "/given", origin: "--data-dir",
                                       missing: ["train-labels-idx1-ubyte"], folderExists: true))
        #expect(error?.description == "mnist: \(home.path)/given (given by --data-dir) has no train-labels-idx1-ubyte[.gz]; "
            + "no other folder is looked in when --data-dir is given")
    }

    @Test func environmentFolderLackingTheFilesIsAnErrorNotAFallBack() throws {
        put(in: home.path + "/.cache/dive/mnist")
        let locator = DatasetLocator(name: "mnist", environment: ["DIVE_DATA_DIR": other.path], homeDirectory: home.path)
        let error = #expect(throws: DatasetError.self) { try locator.locate(files) }
        #expect(error == .missingFiles(dataset: "mnist", directory: other.path, origin: "$DIVE_DATA_DIR",
                                       missing: files, folderExists: true))
    }

    @Test func givenFolderThatDoesNotExistIsNamed() throws {
        let locator = DatasetLocator(name: "mnist", environment: [:], homeDirectory: home.path)
        let error = #expect(throws: DatasetError.self) { try locator.locate(files, dataDirectory: "/nonexistent") }
        #expect(error?.description == "mnist: the folder /nonexistent given by --data-dir does not exist")
    }

    @Test func missingDatasetListsEveryPlaceAndHowToGetIt() throws {
        let locator = DatasetLocator(name: "no-such-dataset", remedies: ["`dive data download no-such-dataset`"],
                                     environment: [:], homeDirectory: home.path)
        let missing = #expect(throws: DatasetError.self) { try locator.locate(files) }
        #expect(missing?.description == """
            no-such-dataset not found: no folder holds all of train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]. Looked in:
              \(home.path)/.cache/dive/no-such-dataset (user cache)
              /usr/share/datasets/no-such-dataset (system datasets)
              $DIVE_DATA_DIR is not set
            Get it with `dive data download no-such-dataset`, or point --data-dir or $DIVE_DATA_DIR at a folder holding the files.
            """)
    }

    @Test func missingMNISTSaysHowToDownloadIt() throws {
        let error = #expect(throws: DatasetError.self) {
            try MNIST.load(.test, environment: [:], homeDirectory: home.path)
        }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("mnist not found: no folder holds all of t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]"))
        #expect(message.contains("Get it with `dive data download mnist`, or point"))
    }

    @Test func fashionMNISTAlsoSuggestsTheDebianPackage() {
        #expect(FashionMNIST.collection.remedies == ["`dive data download fashion-mnist`", "`apt-get install dataset-fashion-mnist`"])
    }
}
