import GazetteCore

/// Turns raw input bytes into valid UTF-8 text, repairing and reporting what was wrong.
public enum TextDecoding {
    /// The result of decoding: the text, plus diagnostics for repaired or suspicious bytes.
    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [Diagnostic]
    }

    /// Decodes `bytes` as UTF-8. Invalid sequences become U+FFFD and an `invalid-utf8` warning
    /// says how many were replaced; NUL bytes add a `binary-content` warning. A leading UTF-8
    /// byte-order mark is dropped.
    public static func decode<C: Collection<UInt8>>(_ bytes: C) -> Decoded {
        var warnings: [Diagnostic] = []
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        let text: String
        if let valid = String(validating: slice, as: UTF8.self) {
            text = valid
        } else {
            let invalid = countInvalidSequences(slice)
            text = String(decoding: slice, as: UTF8.self)
            warnings.append(
                Diagnostic(
                    code: .invalidUTF8,
                    message: "\(invalid) invalid UTF-8 sequence\(invalid == 1 ? "" : "s") replaced by U+FFFD"))
        }
        if slice.contains(0) {
            warnings.append(
                Diagnostic(code: .binaryContent, message: "the input contains NUL bytes; it may be a binary file"))
        }
        return Decoded(text: text, warnings: warnings)
    }

    /// Repairs invalid UTF-8 in place of a byte array (used on JSON lines before parsing).
    /// Returns the number of invalid sequences replaced, 0 when the bytes were valid.
    public static func repair(_ bytes: inout [UInt8]) -> Int {
        if String(validating: bytes, as: UTF8.self) != nil { return 0 }
        let invalid = countInvalidSequences(bytes[...])
        bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return invalid
    }

    private static func countInvalidSequences<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var count = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: count += 1
            }
        }
        return count
    }
}
