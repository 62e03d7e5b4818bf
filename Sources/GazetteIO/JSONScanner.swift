/// A strict JSON reader for one input line that keeps every value's raw bytes, so passthrough
/// fields are written back exactly as they came in (number formatting, key order, escapes).
///
/// Only the members of the top-level object are split out; nested values are validated and kept raw.
public struct JSONScanner {
    /// A syntax error, with the byte column (1-based) where it was found.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var column: Int
        public var description: String { "\(message) at column \(column)" }
    }

    /// One member of the top-level object.
    public struct Member: Sendable {
        public var key: String
        /// The value's bytes exactly as written.
        public var raw: ArraySlice<UInt8>
        /// The first byte of the value: `"` for strings, `{`, `[`, a digit, `-`, `t`, `f`, `n`.
        public var lead: UInt8 { raw.first ?? 0 }
    }

    /// The top-level value: an object's members, or another kind of value.
    public enum TopLevel: Sendable {
        case object([Member])
        case other(kind: String)
    }

    private let bytes: [UInt8]
    private var position = 0
    private static let maximumDepth = 512

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON text (surrounding whitespace allowed; nothing else may follow).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> TopLevel {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        guard scanner.position < bytes.count else { throw scanner.error("empty line where a JSON object was expected") }
        let result: TopLevel
        if bytes[scanner.position] == UInt8(ascii: "{") {
            result = .object(try scanner.topLevelObject())
        } else {
            let lead = bytes[scanner.position]
            try scanner.value(depth: 0)
            result = .other(kind: Self.kindName(lead))
        }
        scanner.skipWhitespace()
        guard scanner.position == bytes.count else { throw scanner.error("unexpected characters after the JSON value") }
        return result
    }

    /// Decodes a raw JSON string value (with its quotes) into a Swift string.
    public static func decodeString(_ raw: ArraySlice<UInt8>) throws(SyntaxError) -> String {
        var scanner = JSONScanner(Array(raw))
        return try scanner.string()
    }

    static func kindName(_ lead: UInt8) -> String {
        switch lead {
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "number"
        }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, column: position + 1)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        guard position < bytes.count, bytes[position] == byte else {
            throw error(position < bytes.count ? "expected \(what)" : "unexpected end of line, expected \(what)")
        }
        position += 1
    }

    private mutating func topLevelObject() throws(SyntaxError) -> [Member] {
        var members: [Member] = []
        try object(depth: 0) { key, raw in members.append(Member(key: key, raw: raw)) }
        return members
    }

    /// Parses the object at `position` (its "{"). With `member`, each key is decoded and passed
    /// with its value's raw bytes; without, keys are only validated.
    private mutating func object(
        depth: Int, member: ((String, ArraySlice<UInt8>) -> Void)? = nil
    ) throws(SyntaxError) {
        try expect(UInt8(ascii: "{"), "'{'")
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key")
            }
            var key = ""
            if member != nil { key = try string() } else { try skipString() }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a key")
            skipWhitespace()
            let start = position
            try value(depth: depth + 1)
            member?(key, bytes[start..<position])
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of line inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return
        }
    }

    private mutating func value(depth: Int) throws(SyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        guard position < bytes.count else { throw error("unexpected end of line, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"):
            try object(depth: depth)
        case UInt8(ascii: "["):
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                try value(depth: depth + 1)
                skipWhitespace()
                guard position < bytes.count else { throw error("unexpected end of line inside an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw error("unexpected character where a value was expected")
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error("invalid literal") }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw error("invalid literal")
        }
        position += count
    }

    private mutating func number() throws(SyntaxError) {
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid number") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw error("invalid number") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipString() throws(SyntaxError) {
        position += 1
        while true {
            position = nextSpecial(from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return
            }
            if byte < 0x20 { throw error("control character inside a string") }
            // A backslash.
            position += 1
            guard position < bytes.count else { break }
            switch bytes[position] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position += 1
            case UInt8(ascii: "u"):
                _ = try hex4()
            default:
                throw error("invalid escape in a string")
            }
        }
        throw error("unterminated string")
    }

    /// The index of the first quote, backslash or control character at or after `start`
    /// (`bytes.count` when there is none): the bytes a string's scan stops at, found eight at
    /// a time.
    private func nextSpecial(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return buffer.count }
            let count = buffer.count
            var index = max(0, start)
            while count &- index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if JSONBuffer.escapeBits(word) != 0 { break }
                index &+= 8
            }
            while index < count {
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
                index &+= 1
            }
            return count
        }
    }

    /// Reads "uXXXX" (position at the 'u'); returns the code unit.
    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        position += 1
        guard position + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// Decodes the string at `position` (which is at its opening quote).
    private mutating func string() throws(SyntaxError) -> String {
        position += 1
        var output: [UInt8] = []
        var runStart = position
        while true {
            position = nextSpecial(from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                defer { position += 1 }
                // Without escapes, straight from the input bytes.
                if output.isEmpty { return String(decoding: bytes[runStart..<position], as: UTF8.self) }
                output.append(contentsOf: bytes[runStart..<position])
                return String(decoding: output, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character inside a string") }
            if byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[runStart..<position])
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    output.append(escape)
                    position += 1
                case UInt8(ascii: "b"): output.append(0x08); position += 1
                case UInt8(ascii: "f"): output.append(0x0C); position += 1
                case UInt8(ascii: "n"): output.append(0x0A); position += 1
                case UInt8(ascii: "r"): output.append(0x0D); position += 1
                case UInt8(ascii: "t"): output.append(0x09); position += 1
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // a high surrogate: combine with a following low surrogate if present
                        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u")
                        {
                            let save = position
                            position += 1
                            let low = try hex4()
                            if (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                position = save
                                scalar = 0xFFFD
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    output.append(contentsOf: String(Character(value)).utf8)
                default:
                    throw error("invalid escape in a string")
                }
                runStart = position
                continue
            }
        }
        throw error("unterminated string")
    }
}
