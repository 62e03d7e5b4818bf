/// Precision, recall and F1, computed like spaCy's scorer and conlleval: 0 when there is nothing
/// to divide by.
public struct PRF: Hashable, Sendable, Codable {
    /// Correct predictions / predictions.
    public var precision: Double
    /// Gold items found / gold items.
    public var recall: Double
    /// Harmonic mean of precision and recall.
    public var f1: Double

    /// Computes the figures from counts.
    public init(correctPredicted: Int, predicted: Int, foundGold: Int, gold: Int) {
        precision = predicted > 0 ? Double(correctPredicted) / Double(predicted) : 0
        recall = gold > 0 ? Double(foundGold) / Double(gold) : 0
        f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// The figure named "precision", "recall" or "f1".
    public func value(named name: String) -> Double? {
        switch name {
        case "precision", "p": return precision
        case "recall", "r": return recall
        case "f1", "f": return f1
        default: return nil
        }
    }
}
