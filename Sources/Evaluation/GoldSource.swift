/// Where a gold annotation or document was read from: a file and a 1-based line.
public struct GoldSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file, as given (or as found under a gold folder).
    public var file: String
    /// 1-based line number.
    public var line: Int

    /// Creates a source location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}
