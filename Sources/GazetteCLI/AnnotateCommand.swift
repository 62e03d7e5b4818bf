import ArgumentParser
import Foundation
import Gazette

/// `gazette annotate [PATH ...]`: the main job.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate documents and write one JSON line per document (the default command)."
    )

    @Argument(help: ArgumentHelp("Files or directories; '-' or nothing reads standard input (see --stdin-format).", valueName: "path"))
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "How standard input is read: 'jsonl' (one JSON document per line), 'text' (one plain-text document, id 'stdin') or 'auto' (JSON lines when it starts with '{', else text).",
            valueName: "auto|jsonl|text"))
    var stdinFormat: StandardInputFormat = .auto

    @OptionGroup var pipelineOptions: PipelineOptions

    @Flag(help: "Include the tokens layer in the output.")
    var tokens = false

    @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (default: only on a terminal).")
    var progress: Bool?

    func run() throws {
        let pipeline = try pipelineOptions.makePipeline()
        let annotator = Annotator(pipeline: pipeline, includeTokens: tokens, jobs: pipelineOptions.resolvedJobs)
        let reader = InputReader(
            paths: paths,
            options: InputOptions(
                maximumDocumentBytes: pipelineOptions.maxDocumentBytes, deferParsing: true, standardInput: stdinFormat))
        let showProgress = progress ?? (isatty(2) != 0)
        let meter = ProgressLine(enabled: showProgress)
        let summary = try annotator.run(
            reader: reader, sink: OutputSink(),
            report: { problem in
                meter.clear()
                switch problem {
                case let .failure(failure):
                    let location = failure.source?.description ?? failure.id
                    Stderr.print("gazette: \(location): \(failure.code): \(failure.message)")
                case let .unreadable(path, message):
                    Stderr.print("gazette: cannot read \(path): \(message)")
                }
            },
            progress: { meter.update($0) })
        meter.finish(summary)
        if summary.outputClosed { return }
        if summary.failures > 0 || summary.unreadable > 0 { throw ExitCode(ExitStatus.failure) }
    }
}

extension StandardInputFormat: ExpressibleByArgument {}

/// A one-line progress display on standard error: documents, MB, MB/s.
final class ProgressLine {
    private let enabled: Bool
    private var lastUpdate = 0.0
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ summary: Annotator.Summary) {
        guard enabled, summary.seconds - lastUpdate >= 0.25 else { return }
        lastUpdate = summary.seconds
        show(summary)
    }

    func clear() {
        guard enabled, shown else { return }
        Stderr.write("\r\u{1B}[K")
        shown = false
    }

    func finish(_ summary: Annotator.Summary) {
        guard enabled else { return }
        show(summary)
        Stderr.write("\n")
        shown = false
    }

    private func show(_ summary: Annotator.Summary) {
        let megabytes = Double(summary.bytes) / 1_000_000
        let rate = summary.seconds > 0 ? megabytes / summary.seconds : 0
        var line = String(format: "\r\u{1B}[K%d documents, %.1f MB, %.1f MB/s", summary.documents, megabytes, rate)
        if summary.failures > 0 { line += ", \(summary.failures) failed" }
        Stderr.write(line)
        shown = true
    }
}
