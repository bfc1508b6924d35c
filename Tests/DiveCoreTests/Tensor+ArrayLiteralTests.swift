import DiveCore
import Testing

@Suite struct TensorArrayLiteralTests {
    @Test func nestedLiteralsGiveTheirShapeAndRowMajorValues() {
        let matrix = Tensor([[0, 0], [0, 1]])
        #expect(matrix.shape == [2, 2] && matrix.scalars == [0, 0, 0, 1])
        let wide = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(wide.shape == [2, 3] && wide[1, 0] == 4)
        let cube = Tensor([[[1.5, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])
        #expect(cube.shape == [3, 2, 2])
        #expect(cube.scalars == [1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(Tensor([[[[7]]]]).shape == [1, 1, 1, 1])
    }

    @Test func arraysOfFloatsDoublesAndIntsAllWork() {
        let floats: [[Float]] = [[1, 2]], doubles: [[Double]] = [[1, 2]], ints: [[Int]] = [[1, 2]]
        #expect(Tensor(floats).scalars == [1, 2] && Tensor(doubles).scalars == [1, 2] && Tensor(ints).scalars == [1, 2])
        #expect(Tensor([1, 2, 3]).shape == [3], "a flat literal is still a vector")
    }

    @Test func raggedArraysTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor([[1, 2], [3]])
        }
        await #expect(processExitsWith: .failure) {
            _ = Tensor([[[1], [2]], [[3]]])
        }
    }
}
