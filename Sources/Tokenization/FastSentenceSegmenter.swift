import CICU

/// A fast path for ICU's sentence segmentation (locale "en@ss=standard"), for the text that
/// `FastWordSegmenter` covers: ASCII, curly quotes and apostrophes, dashes, ellipsis, bullet, €,
/// and most of U+00A0–U+07FF (Latin, Greek and Cyrillic letters, no-break space, "«", "£").
///
/// It implements the sentence-boundary rules of Unicode's segmentation algorithm (UAX #29,
/// SB1–SB998) for those characters, and then ICU's "ss=standard" abbreviation filter: a boundary
/// after an abbreviation from ICU's English list ("Mr.", "Prof.", "Sept.") is dropped, with the
/// same matching as ICU (see `Suppressions`). The Sentence_Break class of every supported
/// character and the abbreviation list are read from the ICU in use, so both follow its data.
/// The tests check, on random strings and on the corpus, that the boundaries equal ICU's.
///
/// Boundaries never depend on text across a paragraph separator (CR, LF, CR LF): UAX #29 always
/// breaks after one and never looks past it, and neither does ICU's filter. So a document that
/// also holds unsupported characters can be segmented paragraph by paragraph, here or by ICU
/// (`Tokenizer` does that).
enum FastSentenceSegmenter {
    /// Sentence_Break classes (UAX #29) that the supported characters can have.
    /// The classes from `aTerm` on end a run of plain text.
    enum SentenceClass: UInt8 {
        case other, upper, lower, numeric, close, sp, sContinue, aTerm, sTerm, cr, lf
    }

    /// Classes of the supported characters and the abbreviation filter, read from ICU once.
    struct Tables: Sendable {
        /// Classes of U+0000..<U+0080 (ASCII), then of U+2000..<U+2040 (`generalPunctuation`,
        /// UTF-8 E2 80 xx), then of U+00A0..<U+0800 (`twoByte`, UTF-8 C2 A0 ... DF BF), then of €;
        /// only the supported characters' entries are used.
        var classes: [SentenceClass]
        var suppressions: Suppressions
        /// The ASCII bytes that end a run (ATerm, STerm, CR, LF: ". ? ! CR LF"), each repeated
        /// in all eight bytes of a word, to look for them eight bytes at a time; nil when there
        /// are more than five.
        var stopWords: (UInt64, UInt64, UInt64, UInt64, UInt64)?

        static let generalPunctuation = 0x80
        static let twoByte = 0xC0
        static let euro = 0xC0 + 0x800 - 0xA0
    }

    /// The tables, or nil when ICU gives a supported character a class this segmenter does not
    /// handle (then sentences always go to ICU).
    static let tables: Tables? = makeTables()

    /// ICU's UCHAR_SENTENCE_BREAK values.
    private static func sentenceClass(ofICUValue value: Int32) -> SentenceClass? {
        switch value {
        case 0: return .other
        case 1: return .aTerm
        case 2: return .close
        case 4: return .lower
        case 5: return .numeric
        case 8: return .sp
        case 9: return .sTerm
        case 10: return .upper
        case 11: return .cr
        case 13: return .lf
        case 14: return .sContinue
        default: return nil  // Format, OLetter, Sep, Extend
        }
    }

