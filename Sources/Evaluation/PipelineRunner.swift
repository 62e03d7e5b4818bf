import Dispatch
import GazetteCore
import Synchronization

/// Runs a pipeline over gold texts in-process and returns the predictions in evaluation form.
public struct PipelineRunner: Sendable {
    /// The pipeline.
    public let pipeline: Pipeline
    /// Worker threads.
    public let jobs: Int

    /// Creates a runner.
    public init(pipeline: Pipeline, jobs: Int = 1) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
    }

    /// Annotates each gold document's text (only `id` and `text` are given to the pipeline). A
    /// document a stage fails on comes back with `failure` set. Results are in input order.
    public func annotate(_ documents: [AnnotatedDocument]) -> [AnnotatedDocument] {
        let inputs = documents.map { (id: $0.id, text: $0.text) }
        let results = Mutex<[AnnotatedDocument?]>(Array(repeating: nil, count: inputs.count))
        let next = Atomic<Int>(0)
        let pipeline = self.pipeline
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, inputs.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                let input = inputs[index]
                var document = Document(id: input.id, text: input.text)
                let result: AnnotatedDocument
                do {
                    try pipeline.process(&document)
                    result = AnnotatedDocument(document)
                } catch {
                    result = AnnotatedDocument(id: input.id, text: input.text, failure: "\(error)")
                }
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { slots in
            slots.enumerated().map { index, slot in
                slot ?? AnnotatedDocument(id: inputs[index].id, text: inputs[index].text, failure: "not annotated")
            }
        }
    }
}
