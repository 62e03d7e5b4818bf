/// Errors found when a pipeline is built.
public enum PipelineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stage requires layers that no earlier stage produces.
    case unsatisfiedRequirement(stage: String, missing: [Layer])
    /// Two stages have the same name.
    case duplicateStage(String)
    /// The pipeline has no stage.
    case empty

    public var description: String {
        switch self {
        case let .unsatisfiedRequirement(stage, missing):
            let names = missing.map(\.rawValue).joined(separator: ", ")
            return "stage '\(stage)' requires \(names), which no earlier stage produces"
        case let .duplicateStage(name):
            return "stage '\(name)' appears twice"
        case .empty:
            return "the pipeline has no stage"
        }
    }
}

/// An ordered chain of stages, checked once when built: every stage's requirements are produced
/// by the stages before it. Immutable and `Sendable`: one pipeline serves all threads.
public struct Pipeline: Sendable {
    /// The stages, in order.
    public let stages: [any Stage]
    /// Every layer some stage produces, in output order.
    public let producedLayers: [Layer]

    /// Builds a pipeline, checking the chain.
    public init(_ stages: [any Stage]) throws(PipelineError) {
        guard !stages.isEmpty else { throw .empty }
        var available = Set<Layer>()
        var names = Set<String>()
        for stage in stages {
            guard names.insert(stage.name).inserted else { throw .duplicateStage(stage.name) }
            let missing = stage.requires.subtracting(available).sorted()
            guard missing.isEmpty else { throw .unsatisfiedRequirement(stage: stage.name, missing: missing) }
            available.formUnion(stage.produces)
        }
        self.stages = stages
        self.producedLayers = available.sorted()
    }

    /// Runs every stage on the document, in order.
    public func process(_ document: inout Document) throws {
        for stage in stages {
            try stage.process(&document)
        }
    }

    /// The names of the stages, in order.
    public var stageNames: [String] { stages.map(\.name) }
}
