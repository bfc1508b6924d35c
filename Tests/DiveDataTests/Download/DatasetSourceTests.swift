import DiveData
import Foundation
import Testing

@Suite struct DatasetSourceTests {
    @Test(arguments: DatasetSource.all)
    func officialSourcesListTheFourStandardFilesWithChecksums(source: DatasetSource) {
        #expect(source.files.map(\.name) == [
            "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        ])
        for file in source.files {
            #expect(file.md5.count == 32 && file.md5.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
        #expect(Set(source.files.map(\.md5)).count == 4)
        #expect(!source.mirrors.isEmpty && source.mirrors.allSatisfy { ["http", "https"].contains($0.scheme) })
    }

    @Test func sourcesAreFoundByTheirFolderNames() {
        #expect(DatasetSource.named("fashion-mnist")?.name == FashionMNIST.name)
        #expect(DatasetSource.named("mnist")?.name == MNIST.name)
        #expect(DatasetSource.named("cifar-10") == nil)
    }

    @Test func mirrorOptionReplacesEveryMirror() {
        let mirror = URL(string: "http://127.0.0.1:8000/fashion/")!
        let source = DatasetSource.mnist.replacingMirrors(with: mirror)
        #expect(source.mirrors == [mirror])
        #expect(source.files == DatasetSource.mnist.files)
    }
}
