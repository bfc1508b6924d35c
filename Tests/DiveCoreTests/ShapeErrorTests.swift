import Testing
import DiveCore

@Suite struct ShapeErrorTests {
    @Test func descriptionsNameTheOpAndTheShapes() {
        #expect(ShapeError.notBroadcastable(op: "+", lhs: [2, 3], rhs: [4]).description
                == "+: shapes [2, 3] and [4] cannot be broadcast together")
        #expect(ShapeError.mismatch(op: "matmul", lhs: [2, 3], rhs: [4, 5], expected: "inner sizes equal").description
                == "matmul: shapes [2, 3] and [4, 5] do not match (inner sizes equal)")
        #expect(ShapeError.invalidReshape(from: [6], to: [4], reason: "6 elements cannot fill 4").description
                == "reshape: cannot reshape [6] to [4]: 6 elements cannot fill 4")
        #expect(ShapeError.invalidAxis(op: "sum", axis: 2, rank: 2).description
                == "sum: axis 2 is out of range for a tensor of rank 2 (valid: -2..<2)")
        #expect(ShapeError.invalid(op: "item", message: "needs one element").description == "item: needs one element")
    }

    // Exit-test bodies cannot capture context, so each trap test spells out its own body.

    @Test func broadcastTrapNamesTheOpAndBothShapes() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([2, 3]) + Tensor.ones([4])
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("+: shapes [2, 3] and [4] cannot be broadcast together"))
    }

    @Test func matmulTrapNamesTheOpAndBothShapes() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([2, 3]).matmul(Tensor.ones([4, 5]))
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("matmul: shapes [2, 3] and [4, 5] do not match"))
    }

    @Test func reshapeTrapExplainsTheProblem() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([2, 3]).reshaped(-1, -1)
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("reshape: cannot reshape [2, 3] to [-1, -1]: only one dimension can be -1"))
    }

    @Test func axisTrapNamesTheOpAndTheRank() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones([2, 3]).sum(alongAxis: 3)
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("sum: axis 3 is out of range for a tensor of rank 2"))
    }
}
