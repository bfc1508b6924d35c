import Testing
import DiveCore

@Test func versionIsSemantic() {
    let parts = DiveVersion.current.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}
