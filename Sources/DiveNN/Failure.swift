import DiveCore

/// Traps with the error's message: misuse of a layer or loss in code is a programming error,
/// reported with the same text a thrown `ShapeError` would carry.
func trap(_ error: ShapeError, file: StaticString = #file, line: UInt = #line) -> Never {
    fatalError(error.description, file: file, line: line)
}
