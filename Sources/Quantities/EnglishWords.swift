/// Closed-class English words the stage's rules use (grammar, not data about quantities: the
/// units, currencies, number words and qualifiers all come from `Lexicons/units`).
enum EnglishWords {
    /// Function words that end a counted noun phrase ("3,000 soldiers *to* Russia").
    static let phraseBreakers: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "of", "to", "in", "on", "at", "by", "for", "from",
        "with", "without", "and", "or", "but", "nor", "as", "than", "into", "onto", "over", "under", "per", "each",
        "every", "were", "was", "is", "are", "be", "been", "being", "had", "has", "have", "having", "will", "would",
        "could", "should", "may", "might", "must", "can", "did", "do", "does", "said", "says", "who", "whom",
        "whose", "which", "what", "it", "its", "their", "his", "her", "our", "my", "your", "they", "them", "he",
        "she", "we", "you", "i", "since", "until", "after", "before", "during", "while", "when", "where", "if",
        "ago", "away", "ahead", "behind", "later", "earlier", "about", "around", "up", "down", "out", "off", "not",
        "also", "still", "already", "only", "just", "again", "then", "there", "here", "so", "because", "through",
        "across", "between", "among", "against", "toward", "towards", "via", "like", "including", "whereas",
        "plus", "minus", "times", "apiece", "each", "all", "both", "any", "some", "no", "yet", "ever", "even",
        "per", "cent", "percent", "least", "most", "many", "much", "few", "less", "more", "than", "such", "very",
        "too", "now", "today", "tonight", "tomorrow", "yesterday", "this", "next", "last", "left", "remaining",
        "old", "long", "high", "wide", "deep", "tall", "short", "away",
    ]

    /// Modifiers skipped between a number and the noun it counts ("five *more* vessels").
    static let countModifiers: Set<String> = ["more", "additional", "extra", "other", "further", "new", "fewer"]

    /// Nouns whose plural does not end in -s, or that are the same in both numbers.
    static let irregularPlurals: [String: String] = [
        "people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
        "mice": "mouse", "geese": "goose", "personnel": "personnel", "police": "police", "aircraft": "aircraft",
        "sheep": "sheep", "deer": "deer", "cattle": "cattle", "staff": "staff", "fish": "fish", "offspring": "offspring",
        "spacecraft": "spacecraft", "livestock": "livestock", "crew": "crew", "infantry": "infantry", "data": "data",
        "species": "species", "series": "series", "headquarters": "headquarters", "means": "means",
        "troops": "troop", "lives": "life", "wives": "wife", "knives": "knife", "halves": "half", "leaves": "leaf",
        "wolves": "wolf", "shelves": "shelf", "thieves": "thief", "crises": "crisis", "analyses": "analysis",
        "bases": "base", "theses": "thesis", "phenomena": "phenomenon", "criteria": "criterion", "indices": "index",
    ]

    /// Words that are not plural nouns although they end in -s.
    static let notPlural: Set<String> = [
        "is", "was", "has", "this", "its", "his", "hers", "ours", "yours", "theirs", "as", "us", "thus", "plus",
        "minus", "less", "unless", "across", "always", "perhaps", "whereas", "besides", "towards", "afterwards",
        "news", "series", "species", "various", "previous", "serious", "famous", "numerous", "enormous", "does",
        "goes", "says", "yes", "bus", "gas", "status", "campus", "virus", "bonus", "census", "consensus",
    ]

    /// Month names and abbreviations: a number next to one is a date.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul",
        "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
    ]

    /// Words after a number that make it a time of day.
    /// Words that make a bare "degrees" in their sentence a temperature ("temperatures reached 40
    /// degrees", "set the thermostat to 85°"); without one it stays an angle ("turned 180 degrees").
    static let temperatureCues: Set<String> = [
        "temperature", "temperatures", "thermostat", "thermometer", "heat", "heatwave", "heatwaves", "warm", "warmer",
        "warmest", "warming", "hot", "hotter", "hottest", "cold", "colder", "coldest", "cool", "cooler", "freezing",
        "frost", "fever", "weather", "forecast", "mercury", "chilly", "scorching", "sweltering", "celsius",
        "fahrenheit", "centigrade", "oven", "bake",
    ]

    /// The longest temperature cue, in bytes.
    static let temperatureCueMaxLength = temperatureCues.map(\.utf8.count).max() ?? 0

    /// Words that make "pounds" in their sentence a weight, not money ("the baby weighed seven
    /// pounds", "a metric ton is 2,204.62 pounds"); without one it stays sterling.
    static let massCues: Set<String> = [
        "weigh", "weighs", "weighed", "weighing", "weight", "weights", "heavy", "heavier", "heaviest", "lighter",
        "ton", "tons", "tonne", "tonnes", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "ounce",
        "ounces", "oz", "lb", "lbs", "payload",
    ]

    /// The longest mass cue, in bytes.
    static let massCueMaxLength = massCues.map(\.utf8.count).max() ?? 0

    static let timeWords: Set<String> = ["am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "hrs", "o'clock"]

    /// Words before a number that make it an identifier ("No. 5", "Section 3" is caught by capitals).
    static let identifierWords: Set<String> = ["no.", "nos.", "#", "number", "version", "v", "v.", "model", "route", "page", "chapter", "room", "flight"]

    /// Verbs and adverbs of change: "rose from 5% to 7%", "cut by $6 to $58" state two values, not
    /// a range.
    static let changeWords: Set<String> = [
        "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling", "increased",
        "increase", "increases", "increasing", "decreased", "decrease", "decreasing", "cut", "cuts", "cutting",
        "raised", "raise", "raises", "raising", "lowered", "lower", "lowers", "dropped", "drop", "drops",
        "climbed", "climb", "climbs", "jumped", "jump", "jumps", "grew", "grow", "grows", "grown", "slowed",
        "slow", "slipped", "slip", "reduced", "reduce", "declined", "decline", "declines", "edged", "surged",
        "surge", "soared", "plunged", "slumped", "widened", "narrowed", "trimmed", "lifted", "boosted",
        "up", "down", "revised", "eased", "ease", "tumbled", "doubled", "halved", "accelerated", "expanded",
        "shrank", "contracted", "went", "moved", "changed", "by",
    ]

    /// Words that make the following number negative.
    static let signWords: Set<String> = ["minus", "negative"]

    /// Determiners and words before "one" that make it a pronoun ("the one", "a second slow one").
    static let pronounOneBefore: Set<String> = ["the", "this", "that", "which", "every", "each", "no", "any", "a", "an", "another", "only", "last", "big", "new", "old", "slow", "fast"]

    /// The singular of a plural noun ("troops" → "troop", "countries" → "country", "sixes" → "six").
    static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        if let irregular = irregularPlurals[lower] { return irregular }
        if let ascii = asciiSingular(lower) { return ascii }
        if lower.hasSuffix("ies"), lower.count > 4 { return String(lower.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "sses", "xes", "zes", "oes"] where lower.hasSuffix(ending) {
            return String(lower.dropLast(2))
        }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss"), lower.count > 2 { return String(lower.dropLast()) }
        return lower
    }

    /// True when every byte is printable ASCII (so each byte is one character).
    @inline(__always)
    static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
        return true
    }

    /// `singular` past the irregular plurals for a printable-ASCII word, on its bytes (nil for
    /// any other word).
    static func asciiSingular(_ lower: String) -> String? {
        lower.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard isPrintableASCII(bytes) else { return nil }
            let count = bytes.count
            func ends(_ suffix: StaticString) -> Bool {
                let length = suffix.utf8CodeUnitCount
                guard count >= length else { return false }
                for offset in 0..<length where bytes[count - length + offset] != suffix.utf8Start[offset] { return false }
                return true
            }
            func prefix(dropping dropped: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<count - dropped]), as: UTF8.self)
            }
            if ends("ies"), count > 4 { return prefix(dropping: 3) + "y" }
            if ends("ches") || ends("shes") || ends("sses") || ends("xes") || ends("zes") || ends("oes") { return prefix(dropping: 2) }
            if ends("s"), !ends("ss"), count > 2 { return prefix(dropping: 1) }
            return lower
        } ?? nil
    }

    /// True when a lower-cased word looks like a plural noun.
    static func looksPlural(_ lower: String) -> Bool {
        if let irregular = irregularPlurals[lower] { return irregular != lower || lower == "personnel" || lower == "aircraft" || lower == "staff" || lower == "police" || lower == "cattle" || lower == "crew" }
        // Printable ASCII (a character per byte): the suffix tests on the bytes, before any set is hashed.
        let asciiShape: Bool? = lower.utf8.withContiguousStorageIfAvailable { bytes in
            guard isPrintableASCII(bytes) else { return nil }
            let count = bytes.count
            guard count >= 3, bytes[count - 1] == UInt8(ascii: "s") else { return false }
            let before = bytes[count - 2]
            return before != UInt8(ascii: "s") && before != UInt8(ascii: "u") && before != UInt8(ascii: "i") && before != UInt8(ascii: "'")
        } ?? nil
        if let asciiShape { return asciiShape && !notPlural.contains(lower) && !phraseBreakers.contains(lower) }
        guard lower.count >= 3, lower.hasSuffix("s"), !notPlural.contains(lower), !phraseBreakers.contains(lower) else { return false }
        return !(lower.hasSuffix("ss") || lower.hasSuffix("us") || lower.hasSuffix("is") || lower.hasSuffix("'s") || lower.hasSuffix("’s"))
    }

    /// Adjectives of size after a measure ("2 in thick", "5 m long"): the measure's unit is a unit.
    static let dimensionAdjectives: Set<String> = ["long", "wide", "high", "tall", "thick", "deep", "across", "thin", "broad", "away"]

    /// Byte-level filters over the sets above (no string is built to test a token).
    static let monthFilter = WordFilter(months)
    static let dimensionAdjectiveFilter = WordFilter(dimensionAdjectives)
    /// Words after which "last" is a verb or an adverb ("will last", "to last", "at last").
    static let beforeVerbFilter = WordFilter([
        "will", "would", "could", "can", "may", "might", "must", "should", "shall", "to", "at", "not", "did", "does",
        "do", "'ll", "’ll", "n't", "n’t", "won't", "cannot", "it", "they", "that", "which", "who",
    ])
    /// Determiners before an adjective: "the next phase" (an adjective in news).
    static let determinerFilter = WordFilter(["the", "this", "that", "these", "those", "a", "an", "its", "their", "our", "his", "her", "my", "your"])
    /// Time nouns: "last year", "next week" are dates, not positions in a list.
    static let timeNounFilter = WordFilter([
        "year", "month", "week", "day", "night", "time", "season", "summer", "winter", "spring", "autumn", "fall",
        "weekend", "decade", "century", "quarter", "term", "session", "minute", "hour", "second", "morning", "evening",
        "afternoon", "semester", "moment", "period", "fortnight", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "tonight", "today", "tomorrow", "yesterday", "millennium", "era", "half",
        // and places: "next door"
        "door",
    ])
    /// Last words of comparisons before a number: a four-digit number after them is not a year.
    static let comparisonEndFilter = WordFilter(["than", "above", "below", "exceeding", "=", "<", ">", "≤", "≥"])
    static let timeWordFilter = WordFilter(timeWords)
    static let identifierWordFilter = WordFilter(identifierWords)
    static let changeWordFilter = WordFilter(changeWords)
    static let pronounOneBeforeFilter = WordFilter(pronounOneBefore)
    static let determinerOfFilter = WordFilter(["the", "those", "these", "its", "their", "our", "his", "her"])
}
