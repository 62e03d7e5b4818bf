import GazetteCore

/// Earlier names of a document indexed by their parts, so a later short form finds its full
/// form in constant time: a person by the tail of the name ("Austin" → "Lloyd Austin"), an
/// organisation by its first or last words ("Hyundai" → "Hyundai Motor Group") or, for an
/// acronym, by its initials ("NIH" → "National Institutes of Health"). The first name wins.
/// Names are byte ranges of the document; keys are FNV-1a hashes of their bytes taken from the
/// last byte back to the first (`tailHash`), so one backward pass over a name hashes all its tails.
struct NamePartIndex {
    /// Person tails, organisation ends and organisation initials in one table (salted keys).
    private var table: HashIndex
    private static let personTail = HashIndex.salts[1]
    private static let organizationEnd = HashIndex.salts[2]
    private static let organizationInitial = HashIndex.salts[3]

    init(capacity: Int) {
        table = HashIndex(capacity: capacity * 2)
    }

    /// An empty index for about `capacity` names in `table`'s storage (moved out of `table`,
    /// which is left empty, so it is uniquely referenced and reused).
    init(reusing table: inout HashIndex, capacity: Int) {
        self.table = HashIndex(capacity: 0)
        swap(&self.table, &table)
        self.table.reset(capacity: capacity * 2)
    }

    /// The table, for reuse (the index is left empty).
    mutating func takeTable() -> HashIndex {
        var taken = HashIndex(capacity: 0)
        swap(&taken, &table)
        return taken
    }

    /// Indexes a name mention (`range` in `bytes`).
    mutating func add(_ entity: Int, label: EntityLabel, range: TextRange, bytes: [UInt8]) {
        guard label == .person || label == .organization, !range.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: range.length) { starts in
            var count = 0
            Self.forEachWordStart(range, bytes) { offset in
                starts[count] = offset
                count += 1
                return true
            }
            guard count > 1 else { return }
            if label == .person {
                // Every tail from the last word's ("Austin") to the one after the first word's
                // ("Lloyd James Austin": "James Austin"), in one backward pass (the keys all map
                // to `entity`, so the order they go in does not matter).
                var tail = Self.hashSeed
                var offset = range.end
                for number in stride(from: count - 1, through: 1, by: -1) {
                    tail = Self.tailHash(bytes, starts[number], offset, seed: tail)
                    offset = starts[number]
                    table.insertIfAbsent(tail ^ Self.personTail, entity)
                }
                return
            }
            var tail = Self.hashSeed
            var offset = range.end
            for number in 1..<min(count, 4) {
                tail = Self.tailHash(bytes, starts[count - number], offset, seed: tail)
                offset = starts[count - number]
                let head = Self.tailHash(bytes, range.start, starts[number] - 1)
                table.insertIfAbsent(tail ^ Self.organizationEnd, entity)
                table.insertIfAbsent(head ^ Self.organizationEnd, entity)
            }
            var initials: UInt64 = 0xcbf2_9ce4_8422_2325
            var capitals = 0
            for number in 0..<count {
                let start = starts[number]
                let byte = bytes[start]
                if byte < 0x80 {
                    guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { continue }
                    initials = (initials ^ UInt64(byte)) &* 0x100_0000_01b3
                    capitals += 1
                } else if let character = Self.character(at: start, end: range.end, bytes), character.isUppercase {
                    for unit in character.utf8 { initials = (initials ^ UInt64(unit)) &* 0x100_0000_01b3 }
                    capitals += 1
                }
            }
            if capitals >= 2 { table.insertIfAbsent(initials ^ Self.organizationInitial, entity) }
        }
    }

    /// The full form a short mention refers to, with the alias kind and rule.
    func alias(for range: TextRange, bytes: [UInt8], label: EntityLabel, acronym: Bool) -> (of: Int, kind: String, rule: String)? {
        guard !range.isEmpty else { return nil }
        switch label {
        case .person:
            if let found = table[Self.tailHash(bytes, range.start, range.end) ^ Self.personTail] { return (found, "short_form", "surname") }
        case .organization:
            if acronym {
                var letters: UInt64 = 0xcbf2_9ce4_8422_2325
                var ascii = true
                for offset in range.start..<range.end {
                    let byte = bytes[offset]
                    if byte >= 0x80 { ascii = false; break }
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letters = (letters ^ UInt64(byte)) &* 0x100_0000_01b3 }
                }
                if !ascii {
                    let surface = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
                    letters = WordSet.hash(String(surface.filter(\.isUppercase)))
                }
                if let found = table[letters ^ Self.organizationInitial] { return (found, "acronym", "initials") }
            } else if let found = table[Self.tailHash(bytes, range.start, range.end) ^ Self.organizationEnd],
                Self.wordsAreCapitalised(range, bytes)
            {
                return (found, "short_form", "name-part")
            }
        default:
            break
        }
        return nil
    }

    /// The FNV-1a offset basis.
    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a over `bytes[start..<end]` from the last byte back to the first, continuing from
    /// `seed`: the hash of the bytes from `start` to a tail already hashed into `seed`.
    @inline(__always)
    private static func tailHash(_ bytes: [UInt8], _ start: Int, _ end: Int, seed: UInt64 = hashSeed) -> UInt64 {
        bytes.withUnsafeBufferPointer { bytes in
            var hash = seed
            var offset = end
            while offset > start {
                offset -= 1
                hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
            }
            return hash
        }
    }

    /// The character starting at byte `start` (before `end`).
    private static func character(at start: Int, end: Int, _ bytes: [UInt8]) -> Character? {
        String(decoding: bytes[start..<end], as: UTF8.self).first
    }

    private static func isUppercase(at start: Int, end: Int, _ bytes: [UInt8]) -> Bool {
        let byte = bytes[start]
        if byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        return character(at: start, end: end, bytes)?.isUppercase ?? false
    }

    /// True when every word (after a space or hyphen) starts with a capital letter.
    private static func wordsAreCapitalised(_ range: TextRange, _ bytes: [UInt8]) -> Bool {
        var capitalised = true
        forEachWordStart(range, bytes) { offset in
            capitalised = isUppercase(at: offset, end: range.end, bytes)
            return capitalised
        }
        return capitalised
    }

    /// Calls `body` with the offset of each word's first byte in `range` (words are split at
    /// spaces and hyphens) until it returns false.
    @inline(__always)
    private static func forEachWordStart(_ range: TextRange, _ bytes: [UInt8], _ body: (Int) -> Bool) {
        bytes.withUnsafeBufferPointer { bytes in
            var atStart = true
            for offset in range.start..<range.end {
                let byte = bytes[offset]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    atStart = true
                } else if atStart {
                    if !body(offset) { return }
                    atStart = false
                }
            }
        }
    }
}
