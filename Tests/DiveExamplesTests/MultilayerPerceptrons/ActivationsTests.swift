import DiveExamples
import Foundation
import Testing

@Suite struct ActivationsTests {
    @Test func derivativesAtZeroAreTheBooks() throws {
        let result = try run("activations", quietOptions())
        #expect(abs(try #require(result.number("sigmoid_grad_at_0")) - 0.25) < 1e-6)
        #expect(abs(try #require(result.number("tanh_grad_at_0")) - 1) < 1e-6)
        #expect(result.number("relu_grad_at_0") == 0)
        #expect(result.number("prelu_grad_at_0") == 0.25)
        #expect(abs(try #require(result.number("sigmoid_grad_max")) - 0.25) < 1e-4)
    }

    @Test func reluDerivativesAreZeroOrOne() throws {
        let result = try run("activations", quietOptions())
        #expect(result.numbers("relu_grad_values") == [0, 1])
        #expect(result.numbers("prelu_grad_values") == [0.25, 1])
        #expect(result.number("relu_grad_at_minus_8") == 0)
        #expect(result.number("relu_grad_at_8") == 1)
    }

    @Test func saturatedFunctionsHaveTinyDerivatives() throws {
        let result = try run("activations", quietOptions())
        #expect(try #require(result.number("sigmoid_grad_at_8")) < 1e-3)
        #expect(try #require(result.number("tanh_grad_at_minus_8")) < 1e-5)
    }

    @Test func drawsOneFigurePerFunction() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run("activations", quietOptions(outputDirectory: folder))
        #expect(result.files.filter { $0.hasSuffix(".svg") }.map { ($0 as NSString).lastPathComponent }
                == ["relu.svg", "prelu.svg", "sigmoid.svg", "tanh.svg"])
        for file in result.files { #expect(FileManager.default.fileExists(atPath: file)) }
    }
}
