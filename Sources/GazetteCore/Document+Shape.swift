/// Orthographic shapes of tokens.
extension Document {
    /// The token's shape, spaCy style: letters become "X" or "x", digits "d", other characters
    /// stay; a run of the same shape character is cut after four. "Zelenskiy" → "Xxxxx",
    /// "U.S." → "X.X.", "3,000" → "d,ddd".
    public func shape(of token: Token) -> String {
        withUTF8 { bytes in Self.shape(of: token.range, in: bytes) }
    }

    /// The shape of `range` in `bytes` (valid UTF-8).
    public static func shape(of range: TextRange, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let capacity = range.length
        return String(unsafeUninitializedCapacity: capacity) { output in
            var written = 0
            var last: UInt32 = 0
            var run = 0
            var offset = range.start
            while offset < range.end {
                let byte = bytes[offset]
                var mapped: UInt8 = 0
                var scalarLength = 1
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): mapped = UInt8(ascii: "X")
                    case UInt8(ascii: "a")...UInt8(ascii: "z"): mapped = UInt8(ascii: "x")
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): mapped = UInt8(ascii: "d")
                    default: mapped = byte
                    }
                } else {
                    let (value, length) = scalar(bytes, at: offset)
                    scalarLength = length
                    let properties = value.properties
                    if properties.isUppercase {
                        mapped = UInt8(ascii: "X")
                    } else if properties.isAlphabetic {
                        mapped = UInt8(ascii: "x")
                    } else if properties.generalCategory == .decimalNumber {
                        mapped = UInt8(ascii: "d")
                    }
                }
                let key: UInt32 = mapped != 0 ? UInt32(mapped) : 0x100 | UInt32(bytes[offset])
                if key == last { run += 1 } else { last = key; run = 1 }
                if run <= 4 {
                    if mapped != 0 {
                        output[written] = mapped
                        written += 1
                    } else {
                        for index in 0..<scalarLength {
                            output[written] = bytes[offset + index]
                            written += 1
                        }
                    }
                }
                offset += scalarLength
            }
            return written
        }
    }


    /// Decodes the scalar starting at `offset` of valid UTF-8 and returns it with its length.
    @inline(__always)
    public static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        var length: Int
        if lead >= 0xF0 {
            value = UInt32(lead & 0x07)
            length = 4
        } else if lead >= 0xE0 {
            value = UInt32(lead & 0x0F)
            length = 3
        } else {
            value = UInt32(lead & 0x1F)
            length = 2
        }
        let available = min(length, bytes.count - offset)
        for index in 1..<max(1, available) {
            value = (value << 6) | UInt32(bytes[offset + index] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", max(1, available))
    }
}
