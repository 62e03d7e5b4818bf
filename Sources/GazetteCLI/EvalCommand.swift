import ArgumentParser
import Evaluation
import Foundation
import Gazette

/// `gazette eval --gold PATH`: scores the pipeline (or a predictions file) against gold annotations.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the pipeline against gold annotations (Gazette JSON lines, CoNLL, re3d).",
        discussion: """
            Without --pred, runs the configured pipeline (--stages, --jobs, --lexicons) over the \
            gold texts in-process. Prints per-label precision, recall and F1 for exact and overlap \
            matches, with gold and predicted counts; micro averages sum the counts over labels. \
            Documents missing from the predictions count as all-missed. Offsets are compared in \
            code points.
            Formats: gazette (.jsonl, the output schema), conll (token TAG columns, IOB1 or BIO, \
            -DOCSTART- between documents; PER, LOC, ORG scored, MISC not), re3d (a folder with \
            documents.json, entities.json, relations.json, or a folder of such folders).
            """
    )

    @Option(help: ArgumentHelp("Gold file or folder.", valueName: "path"))
    var gold: String

    @Option(help: ArgumentHelp("Gold format: gazette, conll or re3d (default: from the path).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Predictions as Gazette JSON lines (e.g. from `gazette annotate`) instead of running the pipeline.", valueName: "path"))
    var pred: String?

    @Flag(help: "Write the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("List up to N missed and N spurious items per layer, with context.", valueName: "N"))
    var errors: Int = 0

    @Option(
        help: ArgumentHelp(
            "Entity labels to score, comma-separated or repeated (default: all the gold format expresses).",
            valueName: "labels"))
    var labels: [String] = []

    @Option(help: ArgumentHelp("Code points of context either side of a listed span.", valueName: "n"))
    var context: Int = 40

    @Flag(help: "Write the gold documents as Gazette JSON lines (id, text, annotations) and exit; annotate them and pass the result to --pred.")
    var exportGold = false

    @OptionGroup var pipelineOptions: PipelineOptions

    mutating func validate() throws {
        if let format, GoldFormat(rawValue: format) == nil {
            throw ValidationError("--format must be one of: \(GoldFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if errors < 0 { throw ValidationError("--errors must not be negative") }
        if context < 0 { throw ValidationError("--context must not be negative") }
    }

    /// The labels given, split at commas.
    var labelFilter: Set<String>? {
        let names = labels.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return names.isEmpty ? nil : Set(names)
    }

    func run() throws {
        let corpus: GoldCorpus
        do {
            corpus = try GoldCorpus.read(path: gold, format: format.flatMap(GoldFormat.init(rawValue:)))
        } catch {
            throw UsageError(description: error.description)
        }
        if exportGold {
            FileHandle.standardOutput.write(Data(GoldExport.jsonLines(corpus.documents).utf8))
            return
        }
        if let labelFilter {
            let unknown = labelFilter.subtracting(corpus.entityLabels)
            if !unknown.isEmpty {
                throw UsageError(description: "--labels: \(unknown.sorted().joined(separator: ", ")) not scored in \(corpus.format.rawValue) gold (scored: \(corpus.entityLabels.joined(separator: ", ")))")
            }
        }
        let predictions: [AnnotatedDocument]
        var stageNames: [String]?
        if let pred {
            do {
                predictions = try GazetteJSONLReader(acceptsErrorRecords: true).read(path: pred)
            } catch {
                throw UsageError(description: error.description)
            }
        } else {
            let pipeline = try pipelineOptions.makePipeline()
            stageNames = pipeline.stageNames
            predictions = PipelineRunner(pipeline: pipeline, jobs: pipelineOptions.resolvedJobs).annotate(corpus.documents)
        }
        // re3d relations are compared in re3d's shape (two arguments, symmetric types both ways)
        let scored = corpus.format == .re3d ? predictions.map(Re3dRelationMap.project) : predictions
        var report = Evaluator(entityLabels: labelFilter, contextWidth: context).evaluate(gold: corpus, predictions: scored)
        report.pipeline = stageNames
        report.predictions = pred
        let formatter = ReportFormatter(errorLimit: errors)
        print(json ? formatter.json(report) : formatter.text(report), terminator: "")
    }
}
