import GazetteCore
import GazetteIO

/// Scores the quantities a pipeline finds against the Recognizers-Text English specs and
/// quantulum3's test sentences. Every case is counted; a case the pipeline gets partly right
/// counts as wrong.
///
/// - Recognizers-Text: a case is right when the set of (span, value, unit) the pipeline gives for
///   the spec's type equals the expected results. The inputs are space-tokenised; they are
///   detokenised first (`DetokenizedText`) and predicted spans mapped back to the original
///   offsets. Units are mapped to Gazette's by `UnitNames`; minor currency units ("Cent") are
///   converted to the major unit. For number ranges, the ends and, for one-sided bounds, their
///   inclusiveness are compared (Recognizers-Text writes two-sided ranges half-open, "[20,30)",
///   which a count does not distinguish from closed).
///   Recognizers-Text leaves bound qualifiers out of its spans ("about [$35 million]"); Gazette's
///   corpus guidelines put them in. Every prediction is therefore compared by its numeric core
///   span: its span without the qualifier that the stage records in the rule as
///   `+qualifier(PREFIX|SUFFIX)` (byte lengths cut from the start and the end). The bound itself
///   is still compared; for number ranges, whose spans include the qualifier
///   that makes them ranges ("more than 30"), the whole span is compared.
/// - quantulum3: each expected quantity is right when a predicted quantity overlapping its
///   surface has the same value (a range's midpoint, as quantulum3 reports ranges) and unit
///   ("dimensionless" = no unit).
public struct QuantityDevScorer: Sendable {
    /// The pipeline under test (it must produce quantities).
    public let pipeline: Pipeline
    /// Unit-name mapping.
    public let names: UnitNames

    /// Creates a scorer.
    public init(pipeline: Pipeline, names: UnitNames) {
        self.pipeline = pipeline
        self.names = names
    }

    /// A predicted quantity with its span in the original text's code points.
    struct Predicted {
        var span: Span
        /// The span without an approximation before a suffix bound ("about [500 or more]").
        var rangeSpan: Span
        /// The span without the bound qualifier (the numeric core).
        var core: Span
        var quantity: Quantity
    }

    func annotate(_ text: String, detokenize: Bool) -> [Predicted] {
        let detokenized = detokenize ? DetokenizedText(text, currencyPrefix: { names.currency($0) != nil }) : nil
        var document = Document(id: "case", text: detokenized?.text ?? text)
        do {
            try pipeline.process(&document)
        } catch {
            return []
        }
        let map = document.withUTF8 { OffsetMap($0) }
        return document.quantities.map { quantity in
            let core = Self.coreRange(quantity)
            func span(_ range: TextRange) -> Span {
                let start = map.codePoint(range.start)
                let end = map.codePoint(range.end)
                return detokenized?.originalSpan(start, end) ?? Span(start, end)
            }
            return Predicted(span: span(quantity.range), rangeSpan: span(Self.rangeCore(quantity)), core: span(core), quantity: quantity)
        }
    }

    /// The quantity's span without its bound qualifier (`+qualifier(PREFIX|SUFFIX)` in the rule).
    static func coreRange(_ quantity: Quantity) -> TextRange {
        let rule = quantity.source.rule
        guard let open = rule.range(of: "+qualifier("), rule.hasSuffix(")") else { return quantity.range }
        let inner = rule[open.upperBound..<rule.index(before: rule.endIndex)].split(separator: "|")
        guard inner.count == 2, let prefix = Int(inner[0]), let suffix = Int(inner[1]),
              prefix + suffix < quantity.range.length else { return quantity.range }
        return TextRange(quantity.range.start + prefix, quantity.range.end - suffix)
    }

    /// For ranges: when the bound comes from a suffix ("500 or more") and the rule also names a
    /// prefix, that prefix is an approximation ("about"), which Recognizers-Text leaves out of a
    /// range's span; a prefix bound alone ("more than 30") stays in.
    static func rangeCore(_ quantity: Quantity) -> TextRange {
        let core = coreRange(quantity)
        guard core.start > quantity.range.start, core.end < quantity.range.end else { return quantity.range }
        return TextRange(core.start, quantity.range.end)
    }

    /// A comparable result: span, value and unit (or, for ranges, the bound's ends).
    struct Key: Hashable, CustomStringConvertible {
        var span: Span
        var value: String?
        var unit: String?

        init(span: Span, value: String?, unit: String?) {
            self.span = span
            self.value = value.map { QuantityDevScorer.comparable($0) }
            self.unit = unit
        }

        var description: String { "\(span) \(value ?? "-") \(unit ?? "")" }
    }

    // MARK: - Recognizers-Text

