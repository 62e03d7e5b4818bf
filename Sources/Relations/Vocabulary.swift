import GazetteCore

/// The closed-class words, cue words and trigger surfaces the relation rules test, each with a
/// small integer ID. A document's tokens are mapped to IDs once (one FNV-1a hash of the
/// ASCII-lowercased bytes and one probe of an open-addressing table), so the rules compare
/// integers and test bits instead of building and hashing strings.
struct Vocabulary: Sendable {
    /// The cue roles of `cues.tsv` (and a few fixed word classes), as bits.
    struct Cue: OptionSet, Sendable {
        let rawValue: UInt32
        static let literal = Cue(rawValue: 1 << 0)
        static let determiner = Cue(rawValue: 1 << 1)
        static let be = Cue(rawValue: 1 << 2)
        static let titleModifier = Cue(rawValue: 1 << 3)
        static let roleOf = Cue(rawValue: 1 << 4)
        static let contain = Cue(rawValue: 1 << 5)
        static let lead = Cue(rawValue: 1 << 6)
        static let include = Cue(rawValue: 1 << 7)
        static let member = Cue(rawValue: 1 << 8)
        static let affiliate = Cue(rawValue: 1 << 9)
        static let relative = Cue(rawValue: 1 << 10)
        static let clauseEnd = Cue(rawValue: 1 << 11)
        static let auxiliary = Cue(rawValue: 1 << 12)
        static let subordinator = Cue(rawValue: 1 << 13)
        static let join = Cue(rawValue: 1 << 14)
        static let subnational = Cue(rawValue: 1 << 15)
        /// "’s", "'s", "’", "'".
        static let possessive = Cue(rawValue: 1 << 16)
        /// Auxiliaries and adverbs between an owner and a share verb ("has", "would", "already").
        static let shareAuxiliary = Cue(rawValue: 1 << 17)
        /// "least" and "most" ("at least", "at most": not the preposition "at").
        static let degree = Cue(rawValue: 1 << 20)
        /// A one-word trigger surface.
        static let trigger = Cue(rawValue: 1 << 18)
        /// The first word of a two-word trigger surface ("held" of "held talks").
        static let triggerHead = Cue(rawValue: 1 << 19)

        /// The bit of a `cues.tsv` role, if the rules use it.
        static func role(_ name: String) -> Cue? {
            switch name {
            case "literal": return .literal
            case "determiner": return .determiner
            case "be": return .be
            case "title-modifier": return .titleModifier
            case "role-of": return .roleOf
            case "contain": return .contain
            case "lead": return .lead
            case "include": return .include
            case "member": return .member
            case "affiliate": return .affiliate
            case "relative": return .relative
            case "clause-end": return .clauseEnd
            case "auxiliary": return .auxiliary
            case "subordinator": return .subordinator
            case "join": return .join
            case "subnational": return .subnational
            default: return nil
            }
        }
    }

    /// The cues a scan over every token looks for.
    static let scanned: Cue = [.trigger, .triggerHead, .include, .join]

    /// Word ID; 0 is "no known word".
    typealias ID = Int32

    private var keys: [UInt64]
    private var slots: [ID]
    private var mask: Int
    /// Cue bits by ID.
    private(set) var cues: [Cue] = [[]]
    /// The one-word trigger by ID (index into `triggers`), -1 for none.
    private(set) var singleTrigger: [Int32] = [-1]
    /// The longest word (bytes): longer tokens are never looked up.
    private(set) var maxLength = 0
    /// The words by ID.
    private(set) var words: [String] = [""]
    /// The ID of each one-byte token (by byte), as `id` would hash and look it up; filled by
    /// `finish()` once every word is in (empty until then).
    private var singleByte: [ID] = []

