import Foundation

/// A UTF-8 text file split into numbered lines (internal helper for the readers).
struct TextFile {
    /// The path as given.
    let path: String
    /// The lines, without their terminators ("\n" or "\r\n"); a leading byte order mark is removed.
    let lines: [Substring]

    init(path: String) throws(EvaluationError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        self.init(path: path, contents: text)
    }

    /// A file held in memory (`path` names it in errors).
    init(path: String, contents: String) {
        self.path = path
        var text = contents
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Lines that are not blank, with their 1-based numbers.
    var nonBlankLines: [(number: Int, text: Substring)] {
        lines.enumerated().compactMap { index, line in
            line.allSatisfy(\.isWhitespace) ? nil : (index + 1, line)
        }
    }

    /// Decodes one JSON line, turning decoding errors into `malformedLine` with a readable reason.
    func decode<Record: Decodable>(_ type: Record.Type, line: Int, text: Substring) throws(EvaluationError) -> Record {
        do {
            return try JSONDecoder().decode(Record.self, from: Data(text.utf8))
        } catch {
            throw .malformedLine(file: path, line: line, reason: Self.describe(error))
        }
    }

    /// A short description of a decoding error: the JSON path and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the line" : String(text.drop { $0 == "." })
        }
        switch error {
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(type)"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): missing"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
