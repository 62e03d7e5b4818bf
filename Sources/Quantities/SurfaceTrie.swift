/// A byte trie over lower-cased surfaces, matched directly against UTF-8 text.
///
/// Keys are folded to ASCII lower case; a space in a key matches one or more whitespace bytes in
/// the text. Each terminal keeps the indices of the entries with that key, so one walk gives every
/// entry whose surface starts at a position, shortest first. Children are kept sorted in flat
/// arrays (a dense table at the root), so a walk touches a few cache lines and hashes nothing.
struct SurfaceTrie: Sendable {
    private var root = [Int32](repeating: -1, count: 256)
    /// Per node: its children as (byte, node), sorted by byte.
    private var children: [[(UInt8, Int32)]] = [[]]
    private var terminals: [[Int32]] = [[]]
    /// How the keys end, for `mayEnd`: the last three bytes hashed into a 2^16-bit set
    /// (`endTriples`), for keys of three bytes or more whose second-to-last byte is no space
    /// (a space matches a whitespace run, so the byte before it in the text is not known); the
    /// last two bytes of the other keys of two bytes or more as bits of a 2^16-bit set (index:
    /// the second-to-last byte times 256 plus the last); the last bytes of one-byte keys.
    private var endTriples = [UInt64](repeating: 0, count: 1024)
    private var endPairs = [UInt64](repeating: 0, count: 1024)
    private var lastOfSingles = [UInt64](repeating: 0, count: 4)
    /// True once a key ends with a space (which matches a whitespace run of any length, so its
    /// second-to-last byte is not known): `mayEnd` then always answers true.
    private var endsWithSpace = false
    /// The trie packed into one array by `compile()`, which `matches` walks (an empty array
    /// until then, or again after an `insert`). A node at offset `o` is its terminal count `t`,
    /// its `t` entry indices, its child count `c` and `c` pairs (byte, child offset), children
    /// sorted by byte.
    private var packed: [Int32] = []
    /// The root's children as offsets into `packed` (-1: none), by byte.
    private var packedRoot: [Int32] = []

    /// Adds `surface` for the entry `index` (its ASCII-lower-cased and fully lower-cased forms).
    mutating func insert(_ surface: String, index: Int) {
        packed = []
        packedRoot = []
        var keys = [Self.fold(Array(surface.utf8))]
        let lowered = Self.fold(Array(surface.lowercased().utf8))
        if lowered != keys[0] { keys.append(lowered) }
        for key in keys {
            var node: Int32 = 0
            for byte in key {
                node = child(node, byte)
            }
            if !terminals[Int(node)].contains(Int32(index)) { terminals[Int(node)].append(Int32(index)) }
            if key.last == 0x20 { endsWithSpace = true }
            if key.count >= 3, key[key.count - 2] != 0x20 {
                let triple = Self.tripleIndex(key[key.count - 3], key[key.count - 2], key[key.count - 1])
                endTriples[triple >> 6] |= 1 << UInt64(triple & 63)
            } else if key.count >= 2 {
                let pair = Int(key[key.count - 2]) << 8 | Int(key[key.count - 1])
                endPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            } else if let byte = key.first {
                lastOfSingles[Int(byte) >> 6] |= 1 << UInt64(byte & 63)
            }
        }
    }

    /// False when no key can match text that ends at byte `end` (exclusive), tested on the
    /// text's last two bytes: a quick rejection before walks from several starts that must all
    /// end there. True when one may (or `end` is too close to the start of the text to tell).
    @inline(__always)
    func mayEnd(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        guard end >= 3, end <= bytes.count, !endsWithSpace else { return true }
        let last = Self.fold(bytes[end - 1])
        if lastOfSingles[Int(last) >> 6] & (1 << UInt64(last & 63)) != 0 { return true }
        let second = Self.fold(bytes[end - 2])
        let pair = Int(second) << 8 | Int(last)
        if endPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 { return true }
        let triple = Self.tripleIndex(Self.fold(bytes[end - 3]), second, last)
        return endTriples[triple >> 6] & (1 << UInt64(triple & 63)) != 0
    }

