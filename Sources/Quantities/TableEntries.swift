/// Where a surface stands relative to its number.
enum SurfacePosition: Sendable {
    case prefix, suffix, both

    init(_ feature: String?, default fallback: SurfacePosition) {
        switch feature {
        case "prefix": self = .prefix
        case "suffix": self = .suffix
        case "both": self = .both
        default: self = fallback
        }
    }

    var allowsPrefix: Bool { self != .suffix }
    var allowsSuffix: Bool { self != .prefix }
}

/// A row of `units.tsv`.
struct UnitEntry: Sendable {
    var surface: String
    var unit: String
    var dimension: String
    var siUnit: String?
    var siFactor: ExactNumber?
    var offset: ExactNumber?
    var ambiguous: Bool
    var position: SurfacePosition
    var alternatives: [String]
    /// The surface states an age ("yo"): the quantity is an age.
    var age = false
    var line: Int
}

/// A row of `currencies.tsv`.
struct CurrencyEntry: Sendable {
    var surface: String
    var code: String
    var ambiguous: Bool
    var position: SurfacePosition
    /// For minor units ("cents", "p"): amount in the major currency = value × factor.
    var factor: ExactNumber?
    var line: Int
}

/// The role of a number word (`numbers.tsv` kind column).
enum NumberWordKind: String, Sendable {
    case cardinal, ordinal, fraction, multiplier, relative
    case scaleSuffix = "scale_suffix"
}

/// A row of `numbers.tsv`.
struct NumberWord: Sendable {
    var surface: String
    var value: ExactNumber
    var kind: NumberWordKind
    /// For ordinals usable as denominators ("a third"): the fraction's value.
    var fraction: ExactNumber?
    var ambiguous: Bool
    /// "a", "an": one only before a multiplier or fraction.
    var beforeMultiplierOnly: Bool
    var approximate: Bool
    var plural: Bool
    /// "twice", "thrice": multiply a whole quantity.
    var times: Bool
    /// Also a unit ("m", "K", "B", "tn").
    var alsoUnit: Bool
    /// Relative ordinals ("last but one"): the reference point ("end", "current"); the value is
    /// the offset from it.
    var relative: String? = nil
    /// Relative ordinals: a "the" before the phrase belongs to it ("the second to last").
    var article = false
    /// Relative ordinals that stay relative after a determiner before a singular noun ("the next
    /// item", "a previous version"; "the last line" does not: "last" is too often "final").
    var attributive = false
    var line: Int
}

/// The kind of bound a qualifier states.
enum QualifierBound: String, Sendable {
    case min, max, approx, exact
}

/// A row of `qualifiers.tsv`.
struct Qualifier: Sendable {
    var phrase: String
    var bound: QualifierBound
    var inclusive: Bool?
    var approximate: Bool
    var position: SurfacePosition
    var article: Bool
    var ambiguous: Bool
    /// "equal to": the value is stated exactly, as a one-point range (min = max).
    var equal = false
    var line: Int
}

/// A row of `ranges.tsv`, split around its X and Y.
struct RangePattern: Sendable {
    var pattern: String
    /// Text before X ("between "), lower-cased, possibly empty.
    var prefix: String
    /// The words of `prefix`, split once when the table is loaded.
    var prefixWords: [String] = []
    /// Text between X and Y (" and ", "-", " to ").
    var middle: String
    var isAlternative: Bool
    var inclusive: Bool
    var approximate: Bool
    var change: Bool
    var ambiguous: Bool
    var line: Int
    /// The rule name of the ranges it joins ("range-between", "range-hyphen"), made once at load.
    var rule = ""

    /// "between X and Y" → "between", "X-Y" → "hyphen", "X to Y" → "to".
    static func ruleName(_ pattern: String) -> String {
        var words: [String] = []
        for part in pattern.split(separator: " ") where part != "X" && part != "Y" {
            switch part {
            case "X-Y", "-": words.append("hyphen")
            case "X–Y", "–": words.append("en-dash")
            case "X—Y": words.append("em-dash")
            case "X~Y": words.append("tilde")
            case "X-to-Y": words.append("to")
            default: words.append(String(part))
            }
        }
        let name = words.filter { $0 != "and" }.joined(separator: "-")
        return name.isEmpty ? "pattern" : name
    }
}
