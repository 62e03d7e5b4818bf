/// A half-open range `[start, end)` of Unicode code point offsets into a document's text: the
/// offsets of the output schema and of every gold format (what Python's `str` slicing uses).
///
/// Evaluation compares spans only in code points; the pipeline's UTF-8 byte offsets are
/// converted once, with `GazetteIO.OffsetMap`, when a `Document` becomes an `AnnotatedDocument`.
public struct Span: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// First code point of the span.
    public var start: Int
    /// One past the last code point.
    public var end: Int

    /// Creates a span; `end` is never before `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = Swift.max(start, end)
    }

    /// Number of code points covered.
    public var length: Int { end - start }

    /// True when the two spans share at least one code point.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// `[start,end)`.
    public var description: String { "[\(start),\(end))" }
}
