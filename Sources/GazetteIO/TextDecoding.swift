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
        if bytes.withUnsafeBufferPointer({ isValidUTF8($0) }) { return 0 }
        let invalid = countInvalidSequences(bytes[...])
        bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        return invalid
    }

    /// True when `bytes` are well-formed UTF-8 (what `String(validating:as:)` accepts), checked
    /// without making a string: ASCII eight bytes at a time, other characters by the table of
    /// well-formed byte sequences (Unicode 15, table 3-7: no overlong forms, no surrogates,
    /// nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if count &- index >= 8,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index &+= 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // The length of the sequence and the range its second byte must be in.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard count &- index >= length else { return false }
            let second = base[index &+ 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<max(2, length) where base[index &+ offset] & 0xC0 != 0x80 { return false }
            index &+= length
        }
        return true
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
