/// Kinds of quantity.
public enum QuantityKind: String, Hashable, Sendable, CaseIterable {
    case cardinal, ordinal, percent, money, measure, fraction, date, year
}

/// A bound on a quantity: "as many as 10,000" is `max: "10000", inclusive: true, approximate: true`.
public struct QuantityBound: Hashable, Sendable {
    public var min: Optional<String>
    public var max: Optional<String>
    public var inclusive: Optional<Bool>
    public var approximate: Optional<Bool>

    @inlinable
    public init(min: String? = nil, max: String? = nil, inclusive: Bool? = nil, approximate: Bool? = nil) {
        self.min = min
        self.max = max
        self.inclusive = inclusive
        self.approximate = approximate
    }
}

/// The noun a cardinal counts: "3,000 soldiers" counts "soldiers" (lemma "soldier").
public struct CountedNoun: Hashable, Sendable {
    public var range: TextRange
    public var lemma: String

    @inlinable
    public init(range: TextRange, lemma: String) {
        self.range = range
        self.lemma = lemma
    }
}

/// A number, amount or measure with its exact normalised value.
///
/// Values are exact decimal strings ("1500000000", "0.25"), never floating point.
///
/// Optional stored properties are spelled `Optional<T>`, not `T?`: a `var` declared `T?` gets an
/// implicit `nil` initial value, and with it the initializer assigns rather than initializes the
/// fields, which made the optimiser build every value twice (a whole copy, each string retained,
/// then the first destroyed). The type is the same.
public struct Quantity: Hashable, Sendable {
    public var range: TextRange
    public var kind: QuantityKind
    /// Exact decimal value; nil for ranges, which carry `bound` instead.
    public var value: Optional<String>
    /// Canonical unit ("km", "°C"), ISO 4217 code for money, "%" for percentages.
    public var unit: Optional<String>
    /// Dimension of a measure ("length", "mass", ...).
    public var dimension: Optional<String>
    /// Value in the SI unit, exact, with that unit ("120000", "m").
    public var siValue: Optional<String>
    public var siUnit: Optional<String>
    public var bound: Optional<QuantityBound>
    public var counted: Optional<CountedNoun>
    public var source: Provenance

    @inlinable
    public init(
        range: TextRange, kind: QuantityKind, value: String?, unit: String? = nil,
        dimension: String? = nil, siValue: String? = nil, siUnit: String? = nil,
        bound: QuantityBound? = nil, counted: CountedNoun? = nil, source: Provenance
    ) {
        self.range = range
        self.kind = kind
        self.value = value
        self.unit = unit
        self.dimension = dimension
        self.siValue = siValue
        self.siUnit = siUnit
        self.bound = bound
        self.counted = counted
        self.source = source
    }
}
