/// The closed-class words `countedHead` and `singular` test a counted noun against (phrase
/// breakers, count modifiers, words not plural, irregular plurals), looked up on a token's bytes:
/// one hash and one byte compare answer every set at once, with no string built.
///
/// Only for a token of printable ASCII bytes, whose lower-cased text is its ASCII-folded bytes
/// (other tokens go through the sets of `EnglishWords` as strings).
struct WordClasses: Sendable {
    /// What a word is, as bits.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let phraseBreaker = Flags(rawValue: 1)
        static let countModifier = Flags(rawValue: 2)
        static let notPlural = Flags(rawValue: 4)
        /// In `EnglishWords.irregularPlurals` (its singular in `singulars`).
        static let irregular = Flags(rawValue: 8)
        /// An irregular word that `EnglishWords.looksPlural` calls plural.
        static let irregularLooksPlural = Flags(rawValue: 16)
    }

    private var slots = [Int32](repeating: -1, count: 2048)
    private var words: [[UInt8]] = []
    private var flags: [Flags] = []
    private var singulars: [String] = []

    /// The classes of `EnglishWords`.
    static let english = WordClasses()

    init() {
        for word in EnglishWords.phraseBreakers { add(word, .phraseBreaker) }
        for word in EnglishWords.countModifiers { add(word, .countModifier) }
        for word in EnglishWords.notPlural { add(word, .notPlural) }
        for (plural, single) in EnglishWords.irregularPlurals {
            var extra: Flags = .irregular
            if EnglishWords.looksPlural(plural) { extra.insert(.irregularLooksPlural) }
            let entry = add(plural, extra)
            singulars[entry] = single
        }
    }

    @discardableResult
    private mutating func add(_ word: String, _ flag: Flags) -> Int {
        let bytes = Array(word.utf8)
        let hash = bytes.withUnsafeBufferPointer { WordFilter.hash($0, 0, $0.count) }
        var slot = Int(truncatingIfNeeded: hash & 2047)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if words[entry] == bytes {
                flags[entry].insert(flag)
                return entry
            }
            slot = (slot + 1) & 2047
        }
        slots[slot] = Int32(words.count)
        words.append(bytes)
        flags.append(flag)
        singulars.append("")
        return words.count - 1
    }

    /// The entry of the word whose bytes equal `[start, end)` ASCII-folded, or -1.
    @inline(__always)
    func entry(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let hash = WordFilter.hash(text, start, end)
        var slot = Int(truncatingIfNeeded: hash & 2047)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if words[entry].count == end - start, words[entry].withUnsafeBufferPointer({ word in
                for offset in 0..<word.count where SurfaceTrie.fold(text[start + offset]) != word[offset] { return false }
                return true
            }) {
                return entry
            }
            slot = (slot + 1) & 2047
        }
        return -1
    }

    /// The flags of an entry (none for -1).
    @inline(__always)
    func flags(_ entry: Int) -> Flags { entry >= 0 ? flags[entry] : [] }

    /// The singular of an irregular plural entry.
    func singular(_ entry: Int) -> String { singulars[entry] }

    /// `EnglishWords.looksPlural` of the printable-ASCII word `[start, end)` (lower-cased) whose
    /// entry is `entry`.
    @inline(__always)
    func looksPlural(_ entry: Int, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let found = flags(entry)
        if found.contains(.irregular) { return found.contains(.irregularLooksPlural) }
        let count = end - start
        guard count >= 3, SurfaceTrie.fold(text[end - 1]) == UInt8(ascii: "s") else { return false }
        let before = SurfaceTrie.fold(text[end - 2])
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i"), before != UInt8(ascii: "'") else {
            return false
        }
        return !found.contains(.notPlural) && !found.contains(.phraseBreaker)
    }
}
