/// The rule that read a quantity, as written in its `source.rule` (before any
/// `+qualifier(PREFIX|SUFFIX)` suffix).
///
/// A one-byte code in the atom; its `rawValue` is a string literal (immortal: making it
/// allocates nothing and copying it retains nothing), so the annotation's rule name costs no
/// allocation for any rule.
enum QuantityRule: String, Sendable {
    case age
    case digits
    case digitsMixedFraction = "digits-mixed-fraction"
    case digitsPower = "digits-power"
    case digitsScale = "digits-scale"
    case digitsWordsMixed = "digits-words-mixed"
    case fractionDigits = "fraction-digits"
    case fractionMultiplied = "fraction-multiplied"
    case fractionRatio = "fraction-ratio"
    case fractionWords = "fraction-words"
    case measureCompound = "measure-compound"
    case measureCompoundUnits = "measure-compound-units"
    case measureUnit = "measure-unit"
    case moneyCodePrefix = "money-code-prefix"
    case moneyMajorMinor = "money-major-minor"
    case moneySuffix = "money-suffix"
    case moneySymbolPrefix = "money-symbol-prefix"
    case numberWords = "number-words"
    case ordinalDigits = "ordinal-digits"
    case ordinalRelative = "ordinal-relative"
    case ordinalWords = "ordinal-words"
    case percent
    case percentInverted = "percent-inverted"
    case range
    case rangeBounds = "range-bounds"
    case vaguePlural = "vague-plural"
}
