/// Per-label scores and their micro average (counts summed over labels, then P/R/F1).
public struct ScoreTable: Hashable, Sendable, Codable {
    /// One row per label, sorted by label.
    public var labels: [LabelScore]
    /// All labels together.
    public var micro: LabelScore

    /// Creates a table; the micro row is summed from the rows.
    public init(labels: [LabelScore]) {
        self.labels = labels.sorted { $0.label < $1.label }
        self.micro = labels.reduce(
            LabelScore(label: "micro", gold: 0, predicted: 0, exactMatches: 0, overlapGoldFound: 0, overlapPredictedCorrect: 0),
            +)
    }

    /// The row of a label, or the micro row for "micro".
    public func row(_ label: String) -> LabelScore? {
        label == "micro" ? micro : labels.first { $0.label == label }
    }
}
