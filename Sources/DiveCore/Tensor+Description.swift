// A readable text form: shape and values, with long axes elided like NumPy does.

extension Tensor: CustomStringConvertible {
    /// `Tensor([2, 3], [[1, 2, 3], [4, 5, 6]])`, eliding the middle of axes longer than 6.
    public var description: String {
        let values = scalars
        func render(axis: Int, start: Int) -> String {
            if axis == rank { return format(values[start]) }
            let size = shape[axis]
            let step = shape[(axis + 1)...].reduce(1, *)
            let shown: [Int?] = size > 6 ? [0, 1, 2, nil, size - 3, size - 2, size - 1] : Array(0..<size)
            let parts = shown.map { i in i.map { render(axis: axis + 1, start: start + $0 * step) } ?? "…" }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        let grad = requiresGrad ? ", requiresGrad" : ""
        return "Tensor(\(shape), \(render(axis: 0, start: 0))\(grad))"
    }

    private func format(_ x: Float) -> String {
        x == x.rounded() && Swift.abs(x) < 1e7 ? String(Int(x)) : String(x)
    }
}