    private static func makeTables() -> Tables? {
        var classes = [SentenceClass](repeating: .other, count: Tables.euro + 1)
        for codepoint in 0..<128 {
            guard let value = sentenceClass(ofICUValue: gz_sentence_break_property(Int32(codepoint))) else { return nil }
            classes[codepoint] = value
        }
        // The supported non-ASCII characters must not end a run (the scanner looks for those in
        // ASCII bytes only) or be digits.
        func nonASCII(_ codepoint: Int32) -> SentenceClass? {
            guard let value = sentenceClass(ofICUValue: gz_sentence_break_property(codepoint)) else { return nil }
            switch value {
            case .other, .close, .sContinue, .sp, .upper, .lower: return value
            default: return nil
            }
        }
        for third: UInt8 in [0x98, 0x99, 0x9C, 0x9D, 0x93, 0x94, 0xA6, 0xA2] {
            guard let value = nonASCII(0x2000 + Int32(third & 0x3F)) else { return nil }
            classes[Tables.generalPunctuation + Int(third & 0x3F)] = value
        }
        for (index, wordClass) in FastWordSegmenter.twoByteClasses.enumerated() where wordClass != nil {
            guard let value = nonASCII(0xA0 + Int32(index)), Tables.twoByte + index < Tables.euro else { return nil }
            classes[Tables.twoByte + index] = value
        }
        guard let euro = nonASCII(0x20AC), let suppressions = Suppressions.fromICU() else { return nil }
        classes[Tables.euro] = euro
        let stops = (0..<128).filter { classes[$0].rawValue >= SentenceClass.aTerm.rawValue }.map {
            UInt64($0) &* 0x0101_0101_0101_0101
        }
        var stopWords: (UInt64, UInt64, UInt64, UInt64, UInt64)? = nil
        if let first = stops.first, stops.count <= 5 {
            let padded = stops + Array(repeating: first, count: 5 - stops.count)
            stopWords = (padded[0], padded[1], padded[2], padded[3], padded[4])
        }
        return Tables(classes: classes, suppressions: suppressions, stopWords: stopWords)
    }

