/// Compiles lexicon lists into the binary form read by `CompiledLexicon` (see `LexiconBlob`).
///
/// Each surface is split into pieces (`PieceSplitter`) and each piece folded as its list's
/// policies say (`TextFolding`): a list's entries go into the trie of its matching mode (case
/// sensitive or not × diacritics kept or folded), so folding happens once, here.
struct LexiconCompiler {
    let specs: [LexiconListSpec]

    /// An entry that made it into the lexicon.
    private struct EntryRecord {
        var list: UInt32
        var line: UInt32
        var offset: UInt32
        var length: UInt32
    }

    func compile(key: UInt64) throws(LexiconError) -> [UInt8] {
        let overrides = try overrideLayers()
        var vocabulary: [[UInt8]: UInt32] = [:]
        var pieces: [[UInt8]] = []
        var pieceModes: [UInt16] = []
        var edges: [UInt64: UInt32] = [:]
        var nodeCount: UInt32 = UInt32(LexiconBlob.rootCount)
        var hasChildren = [Bool](repeating: false, count: LexiconBlob.rootCount)
        var outputs: [(node: UInt32, entry: UInt32)] = []
        var entries: [EntryRecord] = []
        var linePool: [UInt8] = []
        var folded: [UInt8] = []
        var activeRoots: UInt8 = 0

        for (listIndex, spec) in specs.enumerated() {
            let bytes = try FileSystem.readFile(spec.path)
            let mode = spec.mode
            let caseFold = mode & 1 != 0
            let diacriticsFold = mode & 2 != 0
            let root = LexiconBlob.root(mode: mode, auxiliary: spec.label.entityLabel == nil)
            let modeBit = UInt16(1 << mode)
            let startBit = UInt16(1 << (4 + root))
            var malformed: LexiconError?
            bytes.withUnsafeBufferPointer { buffer in
                var position = 0
                var number = 0
                while position < buffer.count {
                    number += 1
                    let start = position
                    var end = start
                    while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                    position = end + 1
                    if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    if start == end || buffer[start] == UInt8(ascii: "#") { continue }
                    let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                    let parsed: EntryLine
                    switch EntryLine.parse(line) {
                    case let .success(entry): parsed = entry
                    case let .failure(problem):
                        malformed = .malformedLine(file: spec.displayName, line: number, reason: problem.reason)
                        return
                    }
                    if let overrides, let top = overrides[overrideKey(parsed.surface, spec.label)], top > spec.layer {
                        continue
                    }
                    // Walk / extend the trie of this list's mode.
                    var node = UInt32(root)
                    var surface = parsed.surface
                    var pieceCount = 0
                    surface.withUTF8 { text in
                        PieceSplitter.piecesSkippingWhitespace(text, 0, text.count) { pieceStart, pieceEnd, space in
                            folded.removeAll(keepingCapacity: true)
                            TextFolding.fold(
                                text, pieceStart, pieceEnd, caseFold: caseFold, diacriticsFold: diacriticsFold,
                                into: &folded)
                            let id: UInt32
                            if let known = vocabulary[folded] {
                                id = known
                            } else {
                                id = UInt32(pieces.count)
                                vocabulary[folded] = id
                                pieces.append(folded)
                                pieceModes.append(0)
                            }
                            pieceModes[Int(id)] |= pieceCount == 0 ? modeBit | startBit : modeBit
                            let label = id << 1 | (space && pieceCount > 0 ? 1 : 0)
                            let edge = UInt64(node) << 32 | UInt64(label)
                            if let next = edges[edge] {
                                node = next
                            } else {
                                edges[edge] = nodeCount
                                hasChildren[Int(node)] = true
                                hasChildren.append(false)
                                node = nodeCount
                                nodeCount += 1
                            }
                            pieceCount += 1
                        }
                    }
                    guard pieceCount > 0 else {
                        malformed = .malformedLine(file: spec.displayName, line: number, reason: "surface form has no characters")
                        return
                    }
                    activeRoots |= UInt8(1 << root)
                    outputs.append((node, UInt32(entries.count)))
                    let common = parsed.features.contains { $0.key == "common_word" && $0.value == "yes" }
                    entries.append(EntryRecord(
                        list: UInt32(listIndex) | (common ? 1 << 16 : 0), line: UInt32(number), offset: UInt32(linePool.count),
                        length: UInt32(line.count)))
                    linePool.append(contentsOf: line)
                }
            }
            if let malformed { throw malformed }
        }
        return layout(
            key: key, pieces: pieces, pieceModes: pieceModes, edges: edges, nodeCount: Int(nodeCount),
            hasChildren: hasChildren, outputs: outputs, entries: entries, linePool: linePool, activeRoots: activeRoots)
    }

