/// A problem in one of the `Lexicons/units` tables, naming the file and line.
public struct UnitTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The table file ("units.tsv") or directory the problem is in.
    public var file: String
    /// 1-based line number; 0 when the whole file is concerned (missing, unreadable).
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// "units.tsv:12: bad si_factor 'x'".
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
