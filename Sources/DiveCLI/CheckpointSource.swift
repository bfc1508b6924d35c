import Dive
import Foundation

/// The weights named by `--checkpoint` or `--init-from`: a model file (`model.safetensors`, or
/// one written by PyTorch), a training checkpoint (`checkpoint.safetensors`, whose parameters are
/// stored under `model.`), or a run folder holding either.
struct CheckpointSource {
    /// The path as given on the command line.
    let given: String
    /// The file read: `given`, or the file chosen in the run folder `given`.
    let path: String
    /// The parameters under their `state_dict` names, with the file's metadata.
    let weights: Safetensors
    /// Whether `path` is a training checkpoint rather than a model file.
    let isTrainingCheckpoint: Bool

    /// Reads the weights named by `given`, the value of `option`. A run folder gives its
    /// `model.safetensors`, else (an interrupted run) its `checkpoint.safetensors`.
    ///
    /// - Throws: When the folder holds neither file, or the file is not a readable checkpoint.
    init(resolving given: String, option: String) throws {
        self.given = given
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue {
            let candidates = ["model.safetensors", RunFolder.checkpointName].map { (given as NSString).appendingPathComponent($0) }
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw CommandError("\(option) \(given): a folder without model.safetensors or "
                                   + "\(RunFolder.checkpointName); give a checkpoint file or the folder of a dive train run")
            }
            path = found
        } else {
            path = given
        }
        let file = try Safetensors(contentsOf: path)
        if file.metadata[TrainingCheckpoint.trainingKey] != nil {
            let checkpoint = try TrainingCheckpoint(file, path: path)
            weights = Safetensors(tensors: checkpoint.parameters, metadata: checkpoint.metadata)
            isTrainingCheckpoint = true
        } else {
            weights = file
            isTrainingCheckpoint = false
        }
    }

    /// The architecture recorded in the metadata, checked, or nil when there is none.
    func architecture() throws -> ModelArchitecture? {
        try ModelArchitecture.recorded(in: weights.metadata, file: path)
    }

    /// Says on standard error which file is used, when it is not simply the model file given.
    func announce() {
        guard path != given || isTrainingCheckpoint else { return }
        let kind = isTrainingCheckpoint ? "the training checkpoint, with the weights of its last finished batch"
                                        : "the run's final model"
        FileHandle.standardError.write(Data("using \(path) (\(kind))\n".utf8))
    }
}
