import ArgumentParser
import Foundation
import Gazette

/// Options shared by `annotate` and `bench`: which stages, which lexicons, how many threads.
struct PipelineOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated stages to run, in order (default: all). Available: \(StageCatalog.names.joined(separator: ", ")).",
            valueName: "list"))
    var stages: String?

    @Option(name: .customLong("lexicons"), help: ArgumentHelp("An extra lexicon directory (repeatable).", valueName: "dir"))
    var lexiconDirectories: [String] = []

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp(
            "An extra lexicon list file (repeatable); its '#! label=... subtype=... case=... diacritics=... priority=...' header says how to use it.",
            valueName: "file"))
    var lexiconFiles: [String] = []

    @Option(help: ArgumentHelp("Largest document accepted, in bytes.", valueName: "bytes"))
    var maxDocumentBytes: Int = 64 << 20

    mutating func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxDocumentBytes < 1 { throw ValidationError("--max-document-bytes must be positive") }
        if let stages, stageNames(stages).isEmpty { throw ValidationError("--stages needs at least one stage") }
        for directory in lexiconDirectories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw ValidationError("--lexicons \(directory): not a directory") }
        }
        for file in lexiconFiles {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue
            else { throw ValidationError("--lexicon \(file): not a file") }
        }
    }

    private func stageNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Worker threads to use.
    var resolvedJobs: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The pipeline configuration these options describe.
    var configuration: PipelineConfiguration {
        PipelineConfiguration(
            stageNames: stages.map(stageNames), lexiconDirectories: lexiconDirectories, lexiconFiles: lexiconFiles)
    }

    /// Builds the pipeline, turning configuration errors into usage errors.
    func makePipeline() throws -> Pipeline {
        do {
            return try StageCatalog.makePipeline(configuration)
        } catch {
            throw UsageError(description: error.description)
        }
    }
}