    /// Calls `body(boundary)` for each sentence boundary in `(start, end]`, in increasing order,
    /// as ICU would for the whole text. `[start, end)` must hold supported characters only, start
    /// at 0 or after a paragraph separator, and end at the text's end or after one.
    static func segment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, tables: Tables, _ body: (Int) -> Void
    ) {
        let count = bytes.count
        guard start < end, end <= count else { return }
        tables.classes.withUnsafeBufferPointer { classes in
            let ascii = UnsafeBufferPointer(rebasing: classes[0..<0x80])
            /// Class and length of the character at `offset` (< count).
            @inline(__always)
            func classAt(_ offset: Int) -> (SentenceClass, Int) {
                let lead = bytes[offset]
                if lead < 0x80 { return (classes[Int(lead)], 1) }
                if lead == 0xE2, offset + 2 < count {
                    if bytes[offset + 1] == 0x80 {
                        return (classes[Tables.generalPunctuation + Int(bytes[offset + 2] & 0x3F)], 3)
                    }
                    return (classes[Tables.euro], 3)
                }
                if lead >= 0xC2, lead <= 0xDF, offset + 1 < count {
                    let codepoint = Int(lead & 0x1F) << 6 | Int(bytes[offset + 1] & 0x3F)
                    let inRange = codepoint >= 0xA0 && codepoint < 0xA0 + Tables.euro - Tables.twoByte
                    return (inRange ? classes[Tables.twoByte + codepoint - 0xA0] : .other, 2)
                }
                return (.other, TextScan.scalarLength(bytes, at: offset))
            }
            /// The offset after the paragraph separator at `offset` (CR LF is one).
            @inline(__always)
            func afterSeparator(_ offset: Int, _ separator: SentenceClass) -> Int {
                if separator == .cr, offset + 1 < count, bytes[offset + 1] < 0x80,
                    ascii[Int(bytes[offset + 1])] == .lf
                {
                    return offset + 2
                }
                return offset + 1
            }
            var last = start
            @inline(__always)
            func emit(_ boundary: Int) {
                if boundary < count, tables.suppressions.suppresses(bytes, at: boundary) { return }
                body(boundary)
                last = boundary
            }

            /// Nonzero when a byte of `word` is zero (exact for the lowest such byte).
            @inline(__always)
            func zeroBytes(_ word: UInt64) -> UInt64 {
                (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            }
            let base = UnsafeRawPointer(bytes.baseAddress)

            var index = start
            while index < end {
                // SB998: no break inside a run without terminators or separators; skip such runs
                // eight bytes at a time, to the first byte that may end one.
                if let base, let stops = tables.stopWords {
                    while index + 8 <= end {
                        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        let found =
                            zeroBytes(word ^ stops.0) | zeroBytes(word ^ stops.1) | zeroBytes(word ^ stops.2)
                            | zeroBytes(word ^ stops.3) | zeroBytes(word ^ stops.4)
                        if found == 0 {
                            index += 8
                        } else {
                            index += found.trailingZeroBitCount >> 3
                            break
                        }
                    }
                    guard index < end else { break }
                }
                let byte = bytes[index]
                if byte >= 0x80 || ascii[Int(byte)].rawValue < SentenceClass.aTerm.rawValue {
                    index += 1
                    continue
                }
                let terminator = ascii[Int(byte)]
                if terminator == .cr || terminator == .lf {
                    // SB3, SB4
                    index = afterSeparator(index, terminator)
                    emit(index)
                    continue
                }
                let isATerm = terminator == .aTerm
                let next = index + 1
                guard next < count else {
                    index = next
                    continue
                }
                let (following, _) = classAt(next)
                if isATerm {
                    // SB6: ATerm × Numeric
                    if following == .numeric {
                        index = next
                        continue
                    }
                    // SB7: (Upper | Lower) ATerm × Upper
                    if following == .upper, index > 0,
                        let previous = TextScan.lastScalarStart(bytes, before: index, notBefore: 0)
                    {
                        let (before, _) = classAt(previous)
                        if before == .upper || before == .lower {
                            index = next
                            continue
                        }
                    }
                }
                // SB9, SB10: SATerm Close* Sp* stays together.
                var position = next
                while position < count {
                    let (character, length) = classAt(position)
                    guard character == .close else { break }
                    position += length
                }
                while position < count {
                    let (character, length) = classAt(position)
                    guard character == .sp else { break }
                    position += length
                }
                guard position < count else {
                    index = position
                    continue
                }
                let (after, _) = classAt(position)
                switch after {
                case .cr, .lf:
                    // SB9, SB10: × ParaSep; SB4, SB11: ÷ after it.
                    index = afterSeparator(position, after)
                    emit(index)
                    continue
                case .sContinue, .aTerm, .sTerm:
                    // SB8a
                    index = position
                    continue
                default:
                    break
                }
                if isATerm {
                    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
                    var scan = position
                    var lowerFollows = false
                    while scan < count {
                        let (character, length) = classAt(scan)
                        if character == .lower {
                            lowerFollows = true
                            break
                        }
                        if character == .upper || character == .cr || character == .lf
                            || character == .aTerm || character == .sTerm
                        {
                            break
                        }
                        scan += length
                    }
                    if lowerFollows {
                        index = scan
                        continue
                    }
                }
                // SB11
                emit(position)
                index = position
            }
            if end == count, last != count { body(count) }
        }
    }

    /// ICU's "ss=standard" filter: which boundaries after an abbreviation are dropped.
    ///
    /// ICU checks each boundary before the text's end. It steps back over one space (U+0020) if
    /// there is one, then finds the longest listed string that ends there. Most listed strings
    /// ("Mr.", "Prof.", "G.") then suppress the boundary, without looking before them
    /// ("XMr. Smith" is suppressed too). A string with a period inside ("Ph.D.", "U.S.", "e.g.")
    /// is only looked for forwards, from a match of its first part ("Ph.", "U.", "e."): that part
    /// suppresses the boundary when the text from it on runs through to the end of a listed
    /// string that no other listed string extends, or to the text's end after a listed string.
    /// A listed string that is itself such a first part ("U.", "E.", "Lt.") is looked for
    /// forwards only, and so "E. Smith" is not suppressed although "E." is listed.
    struct Suppressions: Sendable {
        /// A trie over bytes: transitions keyed by `node << 8 | byte`.
        struct Trie: Sendable {
            /// Children by ASCII byte: `ascii[node * 128 + byte]`, -1 for none.
            var ascii = [Int32](repeating: -1, count: 128)
            /// Children by other bytes, keyed by `node << 8 | byte`.
            var other: [UInt32: Int32] = [:]
            var values: [UInt8] = [0]
            var hasChildren: [Bool] = [false]

            mutating func insert(_ key: [UInt8], value: UInt8) {
                var node: Int32 = 0
                for byte in key {
                    if let child = child(node, byte) {
                        node = child
                        continue
                    }
                    let child = Int32(values.count)
                    values.append(0)
                    hasChildren.append(false)
                    ascii.append(contentsOf: repeatElement(-1, count: 128))
                    if byte < 0x80 {
                        ascii[Int(node) * 128 + Int(byte)] = child
                    } else {
                        other[UInt32(node) << 8 | UInt32(byte)] = child
                    }
                    hasChildren[Int(node)] = true
                    node = child
                }
                values[Int(node)] = value
            }

            @inline(__always)
            func child(_ node: Int32, _ byte: UInt8) -> Int32? {
                if byte < 0x80 {
                    let child = ascii[Int(node) * 128 + Int(byte)]
                    return child < 0 ? nil : child
                }
                return other[UInt32(node) << 8 | UInt32(byte)]
            }
        }

        static let match: UInt8 = 1
        static let partial: UInt8 = 2

        /// Reversed strings: whole abbreviations (`match`) and first parts (`partial`).
        var backward = Trie()
        /// Abbreviations with a period inside, and listed first parts of those.
        var forward = Trie()

        /// Builds the filter for a list of abbreviations (UTF-8).
        init(_ list: [[UInt8]]) {
            let period = UInt8(ascii: ".")
            var forwardOnly = Set<[UInt8]>()
            var firstParts = Set<[UInt8]>()
            for string in list {
                guard let firstPeriod = string.firstIndex(of: period), firstPeriod + 1 != string.count else { continue }
                let firstPart = Array(string[...firstPeriod])
                firstParts.insert(firstPart)
                for other in list where other.count >= firstPart.count && other.starts(with: firstPart) {
                    forwardOnly.insert(other)
                }
            }
            for string in Set(list) {
                if forwardOnly.contains(string) {
                    forward.insert(string, value: Self.match)
                } else {
                    backward.insert(string.reversed(), value: Self.match)
                }
            }
            for firstPart in firstParts { backward.insert(firstPart.reversed(), value: Self.partial) }
        }

        /// The filter for the list that ICU loads for English, or nil if it cannot be read.
        static func fromICU() -> Suppressions? {
            icuList().map { Suppressions($0) }
        }

        /// ICU's list of English abbreviations for the filter (UTF-8), or nil if it cannot be read.
        static func icuList() -> [[UInt8]]? {
            var capacity = 4096
            for _ in 0..<4 {
                var buffer = [UInt8](repeating: 0, count: capacity)
                let needed = buffer.withUnsafeMutableBufferPointer { gz_sentence_suppressions($0.baseAddress, Int32($0.count)) }
                guard needed >= 0 else { return nil }
                if Int(needed) <= capacity {
                    return buffer[..<Int(needed)].split(separator: 0, omittingEmptySubsequences: true).map { Array($0) }
                }
                capacity = Int(needed)
            }
            return nil
        }

        /// True when ICU drops the boundary at `boundary` (0 < boundary < count).
        func suppresses(_ bytes: UnsafeBufferPointer<UInt8>, at boundary: Int) -> Bool {
            var end = boundary
            if bytes[end - 1] == 0x20 { end -= 1 }
            // Longest listed (reversed) string ending at `end`.
            var node: Int32 = 0
            var position = end
            var best: (value: UInt8, start: Int)? = nil
            while position > 0, let child = backward.child(node, bytes[position - 1]) {
                node = child
                position -= 1
                let value = backward.values[Int(node)]
                if value != 0 { best = (value, position) }
                if !backward.hasChildren[Int(node)] { break }
            }
            guard let best else { return false }
            if best.value == Self.match { return true }
            // A first part: run forwards from it.
            node = 0
            position = best.start
            while position < bytes.count {
                guard let child = forward.child(node, bytes[position]) else { return false }
                node = child
                position += 1
                if !forward.hasChildren[Int(node)] { return true }
            }
            return forward.values[Int(node)] != 0
        }
    }
}
