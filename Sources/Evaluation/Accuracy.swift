/// How many of a set of matched pairs agree on some attribute (value, unit, kind).
public struct Accuracy: Hashable, Sendable, Codable {
    /// Pairs that agree.
    public var correct: Int
    /// Pairs compared (those whose gold item states the attribute).
    public var total: Int

    /// Creates an accuracy from counts.
    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// correct / total, or 0 when nothing was compared.
    public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }

    /// Counts one comparison.
    public mutating func record(_ agrees: Bool) {
        total += 1
        if agrees { correct += 1 }
    }

    private enum CodingKeys: String, CodingKey { case correct, total, accuracy }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        correct = try container.decode(Int.self, forKey: .correct)
        total = try container.decode(Int.self, forKey: .total)
    }

    /// Encodes the counts and the ratio.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(correct, forKey: .correct)
        try container.encode(total, forKey: .total)
        try container.encode(accuracy, forKey: .accuracy)
    }
}
