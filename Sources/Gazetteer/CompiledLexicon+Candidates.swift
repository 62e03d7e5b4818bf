import GazetteCore

extension CompiledLexicon {
    /// Every lexicon match in a tokenized document: for each token where a match starts, every
    /// entry whose surface matches a run of whole tokens from there (within one sentence).
    ///
    /// Sorted by start token, then longest match first, then priority (highest first), then
    /// list order. Case and diacritics are compared as each entry's list says.
    /// - Parameter labels: only entries with these labels (nil: all). Asking only for entity
    ///   labels skips the auxiliary lists (given names, surnames, ...) entirely.
    public func candidates(in document: Document, labels: Set<LexiconLabel>? = nil) -> [LexiconCandidate] {
        document.withUTF8 { candidates(text: $0, tokens: document.tokens, labels: labels) }
    }

    /// Every lexicon match over `tokens` of the UTF-8 `text` (see `candidates(in:labels:)`).
    public func candidates(
        text bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], labels: Set<LexiconLabel>? = nil
    ) -> [LexiconCandidate] {
        guard !tokens.isEmpty else { return [] }
        // Which lists may give candidates (no per-list array when all may).
        var allowed: [Bool] = []
        var roots = activeRoots
        if let labels {
            allowed = listLabels.map { labels.contains($0) }
            // The trie roots to walk: entity-label lists (0...3) and/or auxiliary lists (4...7).
            if !lists.indices.contains(where: { allowed[$0] && listLabelCodes[$0].isEntity }) { roots &= 0xF0 }
            if !lists.indices.contains(where: { allowed[$0] && !listLabelCodes[$0].isEntity }) { roots &= 0x0F }
        }
        guard roots != 0 else { return [] }
        return memoPool.withMemo { memo in
            candidates(text: bytes, tokens: tokens, roots: roots, allowed: allowed, memo: memo)
        }
    }

    /// The search of `candidates(text:tokens:labels:)` under trie `roots`, keeping candidates of
    /// the lists `allowed` says (all when it is empty).
    func candidates(
        text bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], roots: UInt8, allowed: [Bool], memo: CandidateMemo
    ) -> [LexiconCandidate] {
        let allLabels = allowed.isEmpty
        let modes = (roots | roots >> 4) & 0xF
        let none = CompiledLexicon.none

        // 1. Split every token into pieces, noting the tokens whose first piece may start a
        // surface; then resolve those in batches and keep the tokens whose first piece does
        // start one.
        let tokenCount = tokens.count
        memo.reserveTokens(tokenCount)
        let firstPiece = memo.firstPieces
        let starts = memo.starts
        let startPieces = memo.startPieces
        var scratch: [UInt8] = []
        // With start slots, the first transitions of every start are resolved with its piece
        // (in `startEdges`), so the walks need not look them up.
        let useStartSlots = memo.packedEdges && packsPieceIDs
        let startCount = tokens.withUnsafeBufferPointer { tokens in
            let candidateCount = splitTokens(tokens, bytes, roots, memo, &scratch)
            if useStartSlots {
                return resolveStartSlots(starts, candidateCount, startPieces, memo.pieces, firstPiece, tokens, bytes, roots, memo)
            }
            return resolveStarts(starts, candidateCount, startPieces, memo.pieces, firstPiece, tokens, bytes, roots, memo)
        }
        guard startCount > 0 else { return [] }
        let pieces = memo.pieces
        let startEdges = memo.startEdges

        // 2. Walk the tries from every token start whose first piece can start a surface.
        var found: [LexiconCandidate] = []
        found.reserveCapacity(startCount + startCount / 2)
        // The last single-piece token a walk resolved (walks from nearby starts reach the same).
        var cachedToken = -1
        var cachedPiece = PieceInfo(start: 0, end: 0, token: 0, space: false)
        for batchIndex in 0..<startCount {
            if !useStartSlots, batchIndex % Self.walkBatch == 0 {
                touchFirstTransitions(
                    UnsafeBufferPointer(start: startPieces + batchIndex, count: min(Self.walkBatch, startCount - batchIndex)),
                    roots, memo)
            }
            let tokenIndex = Int(starts[batchIndex])
            let startPiece = startPieces[batchIndex]
            let startRoots = startPiece.roots & roots
            guard startRoots != 0 else { continue }
            let sentence = tokens[tokenIndex].sentence
            let startByte = tokens[tokenIndex].range.start
            let groupStart = found.count
            let startRecord = firstPiece[tokenIndex] & Self.singlePiece == 0 ? Int(firstPiece[tokenIndex]) : -1
            // The roots this piece starts, in ascending order, one set bit at a time.
            var rootsLeft = startRoots
            while rootsLeft != 0 {
                let root = rootsLeft.trailingZeroBitCount
                rootsLeft &= rootsLeft &- 1
                let mode = root & 3
                var node = UInt32(root)
                // The rank of this root among those the start piece starts (its `startEdges`).
                let rank = (startPiece.roots & ~(UInt8.max << UInt8(root))).nonzeroBitCount
                // The piece reached: of token `endToken`, its record `record` (-1: the token's
                // only piece, without a record).
                var endToken = tokenIndex
                var record = startRecord
                var piece = startPiece
                var isFirst = true
                // The first of the later start tokens not before `endToken`.
                var nextStart = batchIndex + 1
                while true {
                    let id = piece.id(mode)
                    if id == none { break }
                    let edge: MemoEdge
                    if isFirst, useStartSlots, rank < CandidateMemo.startEdgeCount {
                        edge = shortEdge(startEdges[batchIndex * CandidateMemo.startEdgeCount + rank])
                    } else {
                        edge = transition(node, id, space: isFirst ? false : piece.space, memo)
                    }
                    isFirst = false
                    node = edge.to
                    if node == none { break }
                    if piece.last, edge.outputCount > 0 {
                        // The first output from the memo; the others from the node outputs.
                        let outputStart = edge.outputCount > 1 ? Int(nodeStarts[Int(node)] & 0x7FFF_FFFF) : 0
                        for offset in 0..<edge.outputCount {
                            let entry = offset == 0 ? edge.firstOutput : output(outputStart + offset)
                            let list = offset == 0 ? edge.firstList : cachedListIndex(of: entry)
                            guard allLabels || allowed[list] else { continue }
                            found.append(LexiconCandidate(
                                tokens: tokenIndex..<(endToken + 1), range: TextRange(startByte, tokens[endToken].range.end),
                                entry: LexiconEntryID(rawValue: entry), label: listLabels[list],
                                priority: listPriorities[list], list: list, code: listLabelCodes[list]))
                        }
                    }
                    if !edge.hasChildren { break }
                    // The next piece: the next record of this token, or the first of the next
                    // token with pieces (which must be in the same sentence).
                    if record >= 0, !piece.last {
                        record += 1
                    } else {
                        repeat {
                            endToken += 1
                        } while endToken < tokenCount && firstPiece[endToken] == firstPiece[endToken + 1] & ~Self.singlePiece
                        guard endToken < tokenCount, tokens[endToken].sentence == sentence else { break }
                        record = firstPiece[endToken] & Self.singlePiece == 0 ? Int(firstPiece[endToken]) : -1
                    }
                    if record >= 0 {
                        if !pieces[record].resolved, !resolveMemoized(&pieces[record], bytes, memo) {
                            resolve(&pieces[record], bytes, modes, &scratch)
                        }
                        piece = pieces[record]
                    } else {
                        // A start token's piece is resolved already; another's is resolved here
                        // (kept for the next walk that reaches it).
                        while nextStart < startCount, Int(starts[nextStart]) < endToken { nextStart += 1 }
                        if nextStart < startCount, Int(starts[nextStart]) == endToken {
                            piece = startPieces[nextStart]
                        } else {
                            if cachedToken != endToken {
                                cachedPiece = singlePiece(of: tokens[endToken], endToken, bytes, memo)
                                cachedToken = endToken
                            }
                            piece = cachedPiece
                        }
                    }
                }
            }
            // Candidates starting here: longest first, then priority, then list order.
            // (Sorted in place: sorting the slice `found[groupStart...]` would copy it.)
            // No two candidates of a group are equal in this order (an entry ends a group
            // at most once), so any sort gives the same result: pairs (most groups) without
            // the library sort's set-up.
            let groupCount = found.count - groupStart
            if groupCount > 1 {
                found.withUnsafeMutableBufferPointer { all in
                    var group = UnsafeMutableBufferPointer(rebasing: all[groupStart...])
                    if groupCount == 2 {
                        if Self.precedes(group[1], group[0]) { group.swapAt(0, 1) }
                    } else {
                        group.sort(by: Self.precedes)
                    }
                }
            }
        }
        return found
    }

    /// Pass 1 of the search: splits every token into pieces, filling in `memo.firstPieces`
    /// and `memo.pieces`, and notes in `memo.starts` the tokens whose first piece may start a
    /// surface under `roots`; returns how many. A token that is one short ASCII piece (most
    /// tokens) gets no piece record: its piece is resolved from the token itself when needed.
    /// (A method of its own, not a closure, so that its counters stay in registers.)
    func splitTokens(
        _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ roots: UInt8, _ memo: CandidateMemo,
        _ scratch: inout [UInt8]
    ) -> Int {
        let modes = (roots | roots >> 4) & 0xF
        let tokenCount = tokens.count
        var pieces = memo.reservePieces(16, keeping: 0)
        var pieceCapacity = memo.pieceCapacity
        // Per token: the index of its first piece record (one past the last for a single-piece
        // token), with `Self.singlePiece` set for a token without records.
        let firstPiece = memo.firstPieces
        let starts = memo.starts
        let filter = wordFilter
        let filterShift = wordFilterShift
        var pieceCount = 0
        var startCount = 0
        let byteCount = bytes.count
        for tokenIndex in 0..<tokenCount {
            var start = tokens[tokenIndex].range.start
            var end = tokens[tokenIndex].range.end
            // (Two unsigned comparisons: 0 <= start <= end <= byteCount.)
            if UInt(bitPattern: start) > UInt(bitPattern: end) || UInt(bitPattern: end) > UInt(bitPattern: byteCount) {
                start = max(0, min(start, byteCount))
                end = max(start, min(end, byteCount))
            }
            let length = end &- start
            if length > 0, length <= CandidateMemo.maxPieceLength {
                // The common case: one piece of ASCII letters or digits (or one ASCII byte).
                let word0 = LexiconBlob.load(bytes, start, min(length, 8))
                let word1 = length > 8 ? LexiconBlob.load(bytes, start &+ 8, length &- 8) : 0
                if (word0 | word1) & 0x8080_8080_8080_8080 == 0, length == 1 || Self.allLetters(word0, word1, length) || Self.allDigits(word0, word1, length) {
                    firstPiece[tokenIndex] = Int32(truncatingIfNeeded: pieceCount) | Self.singlePiece
                    // Without capitals, its look-up is the same in every mode: when the
                    // filter says no surface starts with it, it is left for a walk that
                    // reaches it to resolve (most lower-case words, numbers, punctuation).
                    starts[startCount] = Int32(truncatingIfNeeded: tokenIndex)
                    if Self.mayHaveCapitals(word0, word1, length)
                        || Self.wordFilterContains(filter, filterShift, word0, word1, length)
                    {
                        startCount += 1
                    }
                    continue
                }
            }
            firstPiece[tokenIndex] = Int32(truncatingIfNeeded: pieceCount)
            // A token has at most one piece per byte.
            if pieceCount + length > pieceCapacity {
                pieces = memo.reservePieces(pieceCount + length, keeping: pieceCount)
                pieceCapacity = memo.pieceCapacity
            }
            let spaceBefore = tokens[tokenIndex].spaceBefore
            if length > 0, length <= CandidateMemo.maxPieceLength {
                let word0 = LexiconBlob.load(bytes, start, min(length, 8))
                let word1 = length > 8 ? LexiconBlob.load(bytes, start + 8, length - 8) : 0
                // Other short tokens ("’s", "“", "U.S"): their pieces from the token memo.
                let slot = memo.tokenSlots + CandidateMemo.tokenIndex(word0, word1, length)
                if slot.pointee.length != UInt8(truncatingIfNeeded: length) || slot.pointee.word0 != word0
                    || slot.pointee.word1 != word1
                {
                    slot.pointee = memoizedToken(bytes, start, end, word0, word1, memo, &scratch)
                }
                let count = Int(slot.pointee.count)
                if count > 0 {
                    for index in 0..<count {
                        let piece = index == 0 ? slot.pointee.first : slot.pointee.second
                        let pieceStart = index == 0 ? start : start + Int(slot.pointee.first.end)
                        var info = PieceInfo(
                            start: Int32(truncatingIfNeeded: pieceStart), end: Int32(truncatingIfNeeded: start + Int(piece.end)),
                            token: Int32(truncatingIfNeeded: tokenIndex), space: index == 0 ? spaceBefore : false)
                        info.id0 = piece.id0
                        info.id1 = piece.id1
                        info.id2 = piece.id2
                        info.id3 = piece.id3
                        info.roots = piece.roots
                        info.resolved = true
                        info.last = index == count - 1
                        if index == 0, info.roots & roots != 0 {
                            starts[startCount] = Int32(truncatingIfNeeded: tokenIndex)
                            startCount += 1
                        }
                        (pieces + pieceCount).initialize(to: info)
                        pieceCount += 1
                    }
                    continue
                }
            }
            splitToken(tokenIndex, start, end, spaceBefore, bytes, roots, modes, memo, pieces, &pieceCount, starts, &startCount, &scratch)
            if pieceCount > Int(firstPiece[tokenIndex]) { pieces[pieceCount - 1].last = true }
        }
        firstPiece[tokenCount] = Int32(truncatingIfNeeded: pieceCount)
        return startCount
    }

    /// The pieces of a token that `splitTokens` does not take from a memo: split, appended to
    /// `pieces`, the first resolved when it may start a surface (and then noted in `starts`
    /// when it does). Out of line, so that the counters of the common case stay in registers.
    @inline(never)
    func splitToken(
        _ tokenIndex: Int, _ start: Int, _ end: Int, _ spaceBefore: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ roots: UInt8,
        _ modes: UInt8, _ memo: CandidateMemo, _ pieces: UnsafeMutablePointer<PieceInfo>, _ pieceCount: inout Int,
        _ starts: UnsafeMutablePointer<Int32>, _ startCount: inout Int, _ scratch: inout [UInt8]
    ) {
        var first = true
        PieceSplitter.pieces(bytes, start, end) { pieceStart, pieceEnd in
            var info = PieceInfo(
                start: Int32(truncatingIfNeeded: pieceStart), end: Int32(truncatingIfNeeded: pieceEnd),
                token: Int32(truncatingIfNeeded: tokenIndex), space: first ? spaceBefore : false)
            if !resolveMemoized(&info, bytes, memo), first {
                var hashes = StartHashes()
                if mayStart(bytes, info, roots, &hashes) { resolve(&info, bytes, modes, &scratch, hashes) }
            }
            if first, info.roots & roots != 0 {
                starts[startCount] = Int32(truncatingIfNeeded: tokenIndex)
                startCount += 1
            }
            (pieces + pieceCount).initialize(to: info)
            pieceCount += 1
            first = false
        }
    }

    /// How many pieces `resolveStarts` resolves at a time (their memo sets loaded first).
    static let resolveBatch = 16

    /// Set in `CandidateMemo.firstPieces` for a token that is one short ASCII piece, without a
    /// piece record.
    static let singlePiece = Int32.min

    /// Resolves the first pieces of the tokens `starts[0..<count]` (in token order; a token
    /// without piece records is resolved from its bytes, through the memo) and replaces them, in
    /// place, by the tokens whose first piece starts a surface under `roots`, the first piece
    /// of each in `startPieces`; returns how many. The memo sets of a batch of pieces are
    /// loaded first, so that their cache misses overlap.
    func resolveStarts(
        _ starts: UnsafeMutablePointer<Int32>, _ count: Int, _ startPieces: UnsafeMutablePointer<PieceInfo>,
        _ pieces: UnsafeMutablePointer<PieceInfo>, _ firstPiece: UnsafeMutablePointer<Int32>, _ tokens: UnsafeBufferPointer<Token>,
        _ bytes: UnsafeBufferPointer<UInt8>, _ roots: UInt8, _ memo: CandidateMemo
    ) -> Int {
        var kept = 0
        var batchStart = 0
        let byteCount = bytes.count
        let words = memo.batchWords
        while batchStart < count {
            let batchEnd = min(batchStart + Self.resolveBatch, count)
            var touched: UInt64 = 0
            for position in batchStart..<batchEnd {
                let tokenIndex = Int(starts[position])
                guard firstPiece[tokenIndex] & Self.singlePiece != 0 else { continue }
                // Its piece, not yet resolved, and first bytes, kept for the loop below.
                let info = unresolvedSinglePiece(of: tokens[tokenIndex], tokenIndex, byteCount)
                let start = Int(info.start)
                let length = Int(info.end) - start
                let word0 = LexiconBlob.load(bytes, start, min(length, 8))
                startPieces[position] = info
                words[position - batchStart] = word0
                if length <= 8, word0 != 0, packsPieceIDs {
                    touched ^= memo.shortPieceSlots[CandidateMemo.shortPieceIndex(word0)].word
                } else {
                    let word1 = length > 8 ? LexiconBlob.load(bytes, start + 8, length - 8) : 0
                    touched ^= memo.pieceSlots[CandidateMemo.pieceIndex(word0, word1, length)].word0
                }
            }
            memo.touched ^= touched
            // (Entry `kept` of `startPieces` is written only once entry `position` >= `kept`
            // has been read.)
            for position in batchStart..<batchEnd {
                let tokenIndex = Int(starts[position])
                let first = firstPiece[tokenIndex]
                var piece: PieceInfo
                if first & Self.singlePiece != 0 {
                    piece = startPieces[position]
                    resolveSinglePiece(&piece, words[position - batchStart], bytes, memo)
                } else {
                    piece = pieces[Int(first)]
                }
                if piece.roots & roots != 0 {
                    starts[kept] = Int32(truncatingIfNeeded: tokenIndex)
                    startPieces[kept] = piece
                    kept += 1
                }
            }
            batchStart = batchEnd
        }
        return kept
    }

    /// `resolveStarts` through the start slots (for memos with `packedEdges` and lexicons that
    /// `packsPieceIDs`), which also gives each start kept its first transitions from every trie
    /// root it starts, in `memo.startEdges` (`CandidateMemo.startEdgeCount` per start, by the
    /// root's rank among the piece's roots). A start token that is one short ASCII piece (most
    /// of them) reads one line of the memo, its start slot; the slots of a batch of starts are
    /// loaded first, so that their cache misses overlap.
    func resolveStartSlots(
        _ starts: UnsafeMutablePointer<Int32>, _ count: Int, _ startPieces: UnsafeMutablePointer<PieceInfo>,
        _ pieces: UnsafeMutablePointer<PieceInfo>, _ firstPiece: UnsafeMutablePointer<Int32>, _ tokens: UnsafeBufferPointer<Token>,
        _ bytes: UnsafeBufferPointer<UInt8>, _ roots: UInt8, _ memo: CandidateMemo
    ) -> Int {
        var kept = 0
        var batchStart = 0
        let byteCount = bytes.count
        let words = memo.batchWords
        let slots = memo.startSlots
        let edges = memo.startEdges
        let edgeCount = CandidateMemo.startEdgeCount
        while batchStart < count {
            let batchEnd = min(batchStart + Self.resolveBatch, count)
            var touched: UInt64 = 0
            for position in batchStart..<batchEnd {
                let tokenIndex = Int(starts[position])
                guard firstPiece[tokenIndex] & Self.singlePiece != 0 else { continue }
                // Its piece, not yet resolved, and bytes, kept for the loop below.
                let info = unresolvedSinglePiece(of: tokens[tokenIndex], tokenIndex, byteCount)
                let start = Int(info.start)
                let length = Int(info.end) - start
                let word0 = LexiconBlob.load(bytes, start, min(length, 8))
                let word1 = length > 8 ? LexiconBlob.load(bytes, start + 8, length - 8) : 0
                startPieces[position] = info
                words[2 * (position - batchStart)] = word0
                words[2 * (position - batchStart) + 1] = word1
                touched ^= slots[CandidateMemo.startIndex(word0, word1)].word0
            }
            memo.touched ^= touched
            // (Entry `kept` of `startPieces` and `edges` is written only once entry `position`
            // >= `kept` has been read.)
            for position in batchStart..<batchEnd {
                let tokenIndex = Int(starts[position])
                let first = firstPiece[tokenIndex]
                var slot: UnsafeMutablePointer<CandidateMemo.StartSlot>? = nil
                var piece: PieceInfo
                if first & Self.singlePiece != 0 {
                    piece = startPieces[position]
                    let word0 = words[2 * (position - batchStart)]
                    let word1 = words[2 * (position - batchStart) + 1]
                    if word0 != 0 {
                        let found = slots + CandidateMemo.startIndex(word0, word1)
                        if found.pointee.word0 != word0 || found.pointee.word1 != word1 {
                            found.pointee = memoizedStart(piece, word0, word1, bytes, memo)
                        }
                        piece.setPacked(found.pointee.packed)
                        slot = found
                    } else {
                        memoizedSinglePiece(&piece, bytes, memo)  // a NUL byte: not in the start slots
                    }
                } else {
                    piece = pieces[Int(first)]
                }
                guard piece.roots & roots != 0 else { continue }
                starts[kept] = Int32(truncatingIfNeeded: tokenIndex)
                startPieces[kept] = piece
                let target = edges + kept * edgeCount
                if let slot {
                    target[0] = slot.pointee.edge0
                    target[1] = slot.pointee.edge1
                    target[2] = slot.pointee.edge2
                    target[3] = slot.pointee.edge3
                    target[4] = slot.pointee.edge4
                } else {
                    var found = CandidateMemo.StartSlot()
                    firstEdges(piece, &found, memo)
                    target[0] = found.edge0
                    target[1] = found.edge1
                    target[2] = found.edge2
                    target[3] = found.edge3
                    target[4] = found.edge4
                }
                kept += 1
            }
            batchStart = batchEnd
        }
        return kept
    }

    /// The start slot of a token that is one ASCII piece of `bytes` (`info`, unresolved; its
    /// bytes `word0`, not 0, and `word1`): its look-ups through the piece memos and its first
    /// transitions through the short-transition memo.
    @inline(never)
    func memoizedStart(
        _ info: PieceInfo, _ word0: UInt64, _ word1: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ memo: CandidateMemo
    ) -> CandidateMemo.StartSlot {
        var piece = info
        memoized(&piece, bytes, word0, word1, Int(info.end) - Int(info.start), memo)
        var slot = CandidateMemo.StartSlot(word0: word0, word1: word1, packed: piece.packedLookups)
        firstEdges(piece, &slot, memo)
        return slot
    }

    /// Sets in `slot` the first transitions of the walks from the resolved piece `piece`: from
    /// each trie root it starts (the lowest `CandidateMemo.startEdgeCount` of them), by its
    /// ID in the root's mode.
    func firstEdges(_ piece: PieceInfo, _ slot: inout CandidateMemo.StartSlot, _ memo: CandidateMemo) {
        var rootsLeft = piece.roots
        var rank = 0
        while rootsLeft != 0, rank < CandidateMemo.startEdgeCount {
            let root = rootsLeft.trailingZeroBitCount
            rootsLeft &= rootsLeft &- 1
            let id = piece.id(root & 3)
            // (A root the piece starts has its ID in the root's mode; the check costs nothing.)
            slot.setEdge(rank, id == Self.none ? 0xFF_FFFF : shortEdgeValue(UInt32(root), id, space: false, memo))
            rank += 1
        }
    }

    /// The piece of a token that is one short ASCII piece (see `singlePiece`), resolved
    /// through the memo.
    @inline(__always)
    func singlePiece(of token: Token, _ tokenIndex: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ memo: CandidateMemo) -> PieceInfo {
        var info = unresolvedSinglePiece(of: token, tokenIndex, bytes.count)
        let start = Int(info.start)
        let word = LexiconBlob.load(bytes, start, min(Int(info.end) - start, 8))
        resolveSinglePiece(&info, word, bytes, memo)
        return info
    }

    /// The piece of a token that is one short ASCII piece, not yet resolved (its span clamped
    /// to the text's `byteCount` bytes).
    @inline(__always)
    func unresolvedSinglePiece(of token: Token, _ tokenIndex: Int, _ byteCount: Int) -> PieceInfo {
        var start = token.range.start
        var end = token.range.end
        // (Two unsigned comparisons: 0 <= start <= end <= byteCount.)
        if UInt(bitPattern: start) > UInt(bitPattern: end) || UInt(bitPattern: end) > UInt(bitPattern: byteCount) {
            start = max(0, min(start, byteCount))
            end = max(start, min(end, byteCount))
        }
        var info = PieceInfo(
            start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
            token: Int32(truncatingIfNeeded: tokenIndex), space: token.spaceBefore)
        info.last = true
        return info
    }

    /// Resolves the piece of a single-piece token (see `unresolvedSinglePiece`) whose first
    /// (up to 8) bytes are `word` through the memo: inline when it is in its short-piece set
    /// (which then keeps its order: the out-of-line look-up moves a slot to the front).
    @inline(__always)
    func resolveSinglePiece(_ info: inout PieceInfo, _ word: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ memo: CandidateMemo) {
        if Int(info.end) - Int(info.start) <= 8, word != 0, packsPieceIDs {
            let set = memo.shortPieceSlots + CandidateMemo.shortPieceIndex(word)
            for way in 0..<4 where set[way].word == word {
                info.setPacked(set[way].packed)
                return
            }
        }
        memoizedSinglePiece(&info, bytes, memo)
    }

    /// `singlePiece(of:_:_:_:)` when the piece is not in the way last used: the full memo
    /// look-up, out of line.
    @inline(never)
    func memoizedSinglePiece(_ info: inout PieceInfo, _ bytes: UnsafeBufferPointer<UInt8>, _ memo: CandidateMemo) {
        let start = Int(info.start)
        let length = Int(info.end) - start
        let word0 = LexiconBlob.load(bytes, start, min(length, 8))
        let word1 = length > 8 ? LexiconBlob.load(bytes, start + 8, length - 8) : 0
        memoized(&info, bytes, word0, word1, length, memo)
    }

    /// How many start tokens' first transitions `touchFirstTransitions` brings into the cache at
    /// a time.
    static let walkBatch = 32

    /// Loads the memo sets of the first transitions of the walks from the first pieces
    /// `starts` (every trie root each starts), so that their cache misses overlap (independent
    /// loads the processor issues together) instead of stalling each walk in turn.
    @inline(__always)
    func touchFirstTransitions(_ starts: UnsafeBufferPointer<PieceInfo>, _ roots: UInt8, _ memo: CandidateMemo) {
        guard memo.packedEdges else { return }
        var touched: UInt64 = 0
        for piece in starts {
            var rootsLeft = piece.roots & roots
            while rootsLeft != 0 {
                let root = rootsLeft.trailingZeroBitCount
                rootsLeft &= rootsLeft &- 1
                let key = UInt64(root) << 32 | UInt64(piece.id(root & 3) << 1)
                touched ^= memo.shortEdgeSlots[CandidateMemo.shortEdgeIndex(key)].key
            }
        }
        memo.touched ^= touched
    }

    /// The order of the candidates starting at one token: longest first, then priority
    /// (highest first), then list order (entry index).
    @inline(__always)
    static func precedes(_ lhs: LexiconCandidate, _ rhs: LexiconCandidate) -> Bool {
        if lhs.tokens.upperBound != rhs.tokens.upperBound { return lhs.tokens.upperBound > rhs.tokens.upperBound }
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        return lhs.entry < rhs.entry
    }

    /// Resolves a short ASCII piece through the memo (see `memoized`); false, leaving the
    /// piece unresolved, for other pieces.
    @inline(__always)
    func resolveMemoized(_ info: inout PieceInfo, _ bytes: UnsafeBufferPointer<UInt8>, _ memo: CandidateMemo) -> Bool {
        let start = Int(info.start)
        let length = Int(info.end) - start
        guard length > 0, length <= CandidateMemo.maxPieceLength else { return false }
        let word0 = LexiconBlob.load(bytes, start, min(length, 8))
        let word1 = length > 8 ? LexiconBlob.load(bytes, start + 8, length - 8) : 0
        guard (word0 | word1) & 0x8080_8080_8080_8080 == 0 else { return false }
        memoized(&info, bytes, word0, word1, length, memo)
        return true
    }

    /// Resolves an ASCII piece of `length` (1...16) bytes, `word0` and `word1`, through the
    /// memo: looked up in the vocabulary in every mode and memoized when the memo lacks it.
    @inline(__always)
    func memoized(
        _ info: inout PieceInfo, _ bytes: UnsafeBufferPointer<UInt8>, _ word0: UInt64, _ word1: UInt64, _ length: Int,
        _ memo: CandidateMemo
    ) {
        if length <= 8, word0 != 0, packsPieceIDs {
            memoizedShort(&info, bytes, word0, length, memo)
            return
        }
        let slot = memo.pieceSlots + CandidateMemo.pieceIndex(word0, word1, length)
        let key = UInt8(truncatingIfNeeded: length)
        if slot[0].length != key || slot[0].word0 != word0 || slot[0].word1 != word1 {
            // Not in the way last used: in the other (swapped to the front), or looked up.
            let other = slot[1]
            slot[1] = slot[0]
            slot[0] = other.length == key && other.word0 == word0 && other.word1 == word1
                ? other : memoizedPiece(bytes, Int(info.start), Int(info.start) + length, word0, word1)
        }
        let found = slot[0]
        let modes = found.modes
        info.id0 = modes & 1 != 0 ? found.exact : CompiledLexicon.none
        info.id1 = modes & 2 != 0 ? found.lowered : CompiledLexicon.none
        info.id2 = modes & 4 != 0 ? found.exact : CompiledLexicon.none
        info.id3 = modes & 8 != 0 ? found.lowered : CompiledLexicon.none
        info.roots = found.roots
        info.resolved = true
    }

    /// The token memo slot of the token `bytes[start..<end]` (1...16 bytes, `word0` and `word1`):
    /// its pieces resolved in every mode, as the search would resolve them (lazily or not), when
    /// it has at most two; else a slot with no pieces.
    @inline(never)
    func memoizedToken(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word0: UInt64, _ word1: UInt64, _ memo: CandidateMemo,
        _ scratch: inout [UInt8]
    ) -> CandidateMemo.TokenSlot {
        var slot = CandidateMemo.TokenSlot(word0: word0, word1: word1, length: UInt8(truncatingIfNeeded: end - start))
        var count = 0
        PieceSplitter.pieces(bytes, start, end) { pieceStart, pieceEnd in
            count += 1
            guard count <= 2 else { return }
            var info = PieceInfo(
                start: Int32(truncatingIfNeeded: pieceStart), end: Int32(truncatingIfNeeded: pieceEnd), token: 0, space: false)
            if !resolveMemoized(&info, bytes, memo) { resolve(&info, bytes, 0xF, &scratch) }
            let piece = CandidateMemo.TokenPiece(
                id0: info.id0, id1: info.id1, id2: info.id2, id3: info.id3, end: UInt8(truncatingIfNeeded: pieceEnd - start),
                roots: info.roots)
            if count == 1 { slot.first = piece } else { slot.second = piece }
        }
        slot.count = count <= 2 ? UInt8(count) : 0
        return slot
    }

    /// True when the `length` (2...16) bytes in `word0` and `word1` (ASCII, zero-padded) are
    /// all digits: one piece (a run of digits), decided 8 bytes at a time.
    @inline(__always)
    static func allDigits(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Bool {
        allLanes(word0, word1, length) { word in
            let atLeastZero = word &+ 0x5050_5050_5050_5050  // high bit set where the byte >= 0x30
            let pastNine = word &+ 0x4646_4646_4646_4646  // high bit set where the byte >= 0x3A
            return atLeastZero & ~pastNine & 0x8080_8080_8080_8080
        }
    }

    /// True when the `length` (2...16) bytes in `word0` and `word1` (ASCII, zero-padded) are
    /// all letters: one piece (see `PieceSplitter.isSinglePiece`), decided 8 bytes at a time.
    @inline(__always)
    static func allLetters(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Bool {
        allLanes(word0, word1, length) { word in
            let lower = word | 0x2020_2020_2020_2020
            let atLeastA = lower &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit set where the byte >= 0x61
            let pastZ = lower &+ 0x0505_0505_0505_0505  // high bit set where the byte >= 0x7B
            return atLeastA & ~pastZ & 0x8080_8080_8080_8080
        }
    }

    /// True when `bits` (the high bit of each byte that passes a test) marks each of the
    /// `length` (1...16) bytes in `word0` and `word1`.
    @inline(__always)
    static func allLanes(_ word0: UInt64, _ word1: UInt64, _ length: Int, _ bits: (UInt64) -> UInt64) -> Bool {
        if length <= 8 {
            let lanes: UInt64 = 0x8080_8080_8080_8080 >> UInt64((8 - length) * 8)
            return bits(word0) & lanes == lanes
        }
        let lanes: UInt64 = 0x8080_8080_8080_8080 >> UInt64((16 - length) * 8)
        return bits(word0) == 0x8080_8080_8080_8080 && bits(word1) & lanes == lanes
    }

    /// False when none of the `length` (1...16) bytes in `word0` and `word1` (zero-padded) is
    /// an ASCII capital; true when some byte lacks bit 0x20, as every capital does (and a few
    /// punctuation and control bytes: a cheap superset).
    @inline(__always)
    static func mayHaveCapitals(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Bool {
        let bits: UInt64 = 0x2020_2020_2020_2020
        if length <= 8 { return ~word0 & (bits &>> UInt64(truncatingIfNeeded: (8 - length) * 8)) != 0 }
        return ~word0 & bits != 0 || ~word1 & (bits &>> UInt64(truncatingIfNeeded: (16 - length) * 8)) != 0
    }

    /// `memoized` for a piece of 1...8 bytes (`word`, not 0) in the short-piece table.
    @inline(__always)
    func memoizedShort(
        _ info: inout PieceInfo, _ bytes: UnsafeBufferPointer<UInt8>, _ word: UInt64, _ length: Int, _ memo: CandidateMemo
    ) {
        let set = memo.shortPieceSlots + CandidateMemo.shortPieceIndex(word)
        let packed: UInt64
        if set[0].word == word {
            packed = set[0].packed
        } else {
            // Move the hit (or the new look-up) to the front, the ways before it one back.
            let found: CandidateMemo.ShortPieceSlot
            if set[1].word == word {
                found = set[1]
            } else if set[2].word == word {
                found = set[2]
                set[2] = set[1]
            } else {
                found = set[3].word == word ? set[3] : memoizedShortPiece(bytes, Int(info.start), Int(info.start) + length, word)
                set[3] = set[2]
                set[2] = set[1]
            }
            set[1] = set[0]
            set[0] = found
            packed = found.packed
        }
        info.setPacked(packed)
    }

    /// The short-piece memo slot of an ASCII piece of 1...8 bytes (see `memoizedPiece`).
    @inline(never)
    func memoizedShortPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: UInt64) -> CandidateMemo.ShortPieceSlot {
        let found = memoizedPiece(bytes, start, end, word, 0)
        // A look-up that failed has no modes, so its ID (none) is never read: keep its low bits.
        var packed = UInt64(found.exact & 0xF_FFFF) | UInt64(found.lowered & 0xF_FFFF) << 20
        packed |= UInt64(found.modes) << 40 | UInt64(found.roots) << 44
        return CandidateMemo.ShortPieceSlot(word: word, packed: packed)
    }

    /// The memo slot of an ASCII piece: its vocabulary look-ups as is and lowered, combined as
    /// `resolve` combines them for every mode.
    @inline(never)
    func memoizedPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word0: UInt64, _ word1: UInt64) -> CandidateMemo.PieceSlot {
        let exact = piece(bytes, start, end)
        let upper = LexiconBlob.lowerASCII(word0) != word0 || LexiconBlob.lowerASCII(word1) != word1
        let lowered = upper ? piece(bytes, start, end, lowercase: true) : exact
        // Mode m takes the look-up as is (m even) or lowered (m odd) when it occurs in mode m.
        let modes = exact.modes & 0b0101 | lowered.modes & 0b1010
        var roots: UInt8 = 0
        for mode in 0..<LexiconBlob.modeCount where modes & (1 << mode) != 0 {
            roots |= (mode & 1 == 0 ? exact.roots : lowered.roots) & (0x11 << mode)
        }
        return CandidateMemo.PieceSlot(
            word0: word0, word1: word1, exact: exact.id, lowered: lowered.id, length: UInt8(end - start), modes: modes,
            roots: roots)
    }

    /// The trie transition from `node` by piece `id` through the memo, with what the walk
    /// needs of the node reached.
    @inline(__always)
    func transition(_ node: UInt32, _ id: UInt32, space: Bool, _ memo: CandidateMemo) -> MemoEdge {
        let key = UInt64(node) << 32 | UInt64(id << 1 | (space ? 1 : 0))
        guard memo.packedEdges else {
            let slot = memo.edgeSlots + CandidateMemo.edgeIndex(key)
            if slot[0].key != key {
                // Not in the way last used: in the other (swapped to the front), or looked up.
                let other = slot[1]
                slot[1] = slot[0]
                slot[0] = other.key == key ? other : memoizedEdge(node, id, space: space, key: key)
            }
            let found = slot[0]
            return MemoEdge(
                to: found.to, hasChildren: found.outputStart & (1 << 31) != 0,
                outputCount: Int(found.outputEnd & 0x7FFF_FFFF) - Int(found.outputStart & 0x7FFF_FFFF),
                firstOutput: found.firstOutput, firstList: Int(found.firstList))
        }
        return shortEdge(shortEdgeValue(node, id, space: space, memo))
    }

    /// The `CandidateMemo.ShortEdgeSlot.value` of the trie transition from `node` by piece `id`,
    /// through the short-transition memo (for memos with `packedEdges`).
    @inline(__always)
    func shortEdgeValue(_ node: UInt32, _ id: UInt32, space: Bool, _ memo: CandidateMemo) -> UInt64 {
        let key = UInt64(node) << 32 | UInt64(id << 1 | (space ? 1 : 0))
        let set = memo.shortEdgeSlots + CandidateMemo.shortEdgeIndex(key)
        let value: UInt64
        if set[0].key == key {
            value = set[0].value
        } else {
            // Move the hit (or the new look-up) to the front, the ways before it one back.
            let found: CandidateMemo.ShortEdgeSlot
            if set[1].key == key {
                found = set[1]
            } else if set[2].key == key {
                found = set[2]
                set[2] = set[1]
            } else {
                found = set[3].key == key ? set[3] : memoizedShortEdge(node, id, space: space, key: key)
                set[3] = set[2]
                set[2] = set[1]
            }
            set[1] = set[0]
            set[0] = found
            value = found.value
        }
        return value
    }

    /// A transition as the walk reads it, from its `CandidateMemo.ShortEdgeSlot.value`.
    @inline(__always)
    func shortEdge(_ value: UInt64) -> MemoEdge {
        let to = UInt32(truncatingIfNeeded: value & 0xFF_FFFF)
        guard to != 0xFF_FFFF else { return MemoEdge(to: Self.none, hasChildren: false, outputCount: 0, firstOutput: 0, firstList: 0) }
        var count = Int((value >> 25) & 0x7F)
        if count == 0x7F { count = Int(nodeStarts[Int(to) + 1] & 0x7FFF_FFFF) - Int(nodeStarts[Int(to)] & 0x7FFF_FFFF) }
        return MemoEdge(
            to: to, hasChildren: value & (1 << 24) != 0, outputCount: count,
            firstOutput: UInt32(truncatingIfNeeded: (value >> 32) & 0xFF_FFFF), firstList: Int(value >> 56))
    }

    /// The memo slot of a trie transition.
    @inline(never)
    func memoizedEdge(_ node: UInt32, _ id: UInt32, space: Bool, key: UInt64) -> CandidateMemo.EdgeSlot {
        let to = transition(node, id, space: space)
        guard to != Self.none else { return CandidateMemo.EdgeSlot(key: key) }
        let outputStart = nodeStarts[Int(to)]
        let outputEnd = nodeStarts[Int(to) + 1]
        guard outputStart & 0x7FFF_FFFF < outputEnd & 0x7FFF_FFFF else {
            return CandidateMemo.EdgeSlot(key: key, to: to, outputStart: outputStart, outputEnd: outputEnd)
        }
        let first = output(Int(outputStart & 0x7FFF_FFFF))
        return CandidateMemo.EdgeSlot(
            key: key, to: to, outputStart: outputStart, outputEnd: outputEnd, firstOutput: first,
            firstList: UInt32(truncatingIfNeeded: cachedListIndex(of: first)))
    }

    /// The short memo slot of a trie transition (see `CandidateMemo.ShortEdgeSlot`).
    @inline(never)
    func memoizedShortEdge(_ node: UInt32, _ id: UInt32, space: Bool, key: UInt64) -> CandidateMemo.ShortEdgeSlot {
        let found = memoizedEdge(node, id, space: space, key: key)
        guard found.to != Self.none else { return CandidateMemo.ShortEdgeSlot(key: key, value: 0xFF_FFFF) }
        let count = min(Int(found.outputEnd & 0x7FFF_FFFF) - Int(found.outputStart & 0x7FFF_FFFF), 0x7F)
        var value = UInt64(found.to) | (found.outputStart & (1 << 31) != 0 ? 1 << 24 : 0) | UInt64(count) << 25
        value |= UInt64(found.firstOutput & 0xFF_FFFF) << 32 | UInt64(found.firstList & 0xFF) << 56
        return CandidateMemo.ShortEdgeSlot(key: key, value: value)
    }

    /// False when no surface under the given trie roots can start with this piece (checked in
    /// the start filters, without touching the vocabulary); true when one may.
    @inline(__always)
    func mayStart(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: PieceInfo, _ roots: UInt8, _ hashes: inout StartHashes) -> Bool {
        let start = Int(piece.start)
        let end = Int(piece.end)
        // `LexiconBlob.hash` as is and lowered at once, 8 bytes at a time.
        var exact = LexiconBlob.hashSeed(length: end - start)
        var lowered = exact
        var upper = false
        var index = start
        var firstExact: UInt64 = 0
        var firstLowered: UInt64 = 0
        repeat {
            let count = min(end - index, 8)
            let word = LexiconBlob.load(bytes, index, count)
            if word & 0x8080_8080_8080_8080 != 0 { return true }  // non-ASCII: fold, then look up
            let lowerWord = LexiconBlob.lowerASCII(word)
            if index == start {
                firstExact = word
                firstLowered = lowerWord
            }
            upper = upper || lowerWord != word
            exact = LexiconBlob.mix(exact, word)
            lowered = LexiconBlob.mix(lowered, lowerWord)
            index += count
        } while index < end
        let exactHash = LexiconBlob.finish(exact)
        let loweredHash = LexiconBlob.finish(lowered)
        hashes = StartHashes(
            known: true, upper: upper, exact: exactHash, lowered: loweredHash, exactWord: firstExact, loweredWord: firstLowered)
        for group in 0..<2 where roots & (0xF << (group * 4)) != 0 {
            if startFilterContains(exactHash, group: group) { return true }
            if upper, roots & (0b1010 << (group * 4)) != 0, startFilterContains(loweredHash, group: group) { return true }
        }
        return false
    }

    /// Looks a piece's vocabulary ID up in every needed mode.
    @inline(__always)
    func resolve(
        _ info: inout PieceInfo, _ bytes: UnsafeBufferPointer<UInt8>, _ modes: UInt8, _ scratch: inout [UInt8],
        _ hashes: StartHashes = StartHashes()
    ) {
        info.resolved = true
        let pieceStart = Int(info.start)
        let pieceEnd = Int(info.end)
        if hashes.known {
            // An ASCII piece whose hashes the start filter already computed.
            let exact = piece(bytes, pieceStart, pieceEnd, lowercase: false, hash: hashes.exact, first: hashes.exactWord)
            let lowered = hashes.upper && modes & 0b1010 != 0
                ? piece(bytes, pieceStart, pieceEnd, lowercase: true, hash: hashes.lowered, first: hashes.loweredWord) : exact
            info.set(0, exact)
            info.set(1, lowered)
            info.set(2, exact)
            info.set(3, lowered)
            return
        }
        var ascii = true
        var upper = false
        for index in pieceStart..<pieceEnd {
            let byte = bytes[index]
            if byte >= 0x80 { ascii = false }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        let exact = piece(bytes, pieceStart, pieceEnd)
        if ascii {
            // Folding diacritics changes nothing in ASCII; folding case only changes capitals.
            let lowered = upper && modes & 0b1010 != 0 ? piece(bytes, pieceStart, pieceEnd, lowercase: true) : exact
            info.set(0, exact)
            info.set(1, lowered)
            info.set(2, exact)
            info.set(3, lowered)
        } else {
            info.set(0, exact)
            for mode in 1..<LexiconBlob.modeCount where modes & (1 << mode) != 0 {
                scratch.removeAll(keepingCapacity: true)
                TextFolding.fold(
                    bytes, pieceStart, pieceEnd, caseFold: mode & 1 != 0, diacriticsFold: mode & 2 != 0, into: &scratch)
                let found = scratch.withUnsafeBufferPointer { piece($0, 0, $0.count) }
                info.set(mode, found)
            }
        }
    }

    /// The entries whose surface matches the whole of `text` (compared as each list says:
    /// "sao paulo" finds "São Paulo" in a case-insensitive, diacritics-folding list), best first.
    public func lookup(_ text: String, labels: Set<LexiconLabel>? = nil) -> [LexiconEntry] {
        var copy = text
        var found: [UInt32] = []
        copy.withUTF8 { bytes in
            for root in 0..<LexiconBlob.rootCount where activeRoots & (1 << root) != 0 {
                let mode = root & 3
                var node = UInt32(root)
                var scratch: [UInt8] = []
                var count = 0
                PieceSplitter.piecesSkippingWhitespace(bytes, 0, bytes.count) { start, end, space in
                    guard node != CompiledLexicon.none else { return }
                    scratch.removeAll(keepingCapacity: true)
                    TextFolding.fold(bytes, start, end, caseFold: mode & 1 != 0, diacriticsFold: mode & 2 != 0, into: &scratch)
                    let id = scratch.withUnsafeBufferPointer { piece($0, 0, $0.count) }
                    let known = count == 0 ? id.roots & (1 << root) != 0 : id.modes & (1 << mode) != 0
                    node = known ? transition(node, id.id, space: space && count > 0) : CompiledLexicon.none
                    count += 1
                }
                guard node != CompiledLexicon.none, count > 0 else { continue }
                for position in outputRange(node) {
                    let entry = output(position)
                    if labels?.contains(listLabels[listIndex(of: entry)]) ?? true { found.append(entry) }
                }
            }
        }
        let entries = found.map { entry(LexiconEntryID(rawValue: $0)) }
        return entries.sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.layer != rhs.layer { return lhs.layer > rhs.layer }
            return lhs.id < rhs.id
        }
    }
}

