import GazetteCore

/// Byte-level helpers over valid UTF-8 text: scalar decoding, whitespace, token kind and shape,
/// and the clitic and number/unit split points.
enum TextScan {
    /// Decodes the scalar starting at `offset` (the text is valid UTF-8).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        Document.scalar(bytes, at: offset)
    }

    /// Length in bytes of the scalar starting at `offset`.
    @inline(__always)
    static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return min(length, bytes.count - offset)
    }

    /// Start of the scalar that ends at `end`, not before `floor`.
    static func lastScalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, notBefore floor: Int) -> Int? {
        guard end > floor else { return nil }
        var index = end - 1
        while index > floor, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// True when the scalar at `offset` is whitespace (spaces, tabs, line ends, NBSP, ...).
    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        return isNonASCIIWhitespace(bytes, at: offset)
    }

    /// The end of the segment `[start, end)` without the invisible format marks that word
    /// segmentation glues to the character before them (UAX #29 rule WB4): LEFT-TO-RIGHT and
    /// RIGHT-TO-LEFT MARK, ZERO WIDTH SPACE, WORD JOINER, ZERO WIDTH NO-BREAK SPACE and SOFT HYPHEN
    /// at the end of a word. Keeps at least the segment's first character.
    @inline(__always)
    static func endBeforeInvisibleMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        // Every such mark ends in a byte of 0x8B...0xBF after a lead byte 0xC2, 0xE2 or 0xEF:
        // the common case (an ASCII last byte) returns at once.
        guard end <= bytes.count, bytes[end - 1] >= 0x80 else { return end }
        var trimmed = end
        while trimmed - start > 3 {
            let last = bytes[trimmed - 1]
            if bytes[trimmed - 2] == 0xC2, last == 0xAD {
                trimmed -= 2  // U+00AD SOFT HYPHEN
                continue
            }
            guard isThreeByteInvisibleMark(bytes[trimmed - 3], bytes[trimmed - 2], last) else { break }
            trimmed -= 3
        }
        return trimmed
    }

    /// True when the segment `[start, end)` holds nothing but the invisible marks
    /// `endBeforeInvisibleMarks` trims (a ZERO WIDTH SPACE between words is no token).
    static func isInvisibleMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, end <= bytes.count, bytes[start] >= 0xC2 else { return false }
        var index = start
        while index < end {
            if index + 2 <= end, bytes[index] == 0xC2, bytes[index + 1] == 0xAD {
                index += 2
                continue
            }
            guard index + 3 <= end else { return false }
            guard isThreeByteInvisibleMark(bytes[index], bytes[index + 1], bytes[index + 2]) else { return false }
            index += 3
        }
        return true
    }

    /// True for the UTF-8 bytes of U+200B ZERO WIDTH SPACE, U+200E LEFT-TO-RIGHT MARK, U+200F
    /// RIGHT-TO-LEFT MARK, U+2060 WORD JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE.
    @inline(__always)
    static func isThreeByteInvisibleMark(_ lead: UInt8, _ middle: UInt8, _ last: UInt8) -> Bool {
        (lead == 0xE2 && middle == 0x80 && (last == 0x8B || last == 0x8E || last == 0x8F))
            || (lead == 0xE2 && middle == 0x81 && last == 0xA0)
            || (lead == 0xEF && middle == 0xBB && last == 0xBF)
    }

    /// `isWhitespace` for a scalar that is not ASCII: the Unicode White_Space property.
    @inline(never)
    static func isNonASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let (scalar, _) = scalar(bytes, at: offset)
        switch scalar.value {
        case 0x80..<0x800:
            return scalar.value == 0x85 || scalar.value == 0xA0
        case 0x2000..<0x2100:
            // U+2000–U+200A, LINE and PARAGRAPH SEPARATOR, NARROW NBSP, MEDIUM MATHEMATICAL SPACE
            return scalar.value <= 0x200A || scalar.value == 0x2028 || scalar.value == 0x2029
                || scalar.value == 0x202F || scalar.value == 0x205F
        default:
            return scalar.properties.isWhitespace
        }
    }

    /// The kind of a token, from ICU's class and its first character.
    @inline(__always)
    static func kind(of range: TextRange, wordClass: ICUSegmenter.WordClass, in bytes: UnsafeBufferPointer<UInt8>)
        -> TokenKind
    {
        switch wordClass {
        case .number:
            return .number
        case .letter:
            let first = bytes[range.start]
            return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") ? .number : .word
        case .kana, .ideographic:
            return .word
        case .none:
            let lead = bytes[range.start]
            if lead < 0x80 {
                switch lead {
                case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
                    UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                    return .symbol
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return .number
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    return .word
                case 0x21...0x7E:
                    return .punctuation
                default:
                    return .symbol
                }
            }
            return kindOfNonASCII(bytes, at: range.start)
        }
    }

    /// `kind(ofNonASCII:)` of the scalar at `offset`. (Out of line: the Unicode properties it may
    /// need would otherwise cost every call of `kind` a metadata look-up.)
    @inline(never)
    static func kindOfNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> TokenKind {
        let (first, _) = scalar(bytes, at: offset)
        switch first.value {
        case 0x80..<0x800: return twoByteKinds[Int(first.value) - 0x80]
        case 0x2000..<0x2100: return generalPunctuationKinds[Int(first.value) - 0x2000]
        default: return kind(ofNonASCII: first)
        }
    }

    /// `kind(ofNonASCII:)` of U+0080..<U+0800 and of U+2000..<U+2100, computed once.
    static let twoByteKinds: [TokenKind] = (0x80..<0x800).map { value in
        Unicode.Scalar(UInt32(value)).map { kind(ofNonASCII: $0) } ?? .symbol
    }
    static let generalPunctuationKinds: [TokenKind] = (0x2000..<0x2100).map { value in
        Unicode.Scalar(UInt32(value)).map { kind(ofNonASCII: $0) } ?? .symbol
    }

    /// The kind of a segment without ICU class that starts with the non-ASCII `first`.
    @inline(never)
    static func kind(ofNonASCII first: Unicode.Scalar) -> TokenKind {
        switch first.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .decimalNumber:
            return .number
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .word
        default:
            return .symbol
        }
    }

    /// Where to split a possessive or clitic "’s"/"'s" off a word ("Zelenskiy’s", "it's"), if any.
    static func cliticSplit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 3 else { return nil }
        let last = bytes[end - 1]
        guard last == UInt8(ascii: "s") || last == UInt8(ascii: "S") else { return nil }
        // ASCII apostrophe
        if bytes[end - 2] == UInt8(ascii: "'") {
            return end - 2 > start ? end - 2 : nil
        }
        // U+2019 RIGHT SINGLE QUOTATION MARK = E2 80 99
        if end - start >= 5, bytes[end - 4] == 0xE2, bytes[end - 3] == 0x80, bytes[end - 2] == 0x99 {
            return end - 4 > start ? end - 4 : nil
        }
        return nil
    }

    /// Where to split a number from glued letters ("1.5bn", "10k", "120km"), if any. Ordinals
    /// ("3rd", "21st") and plurals of numbers ("1990s") stay whole.
    static func numberUnitSplit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var index = start
        guard index < end, isDigit(bytes[index]) else { return nil }
        while index < end, isDigit(bytes[index]) || (isSeparator(bytes[index]) && index + 1 < end && isDigit(bytes[index + 1])) {
            index += 1
        }
        guard index < end, index > start else { return nil }
        // the rest must be ASCII letters only
        for position in index..<end where !isASCIILetter(bytes[position]) { return nil }
        let suffixLength = end - index
        if suffixLength == 1, bytes[index] | 0x20 == UInt8(ascii: "s") { return nil }
        if suffixLength == 2 {
            let a = bytes[index] | 0x20
            let b = bytes[index + 1] | 0x20
            let ordinal =
                (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
                || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
            if ordinal, !(start..<index).contains(where: { bytes[$0] == UInt8(ascii: ".") }) { return nil }
        }
        return index
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
    }
    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
    @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}
