import Foundation
import Testing
@testable import DiveTrain

@Suite struct HistoryTests {
    let history = History(epochs: [
        EpochRecord(epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, testLoss: 0.55, testAccuracy: 0.79, seconds: 2.25),
        EpochRecord(epoch: 2, trainLoss: 0.4, trainAccuracy: 0.85, seconds: 2),
    ])

    @Test func csvHasTheAgreedHeaderAndEmptyFieldsForMissingTestFigures() {
        #expect(history.csv() == """
            epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds
            1,0.500000,0.800000,0.550000,0.790000,2.250
            2,0.400000,0.850000,,,2.000

            """)
    }

    @Test func jsonRoundTripsAndUsesTheCSVNames() throws {
        let data = history.json()
        #expect(try JSONDecoder().decode(History.self, from: data) == history)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"train_loss\"", "\"train_acc\"", "\"test_loss\"", "\"test_acc\"", "\"epoch_seconds\""] {
            #expect(text.contains(key))
        }
    }

    @Test func jsonWritesNonFiniteLossesAsStrings() {
        let diverged = History(epochs: [EpochRecord(epoch: 1, trainLoss: .nan, trainAccuracy: 0.1, seconds: 1)])
        #expect(String(decoding: diverged.json(), as: UTF8.self).contains("\"train_loss\" : \"nan\""))
    }

    @Test func lastIsTheFinalEpoch() {
        #expect(history.last?.epoch == 2)
        #expect(History().last == nil)
    }
}
