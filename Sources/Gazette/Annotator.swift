import Foundation

/// Annotates a stream of input records with a pipeline on several threads and writes one JSON
/// line per document, in input order.
///
/// Input is read in windows (a few MB or a few hundred documents); each window is annotated in
/// parallel, then written in order before the next is read, so memory stays bounded whatever the
/// input size and the output is byte-identical for any number of jobs.
public struct Annotator: Sendable {
    public let pipeline: Pipeline
    public let encoder: DocumentEncoder
    /// Worker threads.
    public let jobs: Int
    /// A window closes after this many input bytes...
    public var windowBytes = 8 << 20
    /// ...or this many documents.
    public var windowDocuments = 2048

    public init(pipeline: Pipeline, includeTokens: Bool = false, jobs: Int) {
        self.pipeline = pipeline
        var layers = pipeline.producedLayers
        if !includeTokens { layers.removeAll { $0 == .tokens } }
        self.encoder = DocumentEncoder(options: OutputOptions(layers: layers, includeTokens: includeTokens))
        self.jobs = max(1, jobs)
    }

    /// Counts of what was done.
    public struct Summary: Sendable {
        public var documents = 0
        public var failures = 0
        public var unreadable = 0
        public var bytes = 0
        public var seconds = 0.0
        /// True when the output's reader went away before the end.
        public var outputClosed = false
    }

    /// A problem to report on stderr.
    public enum Report: Sendable {
        case failure(DocumentFailure)
        case unreadable(path: String, message: String)
    }

    /// Annotates one document: the output line, or an error record when a stage fails.
    public func annotate(_ document: Document) -> (line: [UInt8], failure: DocumentFailure?) {
        var document = document
        // No capacity reserved: the encoder hands over the line in one exactly sized array.
        var writer = JSONWriter()
        do {
            try pipeline.process(&document)
            encoder.encode(document, into: &writer)
            return (writer.bytes, nil)
        } catch {
            let failure: DocumentFailure
            if let stageError = error as? StageError {
                failure = DocumentFailure(
                    id: document.id, code: stageError.code, message: stageError.message, source: document.source)
            } else {
                failure = DocumentFailure(
                    id: document.id, code: .stageFailed, message: "\(error)", source: document.source)
            }
            DocumentEncoder.encode(failure, into: &writer)
            return (writer.bytes, failure)
        }
    }

    /// Reads everything from `reader`, writes to `sink`, calls `report` for each problem (in
    /// input order) and `progress` after each window.
    public func run(
        reader: InputReader, sink: OutputSink, report: (Report) -> Void,
        progress: (Summary) -> Void = { _ in }
    ) throws -> Summary {
        var summary = Summary()
        let started = DispatchTime.now().uptimeNanoseconds
        var window: [InputRecord] = []
        var exhausted = false
        while !exhausted {
            window.removeAll(keepingCapacity: true)
            var bytes = 0
            while window.count < windowDocuments, bytes < windowBytes {
                guard let record = reader.next() else {
                    exhausted = true
                    break
                }
                switch record {
                case let .document(document): bytes += document.byteCount
                case let .jsonLine(line, _): bytes += line.count
                default: break
                }
                window.append(record)
            }
            if window.isEmpty { break }
            let results = parallelMap(count: window.count, jobs: jobs) { index -> ([UInt8], Report?) in
                switch window[index].resolved() {
                case let .document(document):
                    let (line, failure) = annotate(document)
                    return (line, failure.map(Report.failure))
                case let .failure(failure):
                    var writer = JSONWriter()
                    DocumentEncoder.encode(failure, into: &writer)
                    return (writer.bytes, .failure(failure))
                case let .unreadable(path, message):
                    return ([], .unreadable(path: path, message: message))
                case .jsonLine:
                    return ([], nil)  // resolved above
                }
            }
            var output: [UInt8] = []
            output.reserveCapacity(results.reduce(0) { $0 + $1.0.count })
            for (line, problem) in results {
                output.append(contentsOf: line)
                switch problem {
                case .none: summary.documents += 1
                case .failure?:
                    summary.documents += 1
                    summary.failures += 1
                case .unreadable?: summary.unreadable += 1
                }
                if let problem { report(problem) }
            }
            summary.bytes += bytes  // JSON lines count their raw size, text files their text
            do {
                try sink.write(output)
            } catch is OutputSink.Closed {
                summary.outputClosed = true
                break
            }
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            progress(summary)
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return summary
    }
}
