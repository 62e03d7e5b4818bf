import GazetteCore

/// The tokenization stage: ICU sentence and word segmentation, refined for news text.
///
/// Produces the `sentences` and `tokens` layers. On top of ICU's segments it:
/// - merges abbreviations with their period ("U.S.", "Gen.", "J.") into one token;
/// - splits possessive and clitic "’s"/"'s" off words ("Zelenskiy’s" → "Zelenskiy" "’s");
/// - splits a number from a glued unit or scale word ("1.5bn" → "1.5" "bn", "120km" → "120" "km"),
///   keeping ordinals ("3rd") and decades ("1990s") whole;
/// - drops whitespace, classifies each token (word, number, punctuation, symbol) and computes its
///   shape;
/// - splits a sentence that ICU's abbreviation suppression ("en@ss=standard") kept together when
///   a sentence-ending abbreviation ("U.S.", "Inc.") is followed by a typical sentence opener
///   ("... to the U.S. The move ..."), and joins one ICU split after a title ("Gen. Joseph") or
///   inside a name ("the U.S. Central Command").
///
/// The stage is an immutable value; ICU iterators are kept per thread by `CICU`.
public struct Tokenizer: Stage {
    public let name = "tokenize"
    public let requires: Set<Layer> = []
    public let produces: Set<Layer> = [.sentences, .tokens]

    private let segmenter = ICUSegmenter()
    /// Whether plain English text (ASCII and common typographic marks) is segmented by
    /// `FastWordSegmenter` and `FastSentenceSegmenter`, which give ICU's segments several times
    /// faster. Other text goes to ICU (for sentences, only its paragraphs with other characters).
    public let useFastPath: Bool

    /// Creates the stage. `useFastPath: false` sends all text to ICU's word and sentence iterators.
    public init(useFastPath: Bool = true) {
        self.useFastPath = useFastPath
    }

    public func process(_ document: inout Document) throws {
        let result: Result<([Sentence], [Token]), StageError> = document.withUTF8 { bytes in
            do {
                return .success(try tokenize(bytes))
            } catch let error as StageError {
                return .failure(error)
            } catch {
                return .failure(StageError(code: .stageFailed, message: "\(error)"))
            }
        }
        let (sentences, tokens) = try result.get()
        document.sentences = sentences
        document.tokens = tokens
    }

