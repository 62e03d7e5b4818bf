import Foundation

/// One case of a Recognizers-Text spec file: an input and the results it expects.
public struct RecognizersTextCase: Sendable {
    /// One expected result. `end` is exclusive here (the files' `End` is inclusive).
    public struct Result: Hashable, Sendable {
        public var text: String
        public var typeName: String
        public var span: Span
        public var value: String?
        public var unit: String?
        public var isoCurrency: String?
    }

    /// The input sentence.
    public var input: String
    /// The expected results.
    public var results: [Result]
    /// 0-based index of the case in its file.
    public var index: Int

    /// Reads a spec file (a JSON array of `{Input, Results: [{Text, TypeName, Resolution, Start, End}]}`).
    public static func read(path: String) throws(EvaluationError) -> [RecognizersTextCase] {
        guard let data = FileManager.default.contents(atPath: path),
              let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw .malformedLine(file: path, line: 0, reason: "not a JSON array of Recognizers-Text cases")
        }
        var cases: [RecognizersTextCase] = []
        for (index, object) in array.enumerated() {
            guard let input = object["Input"] as? String else {
                throw .malformedLine(file: path, line: 0, reason: "case \(index) has no Input")
            }
            var results: [Result] = []
            for result in object["Results"] as? [[String: Any]] ?? [] {
                guard let start = result["Start"] as? Int, let end = result["End"] as? Int else {
                    throw .malformedLine(file: path, line: 0, reason: "case \(index): a result without Start/End")
                }
                let resolution = result["Resolution"] as? [String: Any] ?? [:]
                results.append(Result(
                    text: result["Text"] as? String ?? "", typeName: result["TypeName"] as? String ?? "",
                    span: Span(start, end + 1), value: resolution["value"] as? String, unit: resolution["unit"] as? String,
                    isoCurrency: resolution["isoCurrency"] as? String))
            }
            cases.append(RecognizersTextCase(input: input, results: results, index: index))
        }
        return cases
    }
}
