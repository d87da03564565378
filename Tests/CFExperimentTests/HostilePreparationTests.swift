import CFConfig
import CFData
import CFExperiment
import CFModels
import Foundation
import XCTest

/// Preparation refuses hostile input before any store could be opened: data is checked
/// while loading and the memory estimate before a model is built.
final class HostilePreparationTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "cfprepare-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func load(_ yaml: String) throws -> ExperimentFile {
        let path = folder + "/e.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigLoader.load(path: path)
    }

    func testAnEmptyOrHeaderOnlyRatingsFileNamesTheFile() throws {
        for (contents, line) in [("", 1), ("userId,movieId,rating,timestamp\n", 2)] {
            try contents.write(toFile: folder + "/ratings.csv", atomically: true, encoding: .utf8)
            let file = try load("version: 1\ndata: {source: movielens, path: .}\n")
            XCTAssertThrowsError(try PreparedExperiment.prepare(file)) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(folder)/ratings.csv:\(line): "), "\(error)")
            }
        }
    }

    func testATooLargeModelIsRefusedBeforeItIsBuilt() throws {
        var preparer = ExperimentPreparer(folder: folder)
        var config = ExperimentConfig()
        config.data.synthetic.users = 50
        config.data.synthetic.items = 40
        config.data.synthetic.ratings = 500
        config.training.batchSize = 1 << 40
        XCTAssertThrowsError(try preparer.prepare(config)) { error in
            XCTAssertTrue(error is ModelFactory.MemoryEstimateTooLarge, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("training.batch_size: training needs about "), "\(error)")
        }
    }

    func testSyntheticDataIsEstimatedBeforeItIsGenerated() throws {
        // 500,000 × 500,000 at width 4,096 needs terabytes; generating its 50 million
        // ratings first would cost seconds and gigabytes before the refusal.
        var config = ExperimentConfig()
        config.data.synthetic.users = 500_000
        config.data.synthetic.items = 500_000
        config.data.synthetic.ratings = 50_000_000
        config.model.embeddingDim = .fixed(4096)
        var preparer = ExperimentPreparer(folder: folder)
        XCTAssertThrowsError(try preparer.prepare(config)) { error in
            XCTAssertTrue(error is ModelFactory.MemoryEstimateTooLarge, "\(error)")
        }
        XCTAssertTrue(preparer.loadedSplits.isEmpty, "no data was generated or split")
    }
}
