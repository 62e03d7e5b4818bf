/// Tokenizer exceptions for English abbreviations (like spaCy's tokenizer exceptions): which
/// letter sequences keep a following period, which can end a sentence, and which capitalised
/// words typically open one.
enum Abbreviations {
    /// Abbreviations written with a period that never contain one inside (titles, months,
    /// company forms, ...). Case-sensitive.
    static let withPeriod: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Rev", "Hon", "Fr",
        "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov",
        "Sen", "Rep", "Reps", "Sens", "Pres", "Supt", "Insp", "Amb", "Atty", "Cmdt", "Spc", "Msgr",
        "Inc", "Corp", "Ltd", "Co", "Bros", "Assn", "Dept", "Univ", "Intl", "Govt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Ave", "Blvd", "Rd", "No", "Nos", "Vol", "vs", "etc", "approx", "est", "Fig", "al",
    ]

    /// Period-final abbreviations that can also end a sentence ("... shares of Acme Inc. The ...").
    static let sentenceFinal: Set<String> = ["Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr", "etc", "Assn"]

    /// Period-final abbreviations that precede a name or number and so never end a sentence
    /// ("Gen. Joseph Votel", "Dr. Smith", "No. 10"), although ICU may break after them.
    static let neverFinal: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Hon", "Fr", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt",
        "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gov", "Sen", "Rep", "Reps", "Sens", "Pres", "Supt",
        "Insp", "Amb", "Atty", "Cmdt", "Spc", "Msgr", "No", "Nos", "Vol", "Fig", "vs", "St", "Mt", "Ft",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]

    /// Capitalised closed-class words that typically open a sentence.
    static let sentenceOpeners: Set<String> = [
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
        return withPeriod.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// True for a period-final token `[start, end)` (period included) that may end a sentence:
    /// dotted forms ("U.S.", "a.m."), single initials and company/name suffixes ("Inc.", "Jr.").
    static func canEndSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let stem = end - 1
        guard stem > start else { return false }
        if stem - start == 1 { return TextScan.isASCIIUpper(bytes[start]) }
        if isDotted(bytes, start, stem) { return true }
        return sentenceFinal.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stem]), as: UTF8.self))
    }

    /// True for a period-final token `[start, end)` that never ends a sentence before a name.
    static func precedesName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let stem = end - 1
        guard stem > start, stem - start <= 5, bytes[stem] == UInt8(ascii: ".") else { return false }
        return neverFinal.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stem]), as: UTF8.self))
    }

    /// True when the word `[start, end)` is a typical sentence opener.
    static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end > start, end - start <= 10, TextScan.isASCIIUpper(bytes[start]) else { return false }
        return sentenceOpeners.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
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
