import Evaluation
import Foundation
import Gazette
import Testing

/// Scores the quantities stage on the Recognizers-Text English specs (Number, Ordinal, Percent,
/// NumberRange, Currency, Dimension, Temperature, Age: cases fully right) and on quantulum3's
/// sentences (expected quantities with the right value and unit), prints the figures and the
/// misses, and fails below the floors in `thresholds.tsv` (sets `recognizers-text`, metric
/// `<Spec>.cases.accuracy`; `quantulum3`, metric `items.accuracy`). Every case is counted.
/// Skipped, with a note, when `../shared/eval` is absent.
@Suite("Quantity development sets")
struct QuantityDevSetTests {
    static let unitsDirectory = GoldPaths.packageRoot.appendingPathComponent("Lexicons/units").path

    static func scorer() throws -> QuantityDevScorer {
        let pipeline = try StageCatalog.makePipeline(PipelineConfiguration(stageNames: ["tokenize", "quantities"]))
        return QuantityDevScorer(pipeline: pipeline, names: try UnitNames(directory: unitsDirectory))
    }

    static func floor(_ set: String, _ metric: String) throws -> Double? {
        let thresholds = try Thresholds(contents: String(contentsOfFile: GoldPaths.thresholds, encoding: .utf8), file: "thresholds.tsv")
        return thresholds.floors(for: set).first { $0.metric == metric }?.floor
    }

    static func report(_ name: String, _ score: CaseAccuracy, floor: Double?) -> String {
        let percent = String(format: "%.1f%%", score.accuracy.accuracy * 100)
        var text = "\(name): \(score.accuracy.correct)/\(score.accuracy.total) = \(percent)"
        if let floor { text += String(format: " (floor %.2f)", floor) }
        if let predicted = score.predicted { text += ", \(predicted) predicted" }
        return text
    }

    @Test("Recognizers-Text specs", arguments: RecognizersTextSpec.allCases)
    func recognizersText(_ spec: RecognizersTextSpec) throws {
        guard GoldPaths.hasSharedEval else {
            print("note: \(GoldPaths.sharedEval) not found: skipping Recognizers-Text \(spec)")
            return
        }
        let cases = try RecognizersTextCase.read(path: GoldPaths.sharedEval + "/recognizers-text/" + spec.relativePath)
        let score = try Self.scorer().score(spec, cases: cases)
        let floor = try Self.floor("recognizers-text", "\(spec.rawValue).cases.accuracy")
        print(Self.report("Recognizers-Text \(spec)", score, floor: floor))
        for failure in score.failures.prefix(40) { print("  miss: \(failure)") }
        let known = try #require(floor, "thresholds.tsv has no floor recognizers-text \(spec.rawValue).cases.accuracy")
        #expect(score.accuracy.accuracy + 1e-9 >= known, "Recognizers-Text \(spec) fell below its floor")
    }

    @Test("quantulum3 sentences")
    func quantulum() throws {
        guard GoldPaths.hasSharedEval else {
            print("note: \(GoldPaths.sharedEval) not found: skipping quantulum3")
            return
        }
        let cases = try QuantulumCase.read(path: GoldPaths.sharedEval + "/quantulum3/quantities.json")
        let score = try Self.scorer().score(quantulum: cases)
        let floor = try Self.floor("quantulum3", "items.accuracy")
        print(Self.report("quantulum3 (value and unit)", score, floor: floor))
        for failure in score.failures.prefix(40) { print("  miss: \(failure)") }
        let known = try #require(floor, "thresholds.tsv has no floor quantulum3 items.accuracy")
        #expect(score.accuracy.accuracy + 1e-9 >= known, "quantulum3 fell below its floor")
    }
}
