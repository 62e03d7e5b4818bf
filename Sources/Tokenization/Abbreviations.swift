/// Tokenizer exceptions for English abbreviations (like spaCy's tokenizer exceptions): which
/// letter sequences keep a following period, which can end a sentence, and which capitalised
/// words typically open one.
enum Abbreviations {
    /// Abbreviations written with a period that never contain one inside (titles, months,
    /// company forms, ...). Case-sensitive.
    static let withPeriod: ByteWordSet = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Rev", "Hon", "Fr",
        "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov",
        "Sen", "Rep", "Reps", "Sens", "Pres", "Supt", "Insp", "Amb", "Atty", "Cmdt", "Spc", "Msgr",
        "Inc", "Corp", "Ltd", "Co", "Bros", "Assn", "Dept", "Univ", "Intl", "Govt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Ave", "Blvd", "Rd", "No", "Nos", "Vol", "vs", "etc", "approx", "est", "Fig", "al",
    ]

    /// Period-final abbreviations that can also end a sentence ("... shares of Acme Inc. The ...").
    static let sentenceFinal: ByteWordSet = ["Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "etc", "Assn"]

    /// Period-final abbreviations that precede a name or number and so never end a sentence
    /// ("Gen. Joseph Votel", "Dr. Smith", "No. 10"), although ICU may break after them.
    static let neverFinal: ByteWordSet = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Hon", "Fr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt",
        "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Pres", "Supt",
        "Insp", "Amb", "Atty", "Cmdt", "Spc", "Msgr", "No", "Nos", "Vol", "Fig", "vs", "St", "Mt", "Ft",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Capitalised closed-class words that typically open a sentence.
    static let sentenceOpeners: ByteWordSet = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "His", "Her", "Its", "Their", "Our", "My", "But", "And", "Or", "So", "Yet", "In", "On", "At",
        "As", "After", "Before", "Meanwhile", "However", "Still", "There", "Here", "When", "While", "If",
        "Although", "Though", "Since", "Because", "Officials", "Some", "Many", "Most", "Several", "No",
        "Neither", "Both", "All", "Such", "Last", "Earlier", "Later", "Now", "Then", "What", "Who",
        "Why", "How", "Where", "Asked", "According", "With", "Without", "For", "From", "By", "Under",
        "Over", "During", "Despite", "Analysts", "Critics", "Experts",
    ]

    /// True when the letters `[start, end)` keep a directly following period: dotted forms
    /// ("U.S", "e.g"), single capital initials ("J"), and the listed abbreviations.
    static func takesPeriod(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 1 { return TextScan.isASCIIUpper(bytes[start]) }
        if isDotted(bytes, start, end) { return true }
        guard length <= 6 else { return false }
        return withPeriod.contains(bytes, start, end)
    }

    /// True for a period-final token `[start, end)` (period included) that may end a sentence:
    /// dotted forms ("U.S.", "a.m."), single initials and company/name suffixes ("Inc.", "Jr.").
    static func canEndSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let stem = end - 1
        guard stem > start else { return false }
        if stem - start == 1 { return TextScan.isASCIIUpper(bytes[start]) }
        if isDotted(bytes, start, stem) { return true }
        return sentenceFinal.contains(bytes, start, stem)
    }

    /// True for a period-final token `[start, end)` that never ends a sentence before a name.
    static func precedesName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let stem = end - 1
        guard stem > start, stem - start <= 5, bytes[stem] == UInt8(ascii: ".") else { return false }
        return neverFinal.contains(bytes, start, stem)
    }

    /// True when the word `[start, end)` is a typical sentence opener.
    static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 10, TextScan.isASCIIUpper(bytes[start]) else { return false }
        return sentenceOpeners.contains(bytes, start, end)
    }

    /// Letters separated by single periods, each part one to three ASCII letters: "U.S", "e.g", "a.m".
    static func isDotted(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var sawPeriod = false
        var partLength = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard partLength > 0 else { return false }
                sawPeriod = true
                partLength = 0
            } else if TextScan.isASCIILetter(byte) {
                partLength += 1
                if partLength > 3 { return false }
            } else {
                return false
            }
        }
        return sawPeriod && partLength > 0
    }
}

/// A small set of words looked up by their UTF-8 bytes, without building a `String` or hashing
/// with SipHash: an open-addressing table over the bytes packed into two 64-bit words (words of
/// up to 16 bytes; longer ones go to a plain set). Membership is byte equality, which for the
/// ASCII word lists here is the same as `String` equality.
struct ByteWordSet: ExpressibleByArrayLiteral, Sendable {
    private var low: [UInt64]
    private var high: [UInt64]
    private var lengths: [UInt8]  // 0: empty slot
    private var shift: UInt64
    private var long: Set<[UInt8]> = []

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    init(_ words: [String]) {
        let unique = Set(words.map { Array($0.utf8) }.filter { !$0.isEmpty })
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < unique.count * 4 {
            capacity *= 2
            bits += 1
        }
        low = [UInt64](repeating: 0, count: capacity)
        high = [UInt64](repeating: 0, count: capacity)
        lengths = [UInt8](repeating: 0, count: capacity)
        shift = 64 - bits
        for word in unique {
            guard word.count <= 16 else {
                long.insert(word)
                continue
            }
            let (wordLow, wordHigh) = word.withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
            var slot = slotIndex(wordLow, wordHigh, word.count)
            while lengths[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            low[slot] = wordLow
            high[slot] = wordHigh
            lengths[slot] = UInt8(word.count)
        }
    }

    /// The bytes `[start, end)` (at most 16) packed little-endian into two words.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in start..<end {
            let offset = index - start
            if offset < 8 {
                low |= UInt64(bytes[index]) << (8 * UInt64(offset))
            } else {
                high |= UInt64(bytes[index]) << (8 * UInt64(offset - 8))
            }
        }
        return (low, high)
    }

    @inline(__always)
    private func slotIndex(_ low: UInt64, _ high: UInt64, _ length: Int) -> Int {
        let mixed = (low ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> shift)
    }

    /// True when the bytes `[start, end)` are one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0 else { return false }
        guard length <= 16 else {
            return !long.isEmpty && long.contains(Array(bytes[start..<end]))
        }
        let (wordLow, wordHigh) = Self.pack(bytes, start, end)
        var slot = slotIndex(wordLow, wordHigh, length)
        while lengths[slot] != 0 {
            if lengths[slot] == length, low[slot] == wordLow, high[slot] == wordHigh { return true }
            slot = (slot + 1) & (lengths.count - 1)
        }
        return false
    }
}
