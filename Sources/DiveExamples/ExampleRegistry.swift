/// Every example, in the order of the book: the linear-network chapter, then the multilayer
/// perceptron chapter, then two examples beyond the book (XOR and a Keras-style MNIST model).
public enum Examples {
    /// All examples, in the book's order; names are unique.
    public static let all: [any Example] = [
        LinearRegressionScratchExample(),
        LinearRegressionExample(),
        SoftmaxRegressionScratchExample(),
        SoftmaxRegressionExample(),
        ActivationsExample(),
        MLPScratchExample(),
        MLPExample(),
        ModelSelectionExample(),
        WeightDecayExample(),
        DropoutScratchExample(),
        DropoutExample(),
        NumericalStabilityExample(),
        XORExample(),
        KerasMNISTExample(),
    ]

    /// The example called `name`, or nil when there is none.
    public static func named(_ name: String) -> (any Example)? {
        all.first { $0.name == name }
    }

    /// The names of all examples, in the book's order.
    public static var names: [String] { all.map(\.name) }
}
