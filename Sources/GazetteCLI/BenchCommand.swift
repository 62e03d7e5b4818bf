import ArgumentParser
import Dispatch
import Foundation
import Gazette

/// `gazette bench PATH ...`: throughput of the configured pipeline on a corpus.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the configured pipeline: MB/s and docs/s on one core and on all, start-up time, peak memory.",
        discussion: """
            Loads the documents into memory first (repeating them until --min-mb is reached), \
            then times annotation plus JSON encoding (no disk output). Build in release mode \
            (swift build -c release) before measuring.
            """
    )

    @Argument(help: ArgumentHelp("Corpus files or directories (.txt, .jsonl).", valueName: "path"))
    var paths: [String]

    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(help: "Repeat the corpus until it holds at least this many megabytes.")
    var minMb: Double = 0

    @Option(help: "Timed rounds per configuration (the best is reported).")
    var rounds: Int = 1

    @Flag(help: "Also time ICU's raw word breaking over the same text (the practical ceiling).")
    var baseline = false

    @Flag(help: "Also time each stage and the JSON output separately on one core (their seconds, share and MB/s alone).")
    var stageTimes = false

    mutating func validate() throws {
        if paths.isEmpty { throw ValidationError("bench needs a corpus path") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if minMb < 0 { throw ValidationError("--min-mb must not be negative") }
    }

    func run() throws {
        #if DEBUG
            Stderr.print("gazette bench: this is a debug build; measure with `swift build -c release`.")
        #endif
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let pipeline = try pipelineOptions.makePipeline()
        let startup = seconds(since: loadStart)

        var documents: [Document] = []
        var failures = 0
        let reader = InputReader(
            paths: paths, options: InputOptions(maximumDocumentBytes: pipelineOptions.maxDocumentBytes))
        while let record = reader.next() {
            switch record {
            case let .document(document): documents.append(document)
            case let .failure(failure):
                failures += 1
                Stderr.print("gazette bench: \(failure.source?.description ?? failure.id): \(failure.message)")
            case let .unreadable(path, message):
                failures += 1
                Stderr.print("gazette bench: cannot read \(path): \(message)")
            case .jsonLine:
                break  // not produced: parsing is not deferred here
            }
        }
        guard !documents.isEmpty else { throw UsageError(description: "bench: no documents in \(paths.joined(separator: " "))") }
        let original = documents
        var bytes = documents.reduce(0) { $0 + $1.byteCount }
        let originalBytes = bytes
        while Double(bytes) < minMb * 1_000_000 {
            documents.append(contentsOf: original)
            bytes += originalBytes
        }
        let megabytes = Double(bytes) / 1_000_000

        print("gazette bench")
        print("  pipeline     \(pipeline.stageNames.joined(separator: ","))")
        print("  ICU          \(ICUSegmenter.icuVersion)")
        print(String(format: "  corpus       %d documents, %.2f MB (%d distinct, %d unreadable)", documents.count, megabytes, original.count, failures))
        print(String(format: "  start-up     %.1f ms (pipeline load)", startup * 1000))

        let cores = pipelineOptions.resolvedJobs
        var jobCounts = [1]
        if cores > 1 { jobCounts.append(cores) }
        var singleCoreRate = 0.0
        for jobs in jobCounts {
            let annotator = Annotator(pipeline: pipeline, jobs: jobs)
            var best = Double.infinity
            var outputBytes = 0
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                let lines = Gazette.parallelAnnotate(documents, with: annotator)
                best = min(best, seconds(since: start))
                outputBytes = lines
            }
            let rate = megabytes / best
            if jobs == 1 { singleCoreRate = rate }
            print(String(
                format: "  jobs %-3d     %8.2f MB/s %10.0f docs/s   %.2f s   output %.1f MB",
                jobs, rate, Double(documents.count) / best, best, Double(outputBytes) / 1_000_000))
        }
        if stageTimes { printStageTimes(pipeline, documents, megabytes: megabytes) }
        if baseline {
            let start = DispatchTime.now().uptimeNanoseconds
            let segments = Gazette.icuWordBreakBaseline(documents)
            let elapsed = seconds(since: start)
            let rate = megabytes / elapsed
            print(String(format: "  ICU words    %8.2f MB/s (raw word breaking, 1 core, %d segments)", rate, segments))
            print(String(format: "  ratio        pipeline/ICU = %.2f on 1 core", singleCoreRate / rate))
        }
        print(String(format: "  peak RSS     %.1f MB", Double(Gazette.peakResidentBytes()) / 1_000_000))
    }

    /// Runs the documents through the stages one at a time on this thread, timing each stage and
    /// the JSON encoding (best of `rounds`), and prints each one's time, share and MB/s alone.
    private func printStageTimes(_ pipeline: Pipeline, _ documents: [Document], megabytes: Double) {
        let encoder = Annotator(pipeline: pipeline, jobs: 1).encoder
        var best = [Double](repeating: .infinity, count: pipeline.stages.count + 1)
        var failed = 0
        for _ in 0..<rounds {
            var totals = [UInt64](repeating: 0, count: pipeline.stages.count + 1)
            failed = 0
            for original in documents {
                var document = original
                var ok = true
                for (index, stage) in pipeline.stages.enumerated() where ok {
                    let start = DispatchTime.now().uptimeNanoseconds
                    do { try stage.process(&document) } catch { ok = false }
                    totals[index] += DispatchTime.now().uptimeNanoseconds - start
                }
                guard ok else {
                    failed += 1
                    continue
                }
                let start = DispatchTime.now().uptimeNanoseconds
                var writer = JSONWriter()  // as `Annotator.annotate` does
                encoder.encode(document, into: &writer)
                totals[pipeline.stages.count] += DispatchTime.now().uptimeNanoseconds - start
            }
            for index in totals.indices { best[index] = min(best[index], Double(totals[index]) / 1e9) }
        }
        let (matchStage, bestMatch) = lexiconMatchTimes(pipeline, documents)
        let total = best.reduce(0, +)
        let names = pipeline.stageNames + ["JSON output"]
        print("  stage times  (1 core, best of \(rounds); one document at a time through each stage)")
        for (index, (name, seconds)) in zip(names, best).enumerated() {
            let label = name.count < 13 ? name + String(repeating: " ", count: 13 - name.count) : name
            print("    " + label + String(
                format: " %7.3f s  %5.1f%%  %9.2f MB/s alone", seconds, 100 * seconds / max(total, 1e-9), megabytes / max(seconds, 1e-9)))
            if index == matchStage {
                // Not a stage of its own: part of the gazetteer's time, so not in the shares.
                var line = "      lexicon match" + String(format: " %7.3f s  %9.2f MB/s alone", bestMatch, megabytes / max(bestMatch, 1e-9))
                line += " (within \(name))"
                if let tokenize = pipeline.stageNames.firstIndex(of: "tokenize") {
                    line += String(format: "  %.2fx tokenize", bestMatch / max(best[tokenize], 1e-9))
                }
                print(line)
            }
        }
        if failed > 0 { print("    (\(failed) documents failed a stage and were left out)") }
    }

    /// The gazetteer's lexicon candidate search alone (part of the gazetteer stage's time), in a
    /// pass of its own so the stage times are not affected (a second search of a document would
    /// find the caches warm): the documents go through every stage as in the pipeline (so the
    /// other stages' work between two searches is there), and only the candidate search before
    /// the gazetteer stage is timed (best of `rounds`). The gazetteer stage's index and the
    /// seconds, or nil when the pipeline has no gazetteer.
    private func lexiconMatchTimes(_ pipeline: Pipeline, _ documents: [Document]) -> (Int?, Double) {
        guard let gazetteer = pipeline.stages.firstIndex(where: { $0 is GazetteerStage }) else { return (nil, 0) }
        let encoder = Annotator(pipeline: pipeline, jobs: 1).encoder
        var best = Double.infinity
        for _ in 0..<rounds {
            var total: UInt64 = 0
            for original in documents {
                var document = original
                do {
                    for (index, stage) in pipeline.stages.enumerated() {
                        if index == gazetteer { total += Gazette.lexiconMatchNanoseconds(stage, document) ?? 0 }
                        try stage.process(&document)
                    }
                } catch {
                    continue
                }
                var writer = JSONWriter(capacity: document.byteCount * 2 + 256)
                encoder.encode(document, into: &writer)
            }
            best = min(best, Double(total) / 1e9)
        }
        return (gazetteer, best)
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
