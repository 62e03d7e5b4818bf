import Testing

/// One sentence-pattern test: marked text, relation lines that must be found, and lines that must
/// not be (negative cases).
struct PatternCase: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: [String]
    var forbidden: [String]

    init(_ name: String, _ text: String, expect expected: [String] = [], forbid forbidden: [String] = []) {
        self.name = name
        self.text = text
        self.expected = expected
        self.forbidden = forbidden
    }

    var testDescription: String { name }
}
