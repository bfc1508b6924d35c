// Matrix products through the backend's GEMM. A transposed view is passed with its transpose
// flag instead of being copied; the backward pass uses transposed views, so it copies nothing
// either.

extension Tensor {
    /// The matrix product.
    ///
    /// - `[n, k] · [k, m] → [n, m]`
    /// - `[b, n, k] · [b, k, m] → [b, n, m]` (batched)
    /// - `[b, n, k] · [k, m] → [b, n, m]` (the same matrix for every batch entry)
    ///
    /// Traps with both shapes when the inner dimensions differ or the ranks are not supported.
    public func matmul(_ other: Tensor) -> Tensor {
        let (a, b) = (self, other)
        guard (a.rank == 2 || a.rank == 3), (b.rank == 2 || b.rank == 3), b.rank <= a.rank,
              a.shape[a.rank - 1] == b.shape[b.rank - 2],
              a.rank == 2 || b.rank == 2 || a.shape[0] == b.shape[0] else {
            trap(.mismatch(op: "matmul", lhs: a.shape, rhs: b.shape,
                           expected: "[n, k]·[k, m], [b, n, k]·[b, k, m] or [b, n, k]·[k, m]"))
        }
        if a.rank == 3 && b.rank == 2 {
            // One large product: fold the batch into the rows.
            let folded = a.reshaped([a.shape[0] * a.shape[1], a.shape[2]]).matmul(b)
            return folded.reshaped([a.shape[0], a.shape[1], b.shape[1]])
        }
        let value = Tensor.gemm(a, b)
        let (x, y) = (a.detached(), b.detached())
        return Tensor.record(value, inputs: [a, b]) { grad, needed in
            [needed[0] ? grad.matmul(y.transposed()) : nil,
             needed[1] ? x.transposed().matmul(grad) : nil]
        }
    }

    /// `a · b` for rank-2 or equal-batch rank-3 operands, without autograd.
    private static func gemm(_ a: Tensor, _ b: Tensor) -> Tensor {
        let batch = a.rank == 3 ? a.shape[0] : 1
        let n = a.shape[a.rank - 2], m = b.shape[b.rank - 1]
        let result = Storage(uninitializedCount: batch * n * m)
        gemm(a, b, into: result, beta: 0, epilogue: .none)
        return Tensor(shape: a.rank == 3 ? [batch, n, m] : [n, m], storage: result)
    }

    /// Writes `epilogue(a · b + beta · c)` into the contiguous `c`, one backend GEMM per batch entry.
    static func gemm(_ a: Tensor, _ b: Tensor, into c: Storage, beta: Float, epilogue: GEMMEpilogue) {
        let batch = a.rank == 3 ? a.shape[0] : 1
        let n = a.shape[a.rank - 2], k = a.shape[a.rank - 1], m = b.shape[b.rank - 1]
        let left = GEMMOperand(a), right = GEMMOperand(b)
        for i in 0..<batch {
            Backends.current.gemm(GEMMProduct(
                transposeA: left.transposed, transposeB: right.transposed, m: n, n: m, k: k,
                a: left.tensor.storage, offsetA: left.tensor.offset + i * left.batchStride, lda: left.leading,
                b: right.tensor.storage, offsetB: right.tensor.offset + i * right.batchStride, ldb: right.leading,
                beta: beta, c: c, offsetC: i * n * m, ldc: m, epilogue: epilogue))
        }
    }
}

/// A matrix (or batch of matrices) in the layout GEMM reads: row-major, or row-major transposed,
/// with a leading dimension. Anything else is copied to a contiguous tensor first.
private struct GEMMOperand {
    let tensor: Tensor
    let transposed: Bool
    let leading: Int
    let batchStride: Int

    init(_ t: Tensor) {
        let r = t.rank, rows = t.shape[r - 2], cols = t.shape[r - 1]
        let rowStride = t.strides[r - 2], colStride = t.strides[r - 1]
        let batchOK = r == 2 || t.strides[0] != 0
        if batchOK && (colStride == 1 || cols == 1) && rowStride >= Swift.max(cols, 1) {
            (tensor, transposed, leading) = (t, false, rowStride)
        } else if batchOK && (rowStride == 1 || rows == 1) && colStride >= Swift.max(rows, 1) {
            (tensor, transposed, leading) = (t, true, colStride)
        } else {
            (tensor, transposed, leading) = (t.detached().contiguous(), false, Swift.max(cols, 1))
        }
        batchStride = r == 3 ? tensor.strides[0] : 0
    }
}
