import GazetteCore

/// All lexicon lists compiled into one matcher: a vocabulary of folded pieces and a trie of
/// piece sequences per matching mode (case sensitive or not × diacritics kept or folded), read
/// in place from a binary blob (memory-mapped from the cache, or compiled in memory).
///
/// Immutable after loading and safe to share across threads. Find matches with
/// `candidates(in:labels:)` (document tokens) or `lookup(_:)` (a string); read an entry with
/// `entry(_:)`.
public final class CompiledLexicon: @unchecked Sendable {
    /// The lists, in load order (bundled, then user directories, then user files).
    public let lists: [LexiconListSpec]
    /// Number of entries.
    public let entryCount: Int
    /// True when this lexicon was read from the binary cache rather than compiled from the lists.
    public let loadedFromCache: Bool

    private let base: UnsafeRawPointer
    private let size: Int
    private let mapped: Bool
    let pool: UnsafePointer<UInt8>
    let entryWords: UnsafePointer<UInt32>
    let vocabularyWords: UnsafePointer<UInt32>
    let vocabularyMask: Int
    let transitionWords: UnsafePointer<UInt32>
    let transitionMask: Int
    let nodeStarts: UnsafePointer<UInt32>
    let nodeCount: Int
    let outputs: UnsafePointer<UInt32>
    let startFilter: UnsafePointer<UInt32>
    let startFilterBits: Int
    /// The word start filter (see `LexiconBlob`): `1 << (64 - wordFilterShift)` words.
    let wordFilter: UnsafePointer<UInt64>
    let wordFilterShift: Int
    /// Bit r set when trie root r (see `LexiconBlob.root`) has entries.
    let activeRoots: UInt8
    /// Per list: label and priority, for candidates.
    let listLabels: [LexiconLabel]
    let listLabelCodes: [LexiconLabelCode]
    let listPriorities: [Int]
    /// Per list: the first entry index of the next list (entries are stored in list order), so
    /// an entry's list is found without reading the entry table (a cache miss per candidate).
    let listEntryEnds: [UInt32]
    /// True when `listEntryEnds` is usable (entries grouped by ascending list index).
    let entriesInListOrder: Bool
    /// Per run of `1 << listBucketShift` entries: the list of the run's first entry, where the
    /// search of `cachedListIndex(of:)` starts (usable with `entriesInListOrder`).
    let listBuckets: [UInt16]
    static let listBucketShift = 10
    /// Memos of piece look-ups and trie transitions, lent to candidate searches.
    let memoPool: CandidateMemoPool
    /// True when node indices, entry indices and list indices fit `CandidateMemo.ShortEdgeSlot`.
    let packsEdges: Bool
    /// True when piece IDs fit the 20 bits of `CandidateMemo.ShortPieceSlot`.
    var packsPieceIDs: Bool { vocabularyMask < 1 << 20 }