    init() {
        keys = Array(repeating: 0, count: 1024)
        slots = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    /// The ID of `word` (lowercase), adding it when new.
    @discardableResult
    mutating func add(_ word: String) -> ID {
        let bytes = Array(word.utf8)
        let hash = Self.hash(bytes, 0, bytes.count)
        if let found = lookup(hash) { return found }
        if cues.count * 2 >= slots.count { grow() }
        let id = ID(cues.count)
        cues.append([])
        words.append(word)
        singleTrigger.append(-1)
        insert(hash, id)
        maxLength = max(maxLength, bytes.count)
        return id
    }

    /// Adds cue bits to a word.
    mutating func mark(_ word: String, _ cue: Cue) {
        let id = add(word)
        cues[Int(id)].formUnion(cue)
    }

    /// Records a one-word trigger.
    mutating func setTrigger(_ word: String, _ index: Int32) {
        let id = add(word)
        if singleTrigger[Int(id)] < 0 { singleTrigger[Int(id)] = index }
        cues[Int(id)].insert(.trigger)
    }

    /// The words having one of the cue bits.
    func words(with cue: Cue) -> [String] {
        words.indices.filter { cues[$0].rawValue & cue.rawValue != 0 }.map { words[$0] }
    }

    /// Fills the one-byte table (punctuation and one-letter words are looked up by byte, not
    /// hashed); call once all words are added.
    mutating func finish() {
        singleByte = (0..<256).map { byte in
            let bytes = [UInt8(truncatingIfNeeded: byte)]
            return maxLength >= 1 ? (lookup(Self.hash(bytes, 0, 1)) ?? 0) : 0
        }
    }

    /// The ID of the word in `bytes[start..<end]` (ASCII letters folded to lowercase), 0 when unknown.
    @inline(__always)
    func id(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ID {
        let length = end &- start
        if length == 1, singleByte.count == 256 { return singleByte[Int(bytes[start])] }
        guard length > 0, length <= maxLength else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var offset = start
        while offset < end {
            var byte = bytes[offset]
            if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            offset += 1
        }
        return lookup(hash) ?? 0
    }

    /// The ID of a lowercase word, 0 when unknown.
    func id(_ word: String) -> ID {
        let bytes = Array(word.utf8)
        return lookup(Self.hash(bytes, 0, bytes.count)) ?? 0
    }

    @inline(__always)
    private func lookup(_ hash: UInt64) -> ID? {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let id = slots[slot]
            if id == 0 { return nil }
            if keys[slot] == hash { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ hash: UInt64, _ id: ID) {
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = hash
        slots[slot] = id
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldSlots = slots
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        slots = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (slot, id) in oldSlots.enumerated() where id != 0 { insert(oldKeys[slot], id) }
    }

    /// FNV-1a over bytes, ASCII letters folded to lowercase.
    static func hash(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for offset in start..<end {
            var byte = bytes[offset]
            if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The IDs of the fixed words the rules compare against.
struct FixedWords: Sendable {
    var the: Vocabulary.ID = 0
    var its: Vocabulary.ID = 0
    var of: Vocabulary.ID = 0
    var and: Vocabulary.ID = 0
    var or: Vocabulary.ID = 0
    var by: Vocabulary.ID = 0
    var from: Vocabulary.ID = 0
    var to: Vocabulary.ID = 0
    var into: Vocabulary.ID = 0
    var `in`: Vocabulary.ID = 0
    var near: Vocabulary.ID = 0
    var at: Vocabulary.ID = 0
    var outside: Vocabulary.ID = 0
    var with: Vocabulary.ID = 0
    var that: Vocabulary.ID = 0
    var comma: Vocabulary.ID = 0
    var semicolon: Vocabulary.ID = 0
    var period: Vocabulary.ID = 0
    var colon: Vocabulary.ID = 0
    var openParenthesis: Vocabulary.ID = 0
    var closeParenthesis: Vocabulary.ID = 0
    var hyphen: Vocabulary.ID = 0
    var nonBreakingHyphen: Vocabulary.ID = 0

    init() {}

    init(_ vocabulary: inout Vocabulary) {
        the = vocabulary.add("the")
        its = vocabulary.add("its")
        of = vocabulary.add("of")
        and = vocabulary.add("and")
        or = vocabulary.add("or")
        by = vocabulary.add("by")
        from = vocabulary.add("from")
        to = vocabulary.add("to")
        into = vocabulary.add("into")
        `in` = vocabulary.add("in")
        near = vocabulary.add("near")
        at = vocabulary.add("at")
        outside = vocabulary.add("outside")
        with = vocabulary.add("with")
        that = vocabulary.add("that")
        comma = vocabulary.add(",")
        semicolon = vocabulary.add(";")
        period = vocabulary.add(".")
        colon = vocabulary.add(":")
        openParenthesis = vocabulary.add("(")
        closeParenthesis = vocabulary.add(")")
        hyphen = vocabulary.add("-")
        nonBreakingHyphen = vocabulary.add("‑")
        for possessive in ["’s", "'s", "’", "'"] { vocabulary.mark(possessive, .possessive) }
        vocabulary.mark("least", .degree)
        vocabulary.mark("most", .degree)
        for word in ["has", "have", "had", "would", "will", "can", "could", "already", "now", "still"] {
            vocabulary.mark(word, .shareAuxiliary)
        }
    }
}