    /// Segments UTF-8 text into sentences and tokens (byte offsets).
    public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) throws(StageError) -> ([Sentence], [Token]) {
        let covered = useFastPath && FastWordSegmenter.canSegment(bytes)
        var tokens = try wordTokens(bytes, covered: covered)
        var breaks = try sentenceBreaks(bytes, covered: covered)
        adjustBreaksAtAbbreviations(bytes, tokens: tokens, breaks: &breaks)
        let sentences = assignSentences(bytes, breaks: breaks, tokens: &tokens)
        return (sentences, tokens)
    }

    // MARK: - Words

    /// `covered`: the fast path is on and covers all of `bytes`.
    private func wordTokens(_ bytes: UnsafeBufferPointer<UInt8>, covered: Bool) throws(StageError) -> [Token] {
        var raw: [RawSegment] = []
        raw.reserveCapacity(bytes.count / 5 + 8)
        var start = 0
        do {
            // (The closures are passed directly, not stored: stored ones would make every access
            // to the captured arrays a dynamically checked one.)
            try wordSegments(bytes, covered: covered) { end, wordClass in
                if wordClass != .none || !(TextScan.isWhitespace(bytes, at: start) || TextScan.isInvisibleMarks(bytes, start, end)) {
                    // Invisible format marks glued to a word ("Mosul\u{200E}") are not part of it.
                    let trimmed = end - start > 3 ? TextScan.endBeforeInvisibleMarks(bytes, start, end) : end
                    raw.append(RawSegment(start: start, end: trimmed, wordClass: wordClass))
                }
                start = end
            }
        } catch {
            throw StageError(code: .segmentationFailed, message: "word segmentation failed: \(error)")
        }
        // `refine` makes at most two tokens of a segment.
        return [Token](unsafeUninitializedCapacity: raw.count * 2) { buffer, initialized in
            var previousEnd = -1
            refine(raw, bytes) { segment in
                let range = TextRange(segment.start, segment.end)
                let kind = TextScan.kind(of: range, wordClass: segment.wordClass, in: bytes)
                let token = Token(
                    range: range, kind: kind, sentence: 0,
                    isSentenceInitial: false, spaceBefore: previousEnd != segment.start)
                guard initialized < buffer.count else { return }
                buffer.initializeElement(at: initialized, to: token)
                initialized += 1
                previousEnd = segment.end
            }
        }
    }

    /// Calls `body(end, class)` for each word segment, as `ICUSegmenter.segment(.word, ...)` would:
    /// by the fast path where it covers the text (`covered`: all of it; else paragraph by
    /// paragraph), by ICU elsewhere.
    @inline(__always)
    func wordSegments(
        _ bytes: UnsafeBufferPointer<UInt8>, covered: Bool, _ body: (Int, ICUSegmenter.WordClass) -> Void
    ) throws(ICUSegmenter.Failure) {
        if covered {
            FastWordSegmenter.segment(bytes, body)
        } else if useFastPath {
            try forEachParagraphRun(bytes) { (runStart, runEnd, runCovered) throws(ICUSegmenter.Failure) in
                let slice = UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])
                if runCovered {
                    FastWordSegmenter.segment(slice) { end, wordClass in body(runStart + end, wordClass) }
                    return
                }
                // Only the words around the characters the fast path lacks go to ICU.
                try forEachWordRun(bytes, runStart, runEnd) { (start, end, covered) throws(ICUSegmenter.Failure) in
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if covered {
                        FastWordSegmenter.segment(slice) { end, wordClass in body(start + end, wordClass) }
                    } else {
                        try segmenter.segment(.word, slice) { end, wordClass in body(start + end, wordClass) }
                    }
                }
            }
        } else {
            try segmenter.segment(.word, bytes, body)
        }
    }

    /// A segment before classification.
    struct RawSegment {
        var start: Int
        var end: Int
        var wordClass: ICUSegmenter.WordClass
    }

    /// Applies the merge and split rules to ICU's segments, calling `output` with each result.
    @inline(__always)
    func refine(_ segments: [RawSegment], _ bytes: UnsafeBufferPointer<UInt8>, _ output: (RawSegment) -> Void) {
        segments.withUnsafeBufferPointer { segments in refine(segments, bytes, output) }
    }

    @inline(__always)
    private func refine(
        _ segments: UnsafeBufferPointer<RawSegment>, _ bytes: UnsafeBufferPointer<UInt8>,
        _ output: (RawSegment) -> Void
    ) {
        var index = 0
        while index < segments.count {
            var segment = segments[index]
            // Abbreviation + directly following period → one token.
            if segment.wordClass == .letter, index + 1 < segments.count {
                let next = segments[index + 1]
                if next.start == segment.end, next.end == next.start + 1, bytes[next.start] == UInt8(ascii: "."),
                    Abbreviations.takesPeriod(bytes, segment.start, segment.end)
                {
                    segment.end = next.end
                    output(segment)
                    index += 2
                    continue
                }
            }
            if segment.wordClass == .letter || segment.wordClass == .number {
                // "Zelenskiy’s" → "Zelenskiy" + "’s"
                if let split = TextScan.cliticSplit(bytes, segment.start, segment.end) {
                    output(RawSegment(start: segment.start, end: split, wordClass: segment.wordClass))
                    output(RawSegment(start: split, end: segment.end, wordClass: .letter))
                    index += 1
                    continue
                }
                // "1.5bn" → "1.5" + "bn"
                if TextScan.isDigit(bytes[segment.start]),
                    let split = TextScan.numberUnitSplit(bytes, segment.start, segment.end)
                {
                    output(RawSegment(start: segment.start, end: split, wordClass: .number))
                    output(RawSegment(start: split, end: segment.end, wordClass: .letter))
                    index += 1
                    continue
                }
            }
            output(segment)
            index += 1
        }
    }

    // MARK: - Sentences

    /// Sentence boundaries, starting with 0 and ending with the text's length. `covered`: the fast
    /// path is on and covers all of `bytes`.
    func sentenceBreaks(_ bytes: UnsafeBufferPointer<UInt8>, covered: Bool) throws(StageError) -> [Int] {
        var breaks: [Int] = [0]
        breaks.reserveCapacity(bytes.count / 64 + 4)
        do {
            if useFastPath, let tables = FastSentenceSegmenter.tables {
                if covered {
                    FastSentenceSegmenter.segment(bytes, from: 0, to: bytes.count, tables: tables) { breaks.append($0) }
                } else {
                    try forEachParagraphRun(bytes) { (runStart, runEnd, runCovered) throws(ICUSegmenter.Failure) in
                        if runCovered {
                            FastSentenceSegmenter.segment(bytes, from: runStart, to: runEnd, tables: tables) {
                                breaks.append($0)
                            }
                        } else {
                            let slice = UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])
                            try segmenter.segment(.sentence, slice) { end, _ in breaks.append(runStart + end) }
                        }
                    }
                }
            } else {
                try segmenter.segment(.sentence, bytes) { end, _ in breaks.append(end) }
            }
        } catch {
            throw StageError(code: .segmentationFailed, message: "sentence segmentation failed: \(error)")
        }
        if breaks.last != bytes.count { breaks.append(bytes.count) }
        return breaks
    }

    /// Splits text that the fast path covers only in part into paragraphs (each up to and
    /// including a CR, LF or CR LF) and calls `body(start, end, covered)` for each maximal run of
    /// paragraphs that the fast path covers, or does not, in order. Word and sentence boundaries
    /// never depend on text across a line break (UAX #29 always breaks after one and never looks
    /// past it), so segmenting the runs separately, the covered ones by the fast path and the
    /// others by ICU, gives ICU's segments of the whole text (the tests check it).
    func forEachParagraphRun(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (Int, Int, Bool) throws(ICUSegmenter.Failure) -> Void
    ) throws(ICUSegmenter.Failure) {
        let count = bytes.count
        var runStart = 0
        var runCovered = true
        var start = 0
        while start < count {
            var end = start
            var covered = true
            while end < count {
                let byte = bytes[end]
                if byte == 0x0A {
                    end += 1
                    break
                }
                if byte == 0x0D {
                    end += 1
                    if end < count, bytes[end] == 0x0A { end += 1 }
                    break
                }
                if byte < 0x80 {
                    end += 1
                } else if let (_, length) = FastWordSegmenter.breakClass(bytes, at: end) {
                    end += length
                } else {
                    covered = false
                    end += TextScan.scalarLength(bytes, at: end)
                }
            }
            if covered != runCovered {
                if start > runStart { try body(runStart, start, runCovered) }
                runStart = start
                runCovered = covered
            }
            start = end
        }
        if count > runStart { try body(runStart, count, runCovered) }
    }

    /// Splits `bytes[start..<end]` at word boundaries that never depend on the text around them
    /// and calls `body(start, end, covered)` for each maximal run that the fast path covers, or
    /// does not, in order. The cuts are before an ASCII letter or digit that follows a space
    /// (U+0020): UAX #29 always breaks there (no rule joins a space to what follows it, and the
    /// rules that look past a neighbour, WB6/7 and WB11/12, need a letter or digit on both sides
    /// of a middle character, never a space), and ICU starts each segment's rules afresh at a
    /// boundary, so segmenting the runs separately gives ICU's segments and classes of the whole
    /// (the tests check it). ICU then sees only the words around a character the fast path lacks.
    func forEachWordRun(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
        _ body: (Int, Int, Bool) throws(ICUSegmenter.Failure) -> Void
    ) throws(ICUSegmenter.Failure) {
        var runStart = start
        var runCovered = true
        var chunkStart = start
        var chunkCovered = true
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            if byte < 0x80 {
                // A cut before an ASCII letter or digit after a space.
                if offset > chunkStart, bytes[offset - 1] == 0x20,
                    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
                {
                    if chunkCovered != runCovered {
                        if chunkStart > runStart { try body(runStart, chunkStart, runCovered) }
                        runStart = chunkStart
                        runCovered = chunkCovered
                    }
                    chunkStart = offset
                    chunkCovered = true
                }
                offset += 1
            } else if let (_, length) = FastWordSegmenter.breakClass(bytes, at: offset), offset + length <= end {
                offset += length
            } else {
                chunkCovered = false
                offset += max(1, min(TextScan.scalarLength(bytes, at: offset), end - offset))
            }
        }
        if chunkCovered != runCovered {
            if chunkStart > runStart { try body(runStart, chunkStart, runCovered) }
            runStart = chunkStart
            runCovered = chunkCovered
        }
        if end > runStart { try body(runStart, end, runCovered) }
    }

    /// Decides sentence breaks after period-final abbreviations, where ICU's own suppression
    /// list ("en@ss=standard") is incomplete ("U.S.", "Gen." are not in it):
    /// - after a title or other name-preceding abbreviation ("Gen.", "Dr.", "No.") followed by a
    ///   capitalised word or a number, there is no break;
    /// - after a dotted abbreviation, an initial or a company suffix ("U.S.", "J.", "Inc."), there
    ///   is a break when a typical sentence opener follows ("... to the U.S. The move ...") and
    ///   none when another capitalised word does ("the U.S. Central Command").
    private func adjustBreaksAtAbbreviations(
        _ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], breaks: inout [Int]
    ) {
        var add: [Int] = []
        var remove = Set<Int>()
        tokens.withUnsafeBufferPointer { tokens in
            for index in 0..<max(0, tokens.count - 1) {
                let token = tokens[index]
                guard token.kind == .word, token.range.length >= 2, bytes[token.range.end - 1] == UInt8(ascii: ".") else {
                    continue
                }
                let next = tokens[index + 1]
                guard next.spaceBefore else { continue }
                let nextCapitalised = next.kind == .word && TextScan.isASCIIUpper(bytes[next.range.start])
                if Abbreviations.precedesName(bytes, token.range.start, token.range.end) {
                    if nextCapitalised || next.kind == .number { remove.insert(token.range.end) }
                } else if Abbreviations.canEndSentence(bytes, token.range.start, token.range.end) {
                    if Abbreviations.opensSentence(bytes, next.range.start, next.range.end) {
                        add.append(token.range.end)
                    } else if nextCapitalised {
                        remove.insert(token.range.end)
                    }
                }
            }
        }
        guard !add.isEmpty || !remove.isEmpty else { return }
        // ICU places the break after the spaces that follow the period: match both positions.
        var adjusted: [Int] = []
        adjusted.reserveCapacity(breaks.count + add.count + 2)
        var trimmedEnds = Set<Int>()
        for boundary in breaks {
            let trimmed = trimmedEnd(bytes, boundary)
            guard !remove.contains(boundary), !remove.contains(trimmed) else { continue }
            adjusted.append(boundary)
            if !add.isEmpty { trimmedEnds.insert(trimmed) }
        }
        // (An added boundary follows a period, so it is its own trimmed end.)
        for boundary in add where !trimmedEnds.contains(boundary) { adjusted.append(boundary) }
        adjusted.append(0)
        adjusted.append(bytes.count)
        adjusted.sort()
        breaks.removeAll(keepingCapacity: true)
        for boundary in adjusted where boundary != breaks.last { breaks.append(boundary) }
    }

    /// The offset before the whitespace that ends at `boundary`.
    private func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ boundary: Int) -> Int {
        var end = boundary
        while end > 0, let last = TextScan.lastScalarStart(bytes, before: end, notBefore: 0),
            TextScan.isWhitespace(bytes, at: last)
        {
            end = last
        }
        return end
    }

    /// Builds trimmed, non-empty sentences and sets each token's sentence index and initial flag.
    private func assignSentences(
        _ bytes: UnsafeBufferPointer<UInt8>, breaks: [Int], tokens: inout [Token]
    ) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(breaks.count)
        tokens.withUnsafeMutableBufferPointer { tokens in
            var tokenIndex = 0
            for pairIndex in 0..<max(0, breaks.count - 1) {
                var start = breaks[pairIndex]
                var end = breaks[pairIndex + 1]
                while start < end, TextScan.isWhitespace(bytes, at: start) {
                    start += TextScan.scalarLength(bytes, at: start)
                }
                while end > start, let last = TextScan.lastScalarStart(bytes, before: end, notBefore: start),
                    TextScan.isWhitespace(bytes, at: last)
                {
                    end = last
                }
                guard start < end else { continue }
                let sentenceIndex = sentences.count
                let first = tokenIndex
                var sawInitial = false
                while tokenIndex < tokens.count, tokens[tokenIndex].range.start < end {
                    tokens[tokenIndex].sentence = sentenceIndex
                    if !sawInitial, tokens[tokenIndex].kind == .word || tokens[tokenIndex].kind == .number {
                        tokens[tokenIndex].isSentenceInitial = true
                        sawInitial = true
                    }
                    tokenIndex += 1
                }
                sentences.append(Sentence(range: TextRange(start, end), tokens: first..<tokenIndex))
            }
            // Tokens past the last sentence cannot happen (breaks end at the text's end), but keep
            // them attached to the last sentence rather than dangling.
            if tokenIndex < tokens.count, !sentences.isEmpty {
                let last = sentences.count - 1
                for index in tokenIndex..<tokens.count { tokens[index].sentence = last }
                sentences[last].tokens = sentences[last].tokens.lowerBound..<tokens.count
            }
        }
        return sentences
    }
}