    /// For user layers: the highest layer defining each (label, folded surface), or nil when
    /// there are no user lists.
    private func overrideLayers() throws(LexiconError) -> [String: Int]? {
        let userSpecs = specs.filter { $0.layer > 0 }
        guard !userSpecs.isEmpty else { return nil }
        var layers: [String: Int] = [:]
        for spec in userSpecs {
            let bytes = try FileSystem.readFile(spec.path)
            for (_, line) in TSVLines(bytes) {
                let surface = line.withUnsafeBufferPointer { buffer -> String? in
                    guard case let .success(entry) = EntryLine.parse(buffer) else { return nil }
                    return entry.surface
                }
                guard let surface else { continue }  // reported by the main pass
                let key = overrideKey(surface, spec.label)
                layers[key] = max(layers[key] ?? 0, spec.layer)
            }
        }
        return layers
    }

    /// Entries with the same key override each other: the label and the fully folded surface
    /// (whitespace collapsed).
    private func overrideKey(_ surface: String, _ label: LexiconLabel) -> String {
        let pieces = PieceSplitter.pieces(of: surface).map { ($0.spaceBefore ? " " : "") + $0.piece }.joined()
        return label.rawValue + "\t" + TextFolding.fold(pieces, caseFold: true, diacriticsFold: true)
    }

    // MARK: - Layout

    private func layout(
        key: UInt64, pieces: [[UInt8]], pieceModes: [UInt16], edges: [UInt64: UInt32], nodeCount: Int,
        hasChildren: [Bool], outputs: [(node: UInt32, entry: UInt32)], entries: [EntryRecord], linePool: [UInt8],
        activeRoots: UInt8
    ) -> [UInt8] {
        // Pool: list strings, vocabulary pieces, then entry lines.
        var pool: [UInt8] = []
        func intern(_ string: String) -> (UInt32, UInt32) {
            let offset = UInt32(pool.count)
            pool.append(contentsOf: string.utf8)
            return (offset, UInt32(pool.count) - offset)
        }
        var listWords: [UInt32] = []
        for spec in specs {
            let path = intern(spec.displayName)
            let label = intern(spec.label.rawValue)
            let subtype = spec.subtype.map(intern) ?? (0, UInt32.max)
            listWords += [
                path.0, path.1, label.0, label.1, subtype.0, subtype.1,
                UInt32(spec.mode) | UInt32(spec.layer) << 8, UInt32(bitPattern: Int32(clamping: spec.priority)),
            ]
        }
        // Vocabulary table: a piece's ID is its slot.
        let vocabularyCapacity = LexiconBlob.capacity(for: pieces.count)
        let vocabularyMask = vocabularyCapacity - 1
        var vocabularyWords = [UInt32](repeating: 0, count: vocabularyCapacity * 4)
        let startCount = pieceModes.reduce(0) { $0 + ($1 >> 4 != 0 ? 1 : 0) }
        var filterBits = 16
        while filterBits < 21, 1 << filterBits < startCount * 16 { filterBits += 1 }
        let filterWordCount = (1 << filterBits) / 32
        var filterWords = [UInt32](repeating: 0, count: filterWordCount * 2)
        var slotOfPiece = [UInt32](repeating: 0, count: pieces.count)
        for (id, piece) in pieces.enumerated() {
            let hash = piece.withUnsafeBufferPointer { LexiconBlob.hash($0, 0, $0.count) }
            var slot = Int(hash) & vocabularyMask
            while vocabularyWords[slot * 4 + 1] != 0 { slot = (slot + 1) & vocabularyMask }
            vocabularyWords[slot * 4] = hash
            vocabularyWords[slot * 4 + 1] = UInt32(piece.count) | UInt32(pieceModes[id]) << 20
            if piece.count <= 8 {
                let packed = LexiconBlob.pack(piece)
                vocabularyWords[slot * 4 + 2] = UInt32(truncatingIfNeeded: packed)
                vocabularyWords[slot * 4 + 3] = UInt32(truncatingIfNeeded: packed >> 32)
            } else {
                vocabularyWords[slot * 4 + 2] = UInt32(pool.count)
                pool.append(contentsOf: piece)
            }
            slotOfPiece[id] = UInt32(slot)
            let starts = pieceModes[id] >> 4
            for group in 0..<2 where starts & (0xF << (group * 4)) != 0 {
                let bit = LexiconBlob.filterBit(hash, bits: filterBits)
                filterWords[group * filterWordCount + bit >> 5] |= 1 << UInt32(bit & 31)
            }
        }
        // Word start filter: the pieces a quick-path token without capitals may start with.
        var wordStarts: [UInt64] = []
        for (id, piece) in pieces.enumerated() where pieceModes[id] >> 4 != 0 {
            guard (1...16).contains(piece.count), piece.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) else { continue }
            let word0 = LexiconBlob.pack(Array(piece.prefix(8)))
            let word1 = LexiconBlob.pack(Array(piece.dropFirst(8)))
            wordStarts.append(LexiconBlob.wordFilterKey(word0, word1, piece.count))
        }
        // 32 bits per key (two set): about 1 in 250 other pieces passes.
        var wordFilterShift = 58
        while wordFilterShift > 40, 1 << (64 - wordFilterShift) < wordStarts.count / 2 { wordFilterShift -= 1 }
        var wordFilter = [UInt64](repeating: 0, count: 1 << (64 - wordFilterShift))
        for key in wordStarts {
            wordFilter[LexiconBlob.wordFilterIndex(key, shift: wordFilterShift)] |= LexiconBlob.wordFilterBits(key, shift: wordFilterShift)
        }
        // Transition table, with labels remapped to vocabulary slots.
        let transitionCapacity = LexiconBlob.capacity(for: edges.count)
        let transitionMask = transitionCapacity - 1
        var transitionWords = [UInt32](repeating: UInt32.max, count: transitionCapacity * 3)
        for (edge, to) in edges {
            let from = UInt32(truncatingIfNeeded: edge >> 32)
            let temporary = UInt32(truncatingIfNeeded: edge)
            let label = slotOfPiece[Int(temporary >> 1)] << 1 | (temporary & 1)
            var slot = LexiconBlob.edgeSlot(from: from, label: label, mask: transitionMask)
            while transitionWords[slot * 3] != UInt32.max { slot = (slot + 1) & transitionMask }
            transitionWords[slot * 3] = from
            transitionWords[slot * 3 + 1] = label
            transitionWords[slot * 3 + 2] = to
        }
        // Outputs per node, best candidates first.
        let linePoolOffset = UInt32(pool.count)
        pool.append(contentsOf: linePool)
        let sorted = outputs.sorted { lhs, rhs in
            if lhs.node != rhs.node { return lhs.node < rhs.node }
            let left = specs[Int(entries[Int(lhs.entry)].list & 0xFFFF)]
            let right = specs[Int(entries[Int(rhs.entry)].list & 0xFFFF)]
            if left.priority != right.priority { return left.priority > right.priority }
            if left.layer != right.layer { return left.layer > right.layer }
            return lhs.entry < rhs.entry
        }
        var nodeStarts = [UInt32](repeating: 0, count: nodeCount + 1)
        for output in sorted { nodeStarts[Int(output.node) + 1] += 1 }
        for index in 0..<nodeCount { nodeStarts[index + 1] += nodeStarts[index] }
        for index in 0..<nodeCount where hasChildren[index] { nodeStarts[index] |= 1 << 31 }