    /// Scores one spec's cases.
    public func score(_ spec: RecognizersTextSpec, cases: [RecognizersTextCase]) -> CaseAccuracy {
        var result = CaseAccuracy()
        for item in cases {
            let expected = Set(item.results.map { gold(spec, $0) })
            let predicted = Set(annotate(item.input, detokenize: true).compactMap { project(spec, $0) })
            let right = expected == predicted
            result.accuracy.record(right)
            if !right {
                result.failures.append("\(spec) #\(item.index): expected \(expected.sorted { $0.span < $1.span }), got \(predicted.sorted { $0.span < $1.span })")
            }
        }
        return result
    }

    func gold(_ spec: RecognizersTextSpec, _ item: RecognizersTextCase.Result) -> Key {
        var value = item.value.map(Self.plainDecimal)
        var unit: String?
        switch spec {
        case .number, .ordinal:
            break
        case .percent:
            if let text = item.value, text.hasSuffix("%") { value = Self.plainDecimal(String(text.dropLast())) }
        case .numberRange:
            value = item.value.flatMap(Self.interval)
        case .currency:
            let canonical = item.unit.flatMap { names.currency($0) }
            unit = item.isoCurrency ?? canonical?.unit
            if let factor = canonical?.factor, let amount = value { value = Self.scaled(amount, factor) }
        case .dimension, .temperature, .age:
            unit = item.unit.flatMap { names.unit($0)?.unit } ?? item.unit
        }
        return Key(span: item.span, value: value, unit: unit)
    }

