/// The scores of one label (or of all labels together: "micro").
///
/// Exact: a prediction is right when a gold item has the same label and exactly the same span(s).
/// Overlap: a prediction is right when it overlaps a gold item of the same label (every argument
/// span overlapping, for relations), and a gold item is found when some prediction of its label
/// overlaps it.
public struct LabelScore: Hashable, Sendable, Codable {
    /// The label, or "micro".
    public var label: String
    /// Gold items (duplicates counted once).
    public var gold: Int
    /// Predicted items (duplicates counted once).
    public var predicted: Int
    /// Exact matches.
    public var exactMatches: Int
    /// Gold items overlapped by a prediction of the same label.
    public var overlapGoldFound: Int
    /// Predictions overlapping a gold item of the same label.
    public var overlapPredictedCorrect: Int

    /// Creates a score from counts.
    public init(label: String, gold: Int, predicted: Int, exactMatches: Int, overlapGoldFound: Int, overlapPredictedCorrect: Int) {
        self.label = label
        self.gold = gold
        self.predicted = predicted
        self.exactMatches = exactMatches
        self.overlapGoldFound = overlapGoldFound
        self.overlapPredictedCorrect = overlapPredictedCorrect
    }

    /// Exact-match precision, recall, F1.
    public var exact: PRF {
        PRF(correctPredicted: exactMatches, predicted: predicted, foundGold: exactMatches, gold: gold)
    }

    /// Overlap-match precision, recall, F1.
    public var overlap: PRF {
        PRF(correctPredicted: overlapPredictedCorrect, predicted: predicted, foundGold: overlapGoldFound, gold: gold)
    }

    /// Adds another score's counts (for micro averages).
    public static func + (lhs: LabelScore, rhs: LabelScore) -> LabelScore {
        LabelScore(
            label: lhs.label, gold: lhs.gold + rhs.gold, predicted: lhs.predicted + rhs.predicted,
            exactMatches: lhs.exactMatches + rhs.exactMatches,
            overlapGoldFound: lhs.overlapGoldFound + rhs.overlapGoldFound,
            overlapPredictedCorrect: lhs.overlapPredictedCorrect + rhs.overlapPredictedCorrect)
    }

    private enum CodingKeys: String, CodingKey {
        case label, gold, predicted, exactMatches, overlapGoldFound, overlapPredictedCorrect, exact, overlap
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        gold = try container.decode(Int.self, forKey: .gold)
        predicted = try container.decode(Int.self, forKey: .predicted)
        exactMatches = try container.decode(Int.self, forKey: .exactMatches)
        overlapGoldFound = try container.decode(Int.self, forKey: .overlapGoldFound)
        overlapPredictedCorrect = try container.decode(Int.self, forKey: .overlapPredictedCorrect)
    }

    /// Encodes the counts and the derived figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(gold, forKey: .gold)
        try container.encode(predicted, forKey: .predicted)
        try container.encode(exactMatches, forKey: .exactMatches)
        try container.encode(overlapGoldFound, forKey: .overlapGoldFound)
        try container.encode(overlapPredictedCorrect, forKey: .overlapPredictedCorrect)
        try container.encode(exact, forKey: .exact)
        try container.encode(overlap, forKey: .overlap)
    }
}