/// A trie transition as the candidate search uses it: the node reached (`CompiledLexicon.none`
/// when there is none), whether surfaces continue past it, how many entries end there, and the
/// first of them (entry index and list) when there are any.
struct MemoEdge {
    var to: UInt32
    var hasChildren: Bool
    var outputCount: Int
    var firstOutput: UInt32
    var firstList: Int
}

/// The hashes of an ASCII piece (as is and with ASCII capitals lowered), computed once by
/// the start filter and reused by the vocabulary look-up.
struct StartHashes {
    var known = false
    var upper = false
    var exact: UInt32 = 0
    var lowered: UInt32 = 0
    /// The piece's first 8 bytes (zero-padded), as is and lowered.
    var exactWord: UInt64 = 0
    var loweredWord: UInt64 = 0
}

/// A piece of a document token, with its vocabulary ID in each matching mode once resolved.
struct PieceInfo {
    var start: Int32
    var end: Int32
    var id0 = CompiledLexicon.none
    var id1 = CompiledLexicon.none
    var id2 = CompiledLexicon.none
    var id3 = CompiledLexicon.none
    var token: Int32
    var space: Bool
    var last = false
    var resolved = false
    /// Bit r set when some surface under trie root r starts with this piece.
    var roots: UInt8 = 0

    init(start: Int32, end: Int32, token: Int32, space: Bool) {
        self.start = start
        self.end = end
        self.token = token
        self.space = space
    }