    func project(_ spec: RecognizersTextSpec, _ predicted: Predicted) -> Key? {
        let quantity = predicted.quantity
        let isRange = quantity.value == nil
        switch spec {
        case .number:
            // A number with a one-sided bound ("more than half") is still that number here: the
            // bound is scored in NumberRange.
            guard quantity.kind == .cardinal || quantity.kind == .fraction, !isRange else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: nil)
        case .ordinal:
            guard quantity.kind == .ordinal, !isRange else { return nil }
            // A relative ordinal is an offset from its unit, "end" or "current": written
            // "end-1", "current+0" as Recognizers-Text does.
            if let reference = quantity.unit, let offset = quantity.value.map(DecimalValue.canonical) {
                return Key(span: predicted.core, value: reference + (offset.hasPrefix("-") ? "" : "+") + offset, unit: nil)
            }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: nil)
        case .percent:
            guard quantity.kind == .percent, quantity.unit == "%", !isRange else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: nil)
        case .numberRange:
            guard let bound = quantity.bound, bound.min != nil || bound.max != nil else { return nil }
            return Key(span: predicted.rangeSpan, value: Self.interval(bound), unit: nil)
        case .currency:
            guard quantity.kind == .money, !isRange else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: quantity.unit)
        case .dimension:
            guard quantity.kind == .measure, !isRange, !quantity.source.rule.hasPrefix("age"),
                  !["temperature", "duration"].contains(quantity.dimension ?? "") else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: quantity.unit)
        case .temperature:
            guard quantity.kind == .measure, !isRange, quantity.dimension == "temperature" else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: quantity.unit)
        case .age:
            guard quantity.kind == .measure, !isRange, quantity.source.rule.hasPrefix("age") else { return nil }
            return Key(span: predicted.core, value: quantity.value.map(DecimalValue.canonical), unit: quantity.unit)
        }
    }

    /// "[20,30)" → "20..30"; "(10,)" → "(10.."; "(,100]" → "..100]".
    static func interval(_ text: String) -> String? {
        guard text.count >= 3, let open = text.first, let close = text.last else { return nil }
        let inner = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard inner.count == 2 else { return nil }
        let low = inner[0].isEmpty ? nil : plainDecimal(inner[0])
        let high = inner[1].isEmpty ? nil : plainDecimal(inner[1])
        return interval(low: low, lowInclusive: open == "[", high: high, highInclusive: close == "]")
    }

    static func interval(_ bound: QuantityBound) -> String? {
        interval(
            low: bound.min.map(DecimalValue.canonical), lowInclusive: bound.inclusive ?? true,
            high: bound.max.map(DecimalValue.canonical), highInclusive: bound.inclusive ?? true)
    }

    static func interval(low: String?, lowInclusive: Bool, high: String?, highInclusive: Bool) -> String? {
        switch (low, high) {
        case let (low?, high?): return "\(low)..\(high)"
        case let (low?, nil): return (lowInclusive ? "[" : "(") + low + ".."
        case let (nil, high?): return ".." + high + (highInclusive ? "]" : ")")
        case (nil, nil): return nil
        }
    }

    /// Significant digits compared. The dev sets write values as binary doubles printed with 15
    /// to 17 significant digits ("0.6666666666666666", "5.166666666666667"), Gazette as exact
    /// decimals rounded to 15 ("0.666666666666667"): both are compared at 12.
    static let comparedDigits = 12

    /// A decimal rounded to `comparedDigits` significant digits (half away from zero); other
    /// strings (intervals, relative ordinals) unchanged.
    static func comparable(_ text: String) -> String {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return text }
        var digits = Array(parts[0] + parts[1]).map { Int($0.asciiValue ?? 48) - 48 }
        let point = parts[0].count
        guard let firstSignificant = digits.firstIndex(where: { $0 != 0 }) else { return text }
        let keep = firstSignificant + comparedDigits
        guard keep < digits.count else { return text }
        var carry = digits[keep] >= 5 ? 1 : 0
        digits.removeSubrange(keep...)
        var index = digits.count - 1
        while carry == 1, index >= 0 {
            digits[index] += 1
            if digits[index] == 10 {
                digits[index] = 0
            } else {
                carry = 0
            }
            index -= 1
        }
        var integerDigits = digits.prefix(min(point, digits.count)).map(String.init).joined()
        if carry == 1 { integerDigits = "1" + integerDigits }
        if point > digits.count { integerDigits += String(repeating: "0", count: point - digits.count) }
        let fraction = digits.count > point ? digits[point...].map(String.init).joined() : ""
        return DecimalValue.canonical((negative ? "-" : "") + integerDigits + (fraction.isEmpty ? "" : "." + fraction))
    }

    /// "1E-12" → "0.000000000001", "-1.2732E+15" → "-1273200000000000", others canonical.
    static func plainDecimal(_ text: String) -> String {
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E"), let exponent = Int(upper[upper.index(after: e)...].replacingOccurrences(of: "+", with: "")) else {
            return DecimalValue.canonical(text)
        }
        var mantissa = String(upper[..<e])
        var negative = false
        if mantissa.hasPrefix("-") {
            negative = true
            mantissa.removeFirst()
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        var point = parts[0].count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        let index = digits.index(digits.startIndex, offsetBy: point)
        let plain = digits[..<index] + (index < digits.endIndex ? "." + digits[index...] : "")
        return DecimalValue.canonical((negative ? "-" : "") + plain)
    }

    /// `amount × factor` for plain decimals such as a minor-unit factor "0.01".
    static func scaled(_ amount: String, _ factor: String) -> String {
        let canonical = DecimalValue.canonical(amount)
        guard let places = factor.split(separator: ".").last.map({ $0.count }), factor.hasPrefix("0."),
              factor.dropFirst(2).dropLast().allSatisfy({ $0 == "0" }), factor.hasSuffix("1") else { return canonical }
        var negative = false
        var digits = canonical
        if digits.hasPrefix("-") {
            negative = true
            digits.removeFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        if integer.count <= places { integer = String(repeating: "0", count: places - integer.count + 1) + integer }
        let split = integer.index(integer.endIndex, offsetBy: -places)
        return DecimalValue.canonical((negative ? "-" : "") + integer[..<split] + "." + integer[split...] + fraction)
    }

    // MARK: - quantulum3

    /// Scores quantulum3's sentences: one item per expected quantity.
    public func score(quantulum cases: [QuantulumCase]) -> CaseAccuracy {
        var result = CaseAccuracy()
        var predictedCount = 0
        for item in cases {
            let predicted = annotate(item.text, detokenize: false)
            predictedCount += predicted.count
            let scalars = Array(item.text.unicodeScalars)
            var searchFrom = 0
            for expected in item.expected {
                let span = Self.find(expected.surface, in: scalars, from: searchFrom) ?? Self.find(expected.surface, in: scalars, from: 0)
                if let span { searchFrom = span.end }
                let unit: String? = expected.unit == "dimensionless" ? nil : (names.unit(expected.unit) ?? names.currency(expected.unit))?.unit ?? expected.unit
                let right = span.map { goldSpan in
                    predicted.contains { candidate in
                        guard candidate.span.start < goldSpan.end, goldSpan.start < candidate.span.end else { return false }
                        return names.same(candidate.quantity.unit, unit)
                            && Self.value(of: candidate.quantity).map(Self.comparable) == Self.comparable(expected.value)
                    }
                } ?? false
                result.accuracy.record(right)
                if !right {
                    let got = predicted.map { "\($0.span) \(Self.value(of: $0.quantity) ?? "-") \($0.quantity.unit ?? "")" }
                    result.failures.append("quantulum3: expected \(expected.surface) = \(expected.value) \(expected.unit), got \(got)")
                }
            }
        }
        result.predicted = predictedCount
        return result
    }

    /// The value, or a range's midpoint (exact when the ends are plain decimals).
    static func value(of quantity: Quantity) -> String? {
        if let value = quantity.value { return DecimalValue.canonical(value) }
        guard let low = quantity.bound?.min, let high = quantity.bound?.max,
              let sum = DecimalArithmetic.add(low, high) else { return nil }
        return DecimalArithmetic.half(sum)
    }

    static func find(_ surface: String, in scalars: [Unicode.Scalar], from start: Int) -> Span? {
        let needle = Array(surface.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        var index = start
        while index + needle.count <= scalars.count {
            if Array(scalars[index..<index + needle.count]) == needle { return Span(index, index + needle.count) }
            index += 1
        }
        return nil
    }
}
