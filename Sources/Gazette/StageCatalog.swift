/// What a pipeline is built from: the stages to run and the resources they load.
public struct PipelineConfiguration: Sendable {
    /// Stage names in order; nil means every available stage.
    public var stageNames: [String]?
    /// Extra lexicon directories (`--lexicons`), read by the gazetteer stage.
    public var lexiconDirectories: [String]
    /// Extra lexicon list files with a `#!` header (`--lexicon`), read by the gazetteer stage.
    public var lexiconFiles: [String]

    public init(stageNames: [String]? = nil, lexiconDirectories: [String] = [], lexiconFiles: [String] = []) {
        self.stageNames = stageNames
        self.lexiconDirectories = lexiconDirectories
        self.lexiconFiles = lexiconFiles
    }
}

/// Errors in a pipeline configuration.
public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownStage(String, available: [String])
    case invalidPipeline(PipelineError)
    case stageFailedToLoad(stage: String, message: String)

    public var description: String {
        switch self {
        case let .unknownStage(name, available):
            return "unknown stage '\(name)' (available: \(available.joined(separator: ", ")))"
        case let .invalidPipeline(error):
            return error.description
        case let .stageFailedToLoad(stage, message):
            return "stage '\(stage)' could not load: \(message)"
        }
    }
}

/// The stages Gazette knows, by name, in pipeline order.
public enum StageCatalog {
    /// A named stage and how to make it.
    public struct Entry: Sendable {
        public var name: String
        public var summary: String
        public var make: @Sendable (PipelineConfiguration) throws -> any Stage
    }

    /// Every stage, in the order a full pipeline runs them.
    public static let entries: [Entry] = [
        Entry(name: "tokenize", summary: "ICU sentence and word segmentation", make: { _ in Tokenizer() }),
        Entry(
            name: "gazetteer", summary: "lexicon matching: people, places, organisations, nationalities, titles",
            make: { configuration in
                try GazetteerStage(
                    configuration: .standard(
                        directories: configuration.lexiconDirectories, files: configuration.lexiconFiles))
            }),
        Entry(
            name: "quantities", summary: "numbers, money, percentages, measures, ranges, bounds, counted nouns",
            make: { _ in
                try QuantityStage(directory: LexiconLocator.bundledDirectory() + "/units")
            }),
        Entry(
            name: "relations",
            summary: "titles, affiliation, nationality, location, aliases, quantity owners, event frames",
            make: { _ in try RelationStage(lexiconDirectory: LexiconLocator.bundledDirectory()) }),
    ]

    /// Stage names in pipeline order.
    public static var names: [String] { entries.map(\.name) }

    /// Builds the configured pipeline: loads each stage once and checks the chain.
    public static func makePipeline(_ configuration: PipelineConfiguration) throws(ConfigurationError) -> Pipeline {
        let wanted = configuration.stageNames ?? names
        var stages: [any Stage] = []
        for name in wanted {
            guard let entry = entries.first(where: { $0.name == name }) else {
                throw .unknownStage(name, available: names)
            }
            do {
                stages.append(try entry.make(configuration))
            } catch {
                throw .stageFailedToLoad(stage: name, message: "\(error)")
            }
        }
        do {
            return try Pipeline(stages)
        } catch {
            throw .invalidPipeline(error)
        }
    }
}