    /// Records the look-ups of a short-piece memo slot (`CandidateMemo.ShortPieceSlot.packed`).
    @inline(__always)
    mutating func setPacked(_ packed: UInt64) {
        let exact = UInt32(truncatingIfNeeded: packed & 0xF_FFFF)
        let lowered = UInt32(truncatingIfNeeded: (packed >> 20) & 0xF_FFFF)
        let modes = UInt8(truncatingIfNeeded: (packed >> 40) & 0xF)
        id0 = modes & 1 != 0 ? exact : CompiledLexicon.none
        id1 = modes & 2 != 0 ? lowered : CompiledLexicon.none
        id2 = modes & 4 != 0 ? exact : CompiledLexicon.none
        id3 = modes & 8 != 0 ? lowered : CompiledLexicon.none
        roots = UInt8(truncatingIfNeeded: packed >> 44)
        resolved = true
    }

    /// This piece's look-ups packed as in `CandidateMemo.ShortPieceSlot.packed` (the inverse
    /// of `setPacked`), for a resolved ASCII piece (whose look-ups as is serve modes 0 and 2,
    /// lowered 1 and 3) with IDs below 1 << 20.
    var packedLookups: UInt64 {
        let none = CompiledLexicon.none
        let modes: UInt64 = (id0 != none ? 1 : 0) | (id1 != none ? 2 : 0) | (id2 != none ? 4 : 0) | (id3 != none ? 8 : 0)
        let exact = id0 != none ? id0 : id2
        let lowered = id1 != none ? id1 : id3
        return UInt64(exact & 0xF_FFFF) | UInt64(lowered & 0xF_FFFF) << 20 | modes << 40 | UInt64(roots) << 44
    }

    @inline(__always)
    func id(_ mode: Int) -> UInt32 {
        switch mode {
        case 0: return id0
        case 1: return id1
        case 2: return id2
        default: return id3
        }
    }

    /// Records the look-up of this piece folded for `mode`, when the piece occurs in that mode.
    @inline(__always)
    mutating func set(_ mode: Int, _ found: CompiledLexicon.PieceLookup) {
        guard found.modes & (1 << mode) != 0 else { return }
        switch mode {
        case 0: id0 = found.id
        case 1: id1 = found.id
        case 2: id2 = found.id
        default: id3 = found.id
        }
        roots |= found.roots & (0x11 << mode)
    }
}
