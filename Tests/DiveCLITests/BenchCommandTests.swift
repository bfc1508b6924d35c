import Foundation
import Testing

/// `dive bench`: one JSON line per workload with the peer benchmarks' fields.
@Suite struct BenchCommandTests {
    @Test func printsOneJSONLineWithThePeersFields() throws {
        let result = try dive("bench", "--workload", "d2l-softmax", "--epochs", "1", "--threads", "1")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let record = try jsonObject(String(lines[0]))
        for key in ["workload", "framework", "version", "threads", "epochs", "batch_size", "epoch_s", "median_epoch_s",
                    "final_train_loss", "final_test_acc", "peak_rss_mb", "start_to_first_step_s"] {
            #expect(record[key] != nil, "missing \(key)")
        }
        #expect(record["framework"] as? String == "dive")
        // The backend, as `dive info` names it: library, version, instruction set, kernel build.
        let info = try #require(try JSONSerialization.jsonObject(with: Data(try dive("info", "--json").standardOutput.utf8))
            as? [String: String])
        let backend = try #require(record["backend"] as? String)
        for key in ["gemm_library", "gemm_instruction_set", "kernels_build"] {
            #expect(backend.contains(info[key]!), "\(backend) does not name \(key) \(info[key]!)")
        }
        #expect(record["workload"] as? String == "d2l-softmax")
        #expect((record["epoch_s"] as? [Double])?.count == 1)
        // One epoch of the book's softmax regression reaches 0.78 here; chance is 0.1.
        #expect(try #require(record["final_test_acc"] as? Double) > 0.7)
        #expect(result.standardError.contains("dive d2l-softmax epoch 1:"))
    }

    @Test func unknownWorkloadIsRejected() throws {
        let result = try dive("bench", "--workload", "resnet")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--workload"))
        #expect(result.standardError.contains("resnet"))
    }
}
