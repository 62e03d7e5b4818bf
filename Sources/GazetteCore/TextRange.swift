/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's text.
///
/// Inside the pipeline every offset is a UTF-8 byte offset (what ICU returns and what Swift's
/// native strings store). `GazetteIO` converts them to Unicode code points once, when writing.
public struct TextRange: Hashable, Comparable, Sendable {
    /// First byte of the span.
    public var start: Int
    /// One past the last byte of the span.
    public var end: Int

    /// Creates a range; `end` is clamped so that it is never before `start`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = Swift.max(start, end)
    }

    /// Number of bytes covered.
    public var length: Int { end - start }
    /// True when the range covers no byte.
    public var isEmpty: Bool { end == start }

    /// True when the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    /// True when `other` lies entirely inside this range.
    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    /// The smallest range covering both.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(Swift.min(start, other.start), Swift.max(end, other.end))
    }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