        var writer = BlobWriter()
        writer.bytes = [UInt8](repeating: 0, count: LexiconBlob.headerSize)
        func section(_ offsetField: LexiconBlob.Field, _ words: [UInt32]) {
            writer.align()
            writer.set(offsetField, writer.bytes.count)
            words.withUnsafeBytes { raw in
                if UInt32(1).littleEndian == 1 {
                    writer.bytes.append(contentsOf: raw)
                } else {
                    for word in words { writer.append(word) }
                }
            }
        }
        writer.set(.poolOffset, writer.bytes.count)
        writer.set(.poolLength, pool.count)
        writer.bytes.append(contentsOf: pool)
        section(.listsOffset, listWords)
        writer.set(.listCount, specs.count)
        var entryWords: [UInt32] = []
        entryWords.reserveCapacity(entries.count * 4)
        for entry in entries {
            entryWords += [entry.list, entry.line, entry.offset + linePoolOffset, entry.length]
        }
        section(.entriesOffset, entryWords)
        writer.set(.entryCount, entries.count)
        section(.vocabularyOffset, vocabularyWords)
        writer.set(.vocabularyCapacity, vocabularyCapacity)
        section(.transitionsOffset, transitionWords)
        writer.set(.transitionCapacity, transitionCapacity)
        section(.nodeOutputsOffset, nodeStarts)
        writer.set(.nodeCount, nodeCount)
        section(.outputsOffset, sorted.map(\.entry))
        writer.set(.outputCount, sorted.count)
        writer.set(.activeRoots, Int(activeRoots))
        section(.startFilterOffset, filterWords)
        writer.set(.startFilterBits, filterBits)
        section(.wordFilterOffset, wordFilter.flatMap { [UInt32(truncatingIfNeeded: $0), UInt32(truncatingIfNeeded: $0 >> 32)] })
        writer.set(.wordFilterShift, wordFilterShift)
        writer.set(.key, key)
        writer.align()
        writer.set(.totalLength, writer.bytes.count)
        writer.set(.magicAndVersion, UInt64(LexiconBlob.magic) | UInt64(LexiconBlob.version) << 32)
        return writer.bytes
    }
}
