/// How many evaluation cases (sentences, or expected quantities) were fully right, with a
/// description of each one that was not.
public struct CaseAccuracy: Sendable {
    /// Cases fully right / all cases (none skipped).
    public var accuracy: Accuracy
    /// One line per case that was not right: what was expected and what was predicted.
    public var failures: [String]
    /// Predictions made (for the precision side of item-level scores), if counted.
    public var predicted: Int?

    /// Creates an empty score.
    public init() {
        accuracy = Accuracy()
        failures = []
    }
}
