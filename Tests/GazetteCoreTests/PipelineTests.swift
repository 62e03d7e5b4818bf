import Testing

@testable import GazetteCore

/// A stage for testing the pipeline's chain checks: it records its name in the warnings.
struct RecordingStage: Stage {
    let name: String
    let requires: Set<Layer>
    let produces: Set<Layer>
    var fails = false

    func process(_ document: inout Document) throws {
        if fails { throw StageError(code: .stageFailed, message: "\(name) failed") }
        document.warnings.append(Diagnostic(code: "ran", message: name))
    }
}

@Suite("Pipeline")
struct PipelineTests {
    @Test("runs stages in order and lists the layers they produce")
    func runsInOrder() throws {
        let pipeline = try Pipeline([
            RecordingStage(name: "a", requires: [], produces: [.tokens, .sentences]),
            RecordingStage(name: "b", requires: [.tokens], produces: [.entities]),
        ])
        var document = Document(id: "d", text: "x")
        try pipeline.process(&document)
        #expect(document.warnings.map(\.message) == ["a", "b"])
        #expect(pipeline.producedLayers == [.sentences, .tokens, .entities])
        #expect(pipeline.stageNames == ["a", "b"])
    }

    @Test("rejects a stage whose requirements are not produced earlier")
    func rejectsUnsatisfied() {
        #expect(throws: PipelineError.unsatisfiedRequirement(stage: "b", missing: [.tokens])) {
            try Pipeline([
                RecordingStage(name: "b", requires: [.tokens], produces: [.entities]),
                RecordingStage(name: "a", requires: [], produces: [.tokens]),
            ])
        }
    }

    @Test("rejects duplicate and empty pipelines")
    func rejectsDuplicates() {
        #expect(throws: PipelineError.duplicateStage("a")) {
            try Pipeline([
                RecordingStage(name: "a", requires: [], produces: []),
                RecordingStage(name: "a", requires: [], produces: []),
            ])
        }
        #expect(throws: PipelineError.empty) { try Pipeline([]) }
    }

    @Test("a failing stage throws")
    func stageFailure() throws {
        let pipeline = try Pipeline([RecordingStage(name: "a", requires: [], produces: [], fails: true)])
        var document = Document(id: "d", text: "x")
        #expect(throws: StageError.self) { try pipeline.process(&document) }
    }
}

@Suite("Document and TextRange")
struct DocumentTests {
    @Test("text(of:) slices by UTF-8 byte offsets")
    func slicing() {
        let document = Document(id: "d", text: "Zelenskiy’s “army”")
        #expect(document.text(of: TextRange(0, 9)) == "Zelenskiy")
        #expect(document.text(of: TextRange(9, 13)) == "’s")
        #expect(document.byteCount == "Zelenskiy’s “army”".utf8.count)
        #expect(document.text(of: TextRange(100, 200)) == "")
    }

    static let ranges: [(TextRange, TextRange, Bool, Bool)] = [
        (TextRange(0, 5), TextRange(3, 8), true, false),
        (TextRange(0, 5), TextRange(5, 8), false, false),
        (TextRange(0, 10), TextRange(2, 4), true, true),
        (TextRange(2, 4), TextRange(2, 4), true, true),
    ]

    @Test("overlap and containment", arguments: ranges)
    func rangeRelations(_ a: TextRange, _ b: TextRange, _ overlaps: Bool, _ contains: Bool) {
        #expect(a.overlaps(b) == overlaps)
        #expect(a.contains(b) == contains)
        #expect(a.union(b).contains(a) && a.union(b).contains(b))
    }

    @Test("a range never ends before it starts")
    func clamped() {
        #expect(TextRange(5, 2).isEmpty)
        #expect(TextRange(1, 3) < TextRange(1, 4))
        #expect(TextRange(0, 9) < TextRange(1, 2))
    }
}
