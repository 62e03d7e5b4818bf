import CICU

/// The one Swift file that talks to ICU (through the `CICU` target's plain-C API).
///
/// ICU segments the UTF-8 bytes directly (`utext_openUTF8`): boundaries come back as UTF-8 byte
/// offsets, with no UTF-16 copy. ICU's break iterators are not thread-safe; `CICU` keeps one per
/// thread, so this type is a stateless value usable from any thread.
public struct ICUSegmenter: Sendable {
    /// The segmentation to run.
    public enum Kind: Int32, Sendable {
        case sentence = 0
        case word = 1
    }

    /// ICU's rule-status class for a word segment.
    public enum WordClass: Int32, Sendable {
        case none = 0, number = 1, letter = 2, kana = 3, ideographic = 4
    }

    /// An error reported by ICU.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var code: Int32
        public var description: String {
            guard let name = gz_error_name(code) else { return "ICU error \(code)" }
            return "ICU error \(String(cString: name))"
        }
    }

    public init() {}

    /// The version of the ICU library in use ("72.1").
    public static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { gz_icu_version($0.baseAddress, Int32($0.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Calls `body(end, wordClass)` for each segment of `text`, in order; a segment starts where
    /// the previous one ended (the first at 0). For sentences the class is always `.none`.
    public func segment(
        _ kind: Kind, _ text: UnsafeBufferPointer<UInt8>, _ body: (Int, WordClass) -> Void
    ) throws(Failure) {
        guard text.count > 0 else { return }
        guard text.count < Int(Int32.max) else { throw Failure(code: 8 /* U_INDEX_OUTOFBOUNDS_ERROR */) }
        let status = gz_segment_reset(kind.rawValue, text.baseAddress, Int32(text.count))
        guard status == 0 else { throw Failure(code: status) }
        let capacity = 512
        var failure: Int32 = 0
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity * 2) { buffer in
            guard let base = buffer.baseAddress else { return }
            let boundaries = base
            let classes = base + capacity
            while true {
                let count = gz_segment_next(kind.rawValue, boundaries, classes, Int32(capacity))
                if count < 0 {
                    failure = 27  // U_INTERNAL_PROGRAM_ERROR
                    return
                }
                if count == 0 { return }
                for index in 0..<Int(count) {
                    body(Int(boundaries[index]), WordClass(rawValue: classes[index]) ?? .none)
                }
            }
        }
        if failure != 0 { throw Failure(code: failure) }
    }
}