    /// Loads the configured lexicons: from the cache when it is up to date, else by compiling
    /// the lists (and refreshing the cache).
    public static func load(_ configuration: LexiconConfiguration) throws(LexiconError) -> CompiledLexicon {
        let specs = try configuration.listSpecs()
        let key = LexiconCache.key(specs: specs, manifests: configuration.manifestPaths)
        let cacheDirectory = configuration.resolvedCacheDirectory
        if let cacheDirectory, let (address, size) = LexiconCache.map(directory: cacheDirectory, key: key) {
            if let lexicon = CompiledLexicon(base: address, size: size, mapped: true, key: key, specs: specs) {
                return lexicon
            }
            FileSystem.unmap(address, size)
        }
        let blob = try LexiconCompiler(specs: specs).compile(key: key)
        if let cacheDirectory { LexiconCache.store(blob, directory: cacheDirectory, key: key) }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(blob.count, 1), alignment: 16)
        blob.withUnsafeBytes { raw in
            if let source = raw.baseAddress { memory.copyMemory(from: source, byteCount: raw.count) }
        }
        guard let lexicon = CompiledLexicon(base: UnsafeRawPointer(memory), size: blob.count, mapped: false, key: key, specs: specs)
        else {
            memory.deallocate()
            throw .unreadable(path: "(compiled lexicon)", message: "internal error: the compiled lexicon is inconsistent")
        }
        return lexicon
    }

    /// Wraps a blob after checking its header; nil when it is not a valid blob for `key`.
    private init?(base: UnsafeRawPointer, size: Int, mapped: Bool, key: UInt64, specs: [LexiconListSpec]) {
        guard size >= LexiconBlob.headerSize else { return nil }
        func field(_ field: LexiconBlob.Field) -> Int {
            Int(truncatingIfNeeded: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: field.rawValue * 8, as: UInt64.self)))
        }
        let magicAndVersion = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let storedKey = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: LexiconBlob.Field.key.rawValue * 8, as: UInt64.self))
        guard magicAndVersion == UInt64(LexiconBlob.magic) | UInt64(LexiconBlob.version) << 32, storedKey == key,
            field(.totalLength) == size, field(.listCount) == specs.count
        else { return nil }
        // Every section must lie inside the blob and be 4-byte aligned.
        let sections: [(LexiconBlob.Field, Int)] = [
            (.poolOffset, field(.poolLength)), (.listsOffset, field(.listCount) * 32), (.entriesOffset, field(.entryCount) * 16),
            (.vocabularyOffset, field(.vocabularyCapacity) * 16), (.transitionsOffset, field(.transitionCapacity) * 12),
            (.nodeOutputsOffset, (field(.nodeCount) + 1) * 4), (.outputsOffset, field(.outputCount) * 4),
            (.startFilterOffset, (1 << min(max(field(.startFilterBits), 5), 30)) / 4),
            (.wordFilterOffset, (1 << (64 - min(max(field(.wordFilterShift), 40), 58))) * 8),
        ]
        for (offsetField, length) in sections {
            let offset = field(offsetField)
            guard offset >= LexiconBlob.headerSize, length >= 0, offset + length <= size, offset % 4 == 0 else { return nil }
        }
        let vocabularyCapacity = field(.vocabularyCapacity)
        let transitionCapacity = field(.transitionCapacity)
        guard vocabularyCapacity > 0, vocabularyCapacity & (vocabularyCapacity - 1) == 0, transitionCapacity > 0,
            transitionCapacity & (transitionCapacity - 1) == 0, field(.nodeCount) >= LexiconBlob.rootCount,
            (16...24).contains(field(.startFilterBits)), field(.wordFilterOffset) % 8 == 0,
            (40...58).contains(field(.wordFilterShift))
        else { return nil }
        self.base = base
        self.size = size
        self.mapped = mapped
        self.loadedFromCache = mapped
        self.lists = specs
        self.entryCount = field(.entryCount)
        self.pool = (base + field(.poolOffset)).assumingMemoryBound(to: UInt8.self)
        self.entryWords = (base + field(.entriesOffset)).assumingMemoryBound(to: UInt32.self)
        self.vocabularyWords = (base + field(.vocabularyOffset)).assumingMemoryBound(to: UInt32.self)
        self.vocabularyMask = vocabularyCapacity - 1
        self.transitionWords = (base + field(.transitionsOffset)).assumingMemoryBound(to: UInt32.self)
        self.transitionMask = transitionCapacity - 1
        self.nodeStarts = (base + field(.nodeOutputsOffset)).assumingMemoryBound(to: UInt32.self)
        self.nodeCount = field(.nodeCount)
        self.outputs = (base + field(.outputsOffset)).assumingMemoryBound(to: UInt32.self)
        self.activeRoots = UInt8(truncatingIfNeeded: field(.activeRoots))
        self.startFilter = (base + field(.startFilterOffset)).assumingMemoryBound(to: UInt32.self)
        self.startFilterBits = field(.startFilterBits)
        self.wordFilter = (base + field(.wordFilterOffset)).assumingMemoryBound(to: UInt64.self)
        self.wordFilterShift = field(.wordFilterShift)
        self.listLabels = specs.map(\.label)
        self.listLabelCodes = specs.map(\.label.code)
        self.listPriorities = specs.map(\.priority)
        // Entries are written list by list: find each list's end by binary search (touches only
        // a few entries of the mapped blob), then check the boundaries.
        let entryWords = self.entryWords
        let entryCount = self.entryCount
        func list(_ entry: Int) -> Int { Int(entryWords[entry * 4] & 0xFFFF) }
        var ends: [UInt32] = []
        ends.reserveCapacity(specs.count)
        var ordered = true
        for listIndex in specs.indices {
            var low = ends.last.map(Int.init) ?? 0
            var high = entryCount
            while low < high {
                let middle = (low + high) / 2
                if list(middle) <= listIndex { low = middle + 1 } else { high = middle }
            }
            ends.append(UInt32(low))
        }
        // Validate monotonicity cheaply at the boundaries (a blob from this compiler always is).
        var previous = 0
        for (listIndex, end) in ends.enumerated() {
            let end = Int(end)
            if end > previous, list(previous) != listIndex || list(end - 1) != listIndex { ordered = false }
            previous = end
        }
        if previous != entryCount { ordered = false }
        self.listEntryEnds = ends
        self.entriesInListOrder = ordered
        var buckets: [UInt16] = []
        if ordered {
            var list = 0
            for bucket in 0..<((entryCount >> Self.listBucketShift) + 1) {
                let first = UInt32(bucket << Self.listBucketShift)
                while list < ends.count, ends[list] <= first { list += 1 }
                buckets.append(UInt16(clamping: list))
            }
        }
        self.listBuckets = buckets
        let packsEdges = ordered && field(.nodeCount) < 0xFF_FFFF && entryCount < 1 << 24 && specs.count <= 256
        self.packsEdges = packsEdges
        self.memoPool = CandidateMemoPool(packedEdges: packsEdges)
    }

    deinit {
        if mapped {
            FileSystem.unmap(base, size)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }

    /// The labels of all lists.
    public var labels: Set<LexiconLabel> { Set(listLabels) }

    // MARK: - Entries

    /// The list index of an entry.
    @inline(__always)
    func listIndex(of entry: UInt32) -> Int { Int(entryWords[Int(entry) * 4] & 0xFFFF) }

    /// The list index of an entry from the in-memory list boundaries (no entry-table read).
    @inline(__always)
    func cachedListIndex(of entry: UInt32) -> Int {
        guard entriesInListOrder, Int(entry) < entryCount else { return listIndex(of: entry) }
        return listEntryEnds.withUnsafeBufferPointer { ends in
            // From the list of the entry's bucket, forward to the first list ending past it.
            var list = Int(listBuckets[Int(entry) >> Self.listBucketShift])
            while list < ends.count, ends[list] <= entry { list += 1 }
            return list
        }
    }

    /// The entry IDs of list `index`, in list order.
    func entryIDs(ofList index: Int) -> [UInt32] {
        if entriesInListOrder, listEntryEnds.indices.contains(index) {
            let start = index == 0 ? 0 : listEntryEnds[index - 1]
            return Array(start..<listEntryEnds[index])
        }
        return (0..<UInt32(entryCount)).filter { listIndex(of: $0) == index }
    }

    /// The list line of an entry, as stored (surface, canonical name, ID, features, tab-separated).
    func rawLine(_ id: LexiconEntryID) -> UnsafeBufferPointer<UInt8> {
        let index = Int(id.rawValue)
        return UnsafeBufferPointer(start: pool + Int(entryWords[index * 4 + 2]), count: Int(entryWords[index * 4 + 3]))
    }

    /// The 1-based line of an entry in its list (`entry(_:).line`, without parsing the line).
    func lineNumber(_ id: LexiconEntryID) -> Int { Int(entryWords[Int(id.rawValue) * 4 + 1]) }

    /// True when the entry is marked `common_word=yes` (its surface is also a common English word).
    public func isCommonWord(_ id: LexiconEntryID) -> Bool { entryWords[Int(id.rawValue) * 4] & (1 << 16) != 0 }

    /// The full entry for an ID (its list line is parsed on demand).
    public func entry(_ id: LexiconEntryID) -> LexiconEntry {
        let index = Int(id.rawValue)
        let spec = lists[Int(entryWords[index * 4] & 0xFFFF)]
        let line = Int(entryWords[index * 4 + 1])
        let offset = Int(entryWords[index * 4 + 2])
        let length = Int(entryWords[index * 4 + 3])
        let parsed = EntryLine.parse(UnsafeBufferPointer(start: pool + offset, count: length))
        var entry = LexiconEntry(
            id: id, surface: "", label: spec.label, subtype: spec.subtype, canonical: CanonicalReference(name: ""),
            features: [:], list: spec.displayName, line: line, priority: spec.priority, layer: spec.layer)
        // Lines were validated when compiled; a failure here would mean a corrupt blob.
        if case let .success(fields) = parsed {
            entry.surface = fields.surface
            entry.canonical = CanonicalReference(name: fields.canonicalName, id: fields.canonicalID)
            for (key, value) in fields.features {
                if let existing = entry.features[key] {
                    entry.features[key] = existing + "|" + value
                } else {
                    entry.features[key] = value
                }
            }
            if entry.subtype == nil { entry.subtype = entry.features["subtype"] }
        }
        return entry
    }

    // MARK: - Vocabulary and trie

    /// Sentinel for "no piece" / "no node".
    static let none = UInt32.max

    /// A vocabulary look-up: the piece's ID (its slot, or `none`), the modes whose surfaces
    /// contain it (bit m) and the trie roots whose surfaces start with it (bit r).
    struct PieceLookup {
        var id: UInt32
        var modes: UInt8
        var roots: UInt8
        static let missing = PieceLookup(id: CompiledLexicon.none, modes: 0, roots: 0)
    }

    /// Looks a piece up in the vocabulary. With `lowercase`, the piece's ASCII capitals are
    /// looked up as lower case (without copying).
    @inline(__always)
    func piece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercase: Bool = false) -> PieceLookup {
        let first = LexiconBlob.load(bytes, start, min(end - start, 8))
        return piece(
            bytes, start, end, lowercase: lowercase, hash: LexiconBlob.hash(bytes, start, end, lowercase: lowercase),
            first: lowercase ? LexiconBlob.lowerASCII(first) : first)
    }

    /// `piece(_:_:_:lowercase:)` with the piece's (folded) hash and its first 8 bytes (folded,
    /// zero-padded) already computed.
    @inline(__always)
    func piece(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercase: Bool, hash: UInt32, first packed: UInt64) -> PieceLookup {
        let length = end - start
        var slot = Int(hash) & vocabularyMask
        while true {
            let word = vocabularyWords[slot * 4 + 1]
            if word == 0 { return .missing }
            if vocabularyWords[slot * 4] == hash, Int(word & 0xF_FFFF) == length {
                var equal: Bool
                if length <= 8 {
                    equal = UInt64(vocabularyWords[slot * 4 + 2]) | UInt64(vocabularyWords[slot * 4 + 3]) << 32 == packed
                } else {
                    let stored = pool + Int(vocabularyWords[slot * 4 + 2])
                    equal = true
                    for index in 0..<length {
                        var byte = bytes[start + index]
                        if lowercase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                        if stored[index] != byte {
                            equal = false
                            break
                        }
                    }
                }
                if equal {
                    return PieceLookup(
                        id: UInt32(slot), modes: UInt8(truncatingIfNeeded: (word >> 20) & 0xF),
                        roots: UInt8(truncatingIfNeeded: word >> 24))
                }
            }
            slot = (slot + 1) & vocabularyMask
        }
    }

    /// True when some surface of the list group (0: entity labels, 1: auxiliary) may start
    /// with a piece of this hash (false positives possible).
    @inline(__always)
    func startFilterContains(_ hash: UInt32, group: Int) -> Bool {
        let bit = LexiconBlob.filterBit(hash, bits: startFilterBits) + group << startFilterBits
        return startFilter[bit >> 5] & (1 << UInt32(bit & 31)) != 0
    }

    /// False when no surface under any root starts with the piece of `length` (1...16) ASCII
    /// bytes without capitals `word0`, `word1` (so it need not be looked up unless a surface
    /// reaches it); true when one may.
    @inline(__always)
    func wordFilterContains(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Bool {
        Self.wordFilterContains(wordFilter, wordFilterShift, word0, word1, length)
    }

    /// `wordFilterContains(_:_:_:)` in the word start filter `filter` of `1 << (64 - shift)`
    /// words (for a loop that keeps the filter's address and shift in registers).
    @inline(__always)
    static func wordFilterContains(_ filter: UnsafePointer<UInt64>, _ shift: Int, _ word0: UInt64, _ word1: UInt64, _ length: Int) -> Bool {
        let key = LexiconBlob.wordFilterKey(word0, word1, length)
        let bits = LexiconBlob.wordFilterBits(key, shift: shift)
        return UInt64(littleEndian: filter[LexiconBlob.wordFilterIndex(key, shift: shift)]) & bits == bits
    }

    /// The node reached from `node` by piece `id` (with or without whitespace before it).
    @inline(__always)
    func transition(_ node: UInt32, _ id: UInt32, space: Bool) -> UInt32 {
        let label = id << 1 | (space ? 1 : 0)
        var slot = LexiconBlob.edgeSlot(from: node, label: label, mask: transitionMask)
        while true {
            let from = transitionWords[slot * 3]
            if from == Self.none { return Self.none }
            if from == node, transitionWords[slot * 3 + 1] == label { return transitionWords[slot * 3 + 2] }
            slot = (slot + 1) & transitionMask
        }
    }

    /// The entries ending at a node, best first.
    @inline(__always)
    func outputRange(_ node: UInt32) -> Range<Int> {
        Int(nodeStarts[Int(node)] & 0x7FFF_FFFF)..<Int(nodeStarts[Int(node) + 1] & 0x7FFF_FFFF)
    }

    /// True when some surface continues past this node.
    @inline(__always)
    func hasChildren(_ node: UInt32) -> Bool { nodeStarts[Int(node)] & (1 << 31) != 0 }

    @inline(__always)
    func output(_ index: Int) -> UInt32 { outputs[index] }
}
