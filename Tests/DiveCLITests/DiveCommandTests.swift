import Testing

@Suite struct DiveCommandTests {
    @Test func helpListsTheCommands() throws {
        let result = try dive("--help")
        #expect(result.status == 0)
        for command in ["train", "evaluate", "predict"] {
            #expect(result.standardOutput.contains(command))
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try dive("--version")
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func anUnknownCommandFailsWithStatusOne() throws {
        let result = try dive("fly")
        #expect(result.status == 1)
        #expect(result.standardError.contains("fly"))
    }
}
