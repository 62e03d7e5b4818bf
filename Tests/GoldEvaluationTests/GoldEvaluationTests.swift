import Evaluation
import Foundation
import Gazette
import Testing

/// The default pipeline (every stage in `StageCatalog`), built once for all sets.
let defaultPipeline = Result { () throws(ConfigurationError) -> Pipeline in
    try StageCatalog.makePipeline(PipelineConfiguration())
}

/// Scores the default pipeline on each gold set, prints the tables, and fails when a figure falls
/// below its floor in `thresholds.tsv`. The shared development sets are skipped, with a note,
/// when `../shared/eval` is absent.
@Suite("Gold evaluation")
struct GoldEvaluationTests {
    @Test("Scores stay at or above their floors", arguments: GoldSet.allCases)
    func score(_ set: GoldSet) throws {
        guard let (path, format) = set.location else {
            print("note: \(GoldPaths.sharedEval) not found: skipping the \(set.rawValue) gold set")
            return
        }
        let thresholds = try Thresholds(contents: String(contentsOfFile: GoldPaths.thresholds, encoding: .utf8), file: "thresholds.tsv")
        let pipeline = try defaultPipeline.get()
        let gold = try GoldCorpus.read(path: path, format: format)
        let predictions = PipelineRunner(pipeline: pipeline, jobs: ProcessInfo.processInfo.activeProcessorCount)
            .annotate(gold.documents)
        var report = Evaluator().evaluate(gold: gold, predictions: predictions)
        report.pipeline = pipeline.stageNames
        var text = ReportFormatter().text(report, title: "gold set \(set.rawValue)")
        if let reference = set.reference { text += reference + "\n" }
        print(text)
        #expect(report.failedDocuments.isEmpty, "documents the pipeline failed on: \(report.failedDocuments)")
        #expect(!thresholds.floors(for: set.rawValue).isEmpty, "thresholds.tsv has no floor for \(set.rawValue)")
        for failure in thresholds.check(report, set: set.rawValue) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test("Every set in thresholds.tsv is a known gold set")
    func thresholdSets() throws {
        let thresholds = try Thresholds(contents: String(contentsOfFile: GoldPaths.thresholds, encoding: .utf8), file: "thresholds.tsv")
        // entity sets scored by this suite, plus the quantity development sets scored by
        // QuantityDevSetTests
        let known = Set(GoldSet.allCases.map(\.rawValue)).union(["recognizers-text", "quantulum3"])
        for floor in thresholds.floors where !known.contains(floor.set) {
            Issue.record("\(floor.source): unknown gold set \(floor.set)")
        }
    }
}

/// Checks the project's gold corpus itself: spans match their text, labels are known, nothing
/// is annotated twice, relation arguments resolve. Each problem names file, line and span.
@Suite("Gold corpus checks")
struct GoldCorpusCheckTests {
    @Test("Corpus/news.jsonl is consistent")
    func corpusIsConsistent() throws {
        let documents: [AnnotatedDocument]
        do {
            documents = try GazetteJSONLReader().read(path: GoldPaths.corpus)
        } catch {
            Issue.record("\(error)")
            return
        }
        #expect(!documents.isEmpty, "\(GoldPaths.corpus) has no documents")
        for issue in GoldValidator().validate(documents) {
            Issue.record(Comment(rawValue: issue.description))
        }
    }
}