    /// Three bytes hashed to 16 bits (multiplicative hashing).
    @inline(__always)
    static func tripleIndex(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let packed = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return Int((packed &* 0x9E37_79B1) >> 16)
    }

    private mutating func child(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0, root[Int(byte)] >= 0 { return root[Int(byte)] }
        if node != 0, let existing = children[Int(node)].first(where: { $0.0 == byte }) { return existing.1 }
        let new = Int32(terminals.count)
        terminals.append([])
        children.append([])
        if node == 0 {
            root[Int(byte)] = new
        } else {
            children[Int(node)].append((byte, new))
            children[Int(node)].sort { $0.0 < $1.0 }
        }
        return new
    }

    @inline(__always)
    private func next(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return root[Int(byte)] }
        for (key, target) in children[Int(node)] {
            if key == byte { return target }
            if key > byte { return -1 }
        }
        return -1
    }

    /// Whether some key starts with the (folded) byte.
    @inline(__always)
    func canStart(with byte: UInt8) -> Bool { root[Int(Self.fold(byte))] >= 0 }

    /// Packs the trie into one flat array for `matches` (call once all keys are inserted; until
    /// then, and after a later `insert`, `matches` walks the nested arrays instead).
    mutating func compile() {
        var offsets = [Int32](repeating: 0, count: terminals.count)
        var size = 0
        for node in terminals.indices {
            offsets[node] = Int32(size)
            size += 2 + terminals[node].count + 2 * children[node].count
        }
        var result: [Int32] = []
        result.reserveCapacity(size)
        for node in terminals.indices {
            result.append(Int32(terminals[node].count))
            result.append(contentsOf: terminals[node])
            result.append(Int32(children[node].count))
            for (byte, child) in children[node] {
                result.append(Int32(byte))
                result.append(offsets[Int(child)])
            }
        }
        packed = result
        packedRoot = root.map { $0 >= 0 ? offsets[Int($0)] : -1 }
    }

    /// Calls `body(entryIndex, endOffset)` for every key that matches the text from `start`
    /// (shortest first), reading no further than `limit`.
    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, _ body: (Int, Int) -> Void) {
        guard packedRoot.count == 256 else {
            nestedMatches(bytes, from: start, limit: limit, body)
            return
        }
        packed.withUnsafeBufferPointer { nodes in
            guard start < limit, let base = nodes.baseAddress else { return }
            // The first byte through the dense root table, then sorted child lists.
            var offset = start
            var byte = Self.fold(bytes[offset])
            var node = Int(packedRoot[Int(byte)])
            while node >= 0 {
                if byte == 0x20 {
                    while offset < limit, Self.isSpace(bytes[offset]) { offset += 1 }
                } else {
                    offset += 1
                }
                let terminalCount = Int(base[node])
                for position in 0..<terminalCount { body(Int(base[node + 1 + position]), offset) }
                guard offset < limit else { return }
                byte = Self.fold(bytes[offset])
                let childList = node + 1 + terminalCount
                let childCount = Int(base[childList])
                var next = -1
                var pair = childList + 1
                let end = pair + 2 * childCount
                while pair < end {
                    let key = base[pair]
                    if key >= Int32(byte) {
                        if key == Int32(byte) { next = Int(base[pair + 1]) }
                        break
                    }
                    pair += 2
                }
                node = next
            }
        }
    }

    /// `matches` on the nested arrays the trie is built in (before `compile`).
    private func nestedMatches(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, _ body: (Int, Int) -> Void) {
        var node: Int32 = 0
        var offset = start
        while offset < limit {
            let byte = Self.fold(bytes[offset])
            if byte == 0x20 {
                node = next(node, 0x20)
                if node < 0 { return }
                while offset < limit, Self.isSpace(bytes[offset]) { offset += 1 }
            } else {
                node = next(node, byte)
                if node < 0 { return }
                offset += 1
            }
            for index in terminals[Int(node)] { body(Int(index), offset) }
        }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if isSpace(byte) { return 0x20 }
        return byte
    }

    static func fold(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for raw in bytes {
            let byte = fold(raw)
            if !(byte == 0x20 && result.last == 0x20) { result.append(byte) }
        }
        return result
    }
}
