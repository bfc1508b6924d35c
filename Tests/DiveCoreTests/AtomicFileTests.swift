@testable import DiveCore
import Foundation
import Testing

@Suite struct AtomicFileTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "dive-atomic-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test func writeReplacesTheFileAndLeavesNoTemporary() throws {
        let path = folder + "/model.safetensors"
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new contents".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new contents".utf8))
        #expect(names == ["model.safetensors"])
    }

    @Test func uncommittedFileLeavesTheOldOneInPlace() throws {
        let path = folder + "/config.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        do {
            let file = try AtomicFile(creating: path)
            try file.write(Array("half of the new".utf8))
            #expect(names == [".config.json.\(getpid()).tmp", "config.json"])
        }   // released without commit
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(names == ["config.json"])
    }

    @Test func temporaryNamesFollowOnePattern() {
        #expect(AtomicFile.temporaryPath(for: "runs/a/checkpoint.safetensors", processIdentifier: 4242)
            == "runs/a/.checkpoint.safetensors.4242.tmp")
        #expect(AtomicFile.temporaryPath(for: "x", processIdentifier: 7) == ".x.7.tmp")
        #expect(AtomicFile.processIdentifier(inTemporaryName: ".checkpoint.safetensors.4242.tmp") == 4242)
        for name in ["checkpoint.safetensors.4242.tmp", "..4242.tmp", ".a.tmp", ".a.-3.tmp", ".a.12x.tmp", ".a.1.tmpx"] {
            #expect(AtomicFile.processIdentifier(inTemporaryName: name) == nil, "\(name)")
        }
    }

    @Test func missingFolderIsNamedInTheError() {
        let path = folder + "/no/such/file"
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1], to: path) }
        #expect(error?.path == path)
        #expect(error?.description.hasPrefix("\(path): cannot create the temporary file \(folder)/no/such/.file.") == true)
    }

    @Test func temporaryOfAProcessKilledMidWriteIsRemovedAndLiveOnesAreKept() throws {
        // A child starts a checkpoint write, then is killed (SIGKILL) before it can rename it.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", #"printf 'half a checkpoint' > "$0/.checkpoint.safetensors.$$.tmp"; kill -9 $$"#, folder]
        try child.run()
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)
        let stale = ".checkpoint.safetensors.\(child.processIdentifier).tmp"
        let own = ".history.csv.\(getpid()).tmp"
        let parent = ".metrics.json.\(getppid()).tmp"   // a live process that is not this one
        for name in [own, parent, "keep.tmp", ".notes.tmp"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data())
        }
        #expect(names.contains(stale))
        #expect(AtomicFile.removeStaleTemporaries(in: folder) == [stale])
        #expect(names == [".history.csv.\(getpid()).tmp", parent, ".notes.tmp", "keep.tmp"].sorted())
    }

    @Test func ownTemporariesAreRemovedOnRequest() throws {
        let mine = AtomicFile.temporaryPath(for: folder + "/a")
        FileManager.default.createFile(atPath: mine, contents: Data())
        FileManager.default.createFile(atPath: folder + "/.b.\(getppid()).tmp", contents: Data())
        AtomicFile.removeTemporaries(in: folder, of: getpid())
        #expect(names == [".b.\(getppid()).tmp"])
    }
}
