/// Errors reading gold or prediction files. Malformed content names the file and the line.
public enum EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A line (or record starting at that line) could not be understood.
    case malformedLine(file: String, line: Int, reason: String)
    /// A file or folder could not be read.
    case unreadable(path: String, reason: String)
    /// The gold format could not be worked out from the path; pass it explicitly.
    case unknownFormat(path: String)

    public var description: String {
        switch self {
        case let .malformedLine(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .unknownFormat(path):
            return "cannot tell the gold format of \(path): pass --format gazette|conll|re3d"
        }
    }
}
