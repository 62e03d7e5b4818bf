/// Splits text into the pieces lexicon keys are made of: runs of letters, runs of digits, and
/// every other character on its own ("U.S." → "U" "." "S" "."; "Jean-Claude" → "Jean" "-"
/// "Claude"; "1.5bn" → "1" "." "5" "bn").
///
/// Pieces are finer than the tokenizer's tokens: every token boundary inside a run of
/// non-space characters falls between two pieces (the tokenizer splits only between letters
/// and punctuation, before clitics such as "’s", and between numbers and glued units). So the
/// gazetteer splits lexicon surfaces and the text's tokens the same way without depending on the
/// Tokenization module, and a match is accepted only when it starts at a token's start and ends
/// at a token's end, which keeps matches aligned with the tokenizer's tokens.
public enum PieceSplitter {
    enum Class: UInt8 { case letter, digit, mark, single }

    /// Calls `body(start, end)` for each piece of the non-space run `bytes[start..<end]`.
    @inline(__always)
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ body: (Int, Int) -> Void) {
        var pieceStart = start
        var current = Class.single
        var index = start
        while index < end {
            let byte = bytes[index]
            let kind: Class
            let length: Int
            if byte < 0x80 {
                length = 1
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    kind = .letter
                } else if byte >= 0x30 && byte <= 0x39 {
                    kind = .digit
                } else {
                    kind = .single
                }
            } else {
                let (scalar, scalarLength) = UTF8Scalars.decode(bytes, at: index, end: end)
                length = scalarLength
                kind = classify(scalar)
            }
            if index == start {
                current = kind == .mark ? .single : kind
            } else if kind == .mark {
                // a combining mark continues whatever precedes it
            } else if kind == .single || current == .single || kind != current {
                body(pieceStart, index)
                pieceStart = index
                current = kind
            }
            index += length
        }
        if end > pieceStart { body(pieceStart, end) }
    }

    /// True when `bytes[start..<end]` is one piece for sure: a single byte, or only ASCII
    /// letters (the common case, decided without decoding).
    @inline(__always)
    static func isSinglePiece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        if end - start == 1 { return bytes[start] < 0x80 }
        for index in start..<end {
            let lower = bytes[index] | 0x20
            if lower < 0x61 || lower > 0x7A { return false }
        }
        return true
    }

    /// Calls `body(start, end, spaceBefore)` for each piece of `bytes[start..<end]`, skipping
    /// whitespace; `spaceBefore` is true for the first piece after whitespace.
    static func piecesSkippingWhitespace(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ body: (Int, Int, Bool) -> Void
    ) {
        var index = start
        var sawSpace = false
        while index < end {
            var runEnd = index
            while runEnd < end, !isWhitespace(bytes, runEnd, end) { runEnd += scalarLength(bytes[runEnd]) }
            if runEnd > index {
                var first = true
                pieces(bytes, index, min(runEnd, end)) { pieceStart, pieceEnd in
                    body(pieceStart, pieceEnd, first && sawSpace)
                    first = false
                }
            }
            index = runEnd
            while index < end, isWhitespace(bytes, index, end) {
                index += scalarLength(bytes[index])
                sawSpace = true
            }
        }
    }

    /// The pieces of a string, each with whether whitespace precedes it.
    public static func pieces(of text: String) -> [(piece: String, spaceBefore: Bool)] {
        var copy = text
        var result: [(piece: String, spaceBefore: Bool)] = []
        copy.withUTF8 { bytes in
            piecesSkippingWhitespace(bytes, 0, bytes.count) { start, end, space in
                result.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), space))
            }
        }
        return result
    }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        // Scripts the tokenizer (ICU) splits by dictionary or per character: one piece each.
        if (0x0E00...0x0EFF).contains(value) || (0x1000...0x109F).contains(value) || (0x1780...0x17FF).contains(value)
            || (0x2E80...0xA4CF).contains(value) || (0xF900...0xFAFF).contains(value) || value >= 0x20000
        {
            return .single
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return .letter
        case .decimalNumber:
            return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return value == 0x200D || (0xFE00...0xFE0F).contains(value) ? .mark : .single
        }
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    @inline(__always)
    static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        return UTF8Scalars.decode(bytes, at: index, end: end).0.properties.isWhitespace
    }
}
