import CICU

/// A fast path for ICU's word segmentation, for the common case of English text: ASCII plus a
/// few typographic characters (curly quotes and apostrophes, dashes, ellipsis, bullets, €), and
/// most two-byte characters: the letters, symbols and no-break space of U+00A0–U+07FF (Latin,
/// Greek, Cyrillic, Armenian: "é", "ł", "«", "£", "°", "Москва"; see `twoByteClasses`).
///
/// It implements the rules of Unicode's word-boundary algorithm (UAX #29, as tailored by ICU:
/// the colon does not join letters) restricted to those characters, and gives each segment
/// ICU's rule-status class. For any text holding another non-ASCII character it declines, and
/// the tokenizer calls ICU. The tests check that both agree segment for segment.
enum FastWordSegmenter {
    /// Word-break classes of the supported characters.
    enum BreakClass: UInt8 {
        case other, letter, numeric, midNumLet, singleQuote, midNum, extendNumLet, space, cr, lf, newline
    }

    /// Class of an ASCII byte.
    @inline(__always)
    static func asciiClass(_ byte: UInt8) -> BreakClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "@"): return .letter
        case 0x20: return .space
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .numeric
        case UInt8(ascii: "."): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case UInt8(ascii: "'"): return .singleQuote
        case UInt8(ascii: "_"): return .extendNumLet
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        default: return .other
        }
    }

    /// The class of the scalar at `offset` and its length, or nil for an unsupported character.
    @inline(__always)
    static func breakClass(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (BreakClass, Int)? {
        let lead = bytes[offset]
        if lead < 0x80 { return (asciiClass(lead), 1) }
        return nonASCIIBreakClass(bytes, at: offset)
    }

    /// `breakClass` of a character that is not ASCII.
    @inline(never)
    static func nonASCIIBreakClass(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (BreakClass, Int)? {
        let lead = bytes[offset]
        // Supported non-ASCII characters, by their UTF-8 bytes.
        if lead == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80 {
            switch bytes[offset + 2] {
            case 0x98, 0x99: return (.midNumLet, 3)  // ‘ ’
            case 0x9C, 0x9D, 0x93, 0x94, 0xA6, 0xA2: return (.other, 3)  // “ ” – — … •
            default: return nil
            }
        }
        if lead == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x82, bytes[offset + 2] == 0xAC {
            return (.other, 3)  // €
        }
        if lead >= 0xC2, lead <= 0xDF, offset + 1 < bytes.count {
            let codepoint = Int(lead & 0x1F) << 6 | Int(bytes[offset + 1] & 0x3F)
            guard codepoint >= 0xA0, codepoint - 0xA0 < twoByteClasses.count,
                let breakClass = twoByteClasses[codepoint - 0xA0]
            else { return nil }
            return (breakClass, 2)
        }
        return nil
    }

    /// Classes of U+00A0..<U+0800 (the two-byte characters after the C1 controls), from ICU:
    /// letters (Word_Break ALetter) and other characters (Word_Break Other), for those whose
    /// Sentence_Break class `FastSentenceSegmenter` also handles (Upper, Lower, Sp, Close,
    /// SContinue, Other: so no-break space, "«", "£", "×", "é", "Ł", "Ж", "λ"); nil for the rest,
    /// which are left to ICU: combining marks (Extend), the soft hyphen (Format), the middle dot
    /// (MidLetter), Hebrew (Hebrew_Letter), Arabic and other letters of Sentence_Break OLetter,
    /// digits other than ASCII, and terminators such as the Armenian full stop.
    static let twoByteClasses: [BreakClass?] = (0xA0..<0x800).map { codepoint in
        switch gz_sentence_break_property(Int32(codepoint)) {
        case 0, 2, 4, 8, 10, 14: break  // Other, Close, Lower, Sp, Upper, SContinue
        default: return nil
        }
        switch gz_word_break_property(Int32(codepoint)) {
        case 0: return .other
        case 1: return .letter
        default: return nil
        }
    }

    /// True when every character of `bytes` is supported.
    static func canSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        let count = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        while offset < count {
            // Eight ASCII bytes at a time.
            while offset + 8 <= count,
                base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                offset += 8
            }
            guard offset < count else { break }
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            guard let (_, length) = breakClass(bytes, at: offset) else { return false }
            offset += length
        }
        return true
    }

    /// Calls `body(end, class)` for each segment, as `ICUSegmenter.segment(.word, ...)` would.
    /// Only call it when `canSegment(bytes)` is true.
    @inline(__always)
    static func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, ICUSegmenter.WordClass) -> Void) {
        let count = bytes.count
        var start = 0
        while start < count {
            guard let (first, firstLength) = breakClass(bytes, at: start) else { return }
            var end = start + firstLength
            var wordClass = ICUSegmenter.WordClass.none
            switch first {
            case .cr:
                if end < count, bytes[end] == 0x0A { end += 1 }
            case .space:
                while end < count, bytes[end] == 0x20 { end += 1 }
            case .letter, .numeric, .extendNumLet:
                // ICU's status comes from the last rule applied: it ends in a letter (200) or a
                // digit (100); a final "_" takes the class of what precedes it ("a_" 200, "1_" 100,
                // "__" 200), and a lone "_" has none.
                var previous = first
                var beforePrevious: BreakClass? = nil
                while end < count {
                    // The common case first: a run of ASCII letters after a letter, or of digits
                    // after a digit (WB5, WB8).
                    let runStart = end
                    if previous == .letter {
                        while end < count, (bytes[end] | 0x20) &- UInt8(ascii: "a") < 26 { end += 1 }
                    } else if previous == .numeric {
                        while end < count, bytes[end] &- UInt8(ascii: "0") < 10 { end += 1 }
                    }
                    if end > runStart { beforePrevious = previous }
                    guard end < count, let (next, length) = breakClass(bytes, at: end) else { break }
                    if next == .letter || next == .numeric || next == .extendNumLet {
                        // WB5, WB8, WB9, WB10, WB13a, WB13b
                        guard previous == .letter || previous == .numeric || previous == .extendNumLet else { break }
                        end += length
                        beforePrevious = previous
                        previous = next
                        continue
                    }
                    // WB6/WB7: letter (MidNumLet | Single_Quote) letter;
                    // WB11/WB12: digit (MidNum | MidNumLet | Single_Quote) digit
                    let joinsLetters = previous == .letter && (next == .midNumLet || next == .singleQuote)
                    let joinsDigits = previous == .numeric && (next == .midNum || next == .midNumLet || next == .singleQuote)
                    guard joinsLetters || joinsDigits, end + length < count,
                        let (after, afterLength) = breakClass(bytes, at: end + length),
                        after == previous
                    else { break }
                    end += length + afterLength
                    beforePrevious = previous
                }
                switch (previous, beforePrevious) {
                case (.letter, _): wordClass = .letter
                case (.numeric, _): wordClass = .number
                case (.extendNumLet, .numeric?): wordClass = .number
                case (.extendNumLet, nil): wordClass = .none
                default: wordClass = .letter
                }
            default:
                break
            }
            body(end, wordClass)
            start = end
        }
    }
}
