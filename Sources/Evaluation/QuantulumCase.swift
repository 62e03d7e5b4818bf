import Foundation

/// One sentence of quantulum3's test file: the text and the quantities it expects.
public struct QuantulumCase: Sendable {
    /// One expected quantity: value (exact decimal, as written in the JSON), unit name, surface.
    public struct Expected: Hashable, Sendable {
        public var value: String
        public var unit: String
        public var surface: String
    }

    /// The sentence.
    public var text: String
    /// The expected quantities, in order.
    public var expected: [Expected]

    /// Reads `quantities.json` (a JSON array of `{req, res: [{value, unit, surface}]}`).
    public static func read(path: String) throws(EvaluationError) -> [QuantulumCase] {
        guard let data = FileManager.default.contents(atPath: path),
              let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw .malformedLine(file: path, line: 0, reason: "not a JSON array of quantulum3 cases")
        }
        return array.map { object in
            let expected = (object["res"] as? [[String: Any]] ?? []).map { item in
                Expected(value: Self.decimal(item["value"]), unit: item["unit"] as? String ?? "", surface: item["surface"] as? String ?? "")
            }
            return QuantulumCase(text: object["req"] as? String ?? "", expected: expected)
        }
    }

    /// A JSON number as an exact decimal string (NSNumber prints the shortest round-trip form).
    static func decimal(_ value: Any?) -> String {
        if let number = value as? NSNumber { return DecimalValue.canonical(number.stringValue) }
        if let text = value as? String { return DecimalValue.canonical(text) }
        return ""
    }
}
