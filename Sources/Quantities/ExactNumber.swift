/// An exact rational number (numerator / denominator, 128-bit integers, always reduced, the
/// denominator positive). Quantities are computed with it so that values are never binary
/// floating point: "1.5bn" is 3/2 × 10⁹ = 1500000000 exactly; "km/h" × 5/18 stays exact.
///
/// Arithmetic returns nil on overflow (the stage then drops the value rather than guess).
public struct ExactNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Numerator (carries the sign).
    public let numerator: Int128
    /// Denominator, always > 0.
    public let denominator: Int128

    /// Significant digits kept when a value has no finite decimal expansion (2/3 →
    /// "0.666666666666667"), as Recognizers-Text and .NET print doubles.
    public static let roundingDigits = 15

    /// Creates `numerator / denominator`, reduced; nil when the denominator is zero.
    public init?(_ numerator: Int128, _ denominator: Int128 = 1) {
        guard denominator != 0 else { return nil }
        var n = numerator
        var d = denominator
        if d < 0 {
            guard n != .min, d != .min else { return nil }
            n = -n
            d = -d
        }
        let g = Self.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int128(g)
            d /= Int128(g)
        }
        self.numerator = n
        self.denominator = d
    }

    /// A value already reduced, with a positive denominator.
    private init(reduced numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// An integer value.
    public init(integer: Int) {
        numerator = Int128(integer)
        denominator = 1
    }

    /// Zero.
    public static let zero = ExactNumber(integer: 0)
    /// One.
    public static let one = ExactNumber(integer: 1)

    /// Parses a plain decimal ("1500", "-0.25", "1,783.9" with `allowGrouping`) or a rational
    /// "n/d" ("5/18"). Returns nil for anything else (exponents, stray characters).
    public init?(parsing text: some StringProtocol, allowGrouping: Bool = false) {
        if let slash = text.firstIndex(of: "/") {
            guard let n = ExactNumber(parsing: text[text.startIndex..<slash]),
                  let d = ExactNumber(parsing: text[text.index(after: slash)...]),
                  let q = n.divided(by: d) else { return nil }
            self = q
            return
        }
        var text = String(text)
        guard let value = text.withUTF8({ ExactNumber(bytes: $0, 0, $0.count, allowGrouping: allowGrouping, skippingNonASCII: false) })
        else { return nil }
        self = value
    }

    /// `init(parsing:allowGrouping:)` over UTF-8 bytes `[start, end)` without building a string;
    /// with `skippingNonASCII`, bytes of non-ASCII characters are left out first (as filtering the
    /// text's non-ASCII scalars would). A text with a "/" is parsed through the string path.
    init?(bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, allowGrouping: Bool, skippingNonASCII: Bool) {
        if bytes[start..<end].contains(UInt8(ascii: "/")) {
            var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if skippingNonASCII { text = String(text.unicodeScalars.filter { $0.value < 0x80 }.map(Character.init)) }
            guard let value = ExactNumber(parsing: text, allowGrouping: allowGrouping) else { return nil }
            self = value
            return
        }
        var negative = false
        // The digits go into a machine word while they fit (at most 18 of them), then into `digits`.
        var small: UInt64 = 0
        var smallCount = 0
        var wide = false
        var digits: Int128 = 0
        var scale: Int128 = 1
        var seenPoint = false
        var seenDigit = false
        var first = true
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            offset += 1
            if byte >= 0x80 {
                if skippingNonASCII { continue }
                return nil
            }
            defer { first = false }
            switch byte {
            case UInt8(ascii: "-") where first: negative = true
            case UInt8(ascii: "+") where first: continue
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: ","):
                guard allowGrouping, !seenPoint else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                if !wide, smallCount < 18 {
                    small = small &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                    smallCount += 1
                } else {
                    if !wide {
                        digits = Int128(small)
                        wide = true
                    }
                    let (times, o1) = digits.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int128(byte - UInt8(ascii: "0")))
                    guard !o1, !o2 else { return nil }
                    digits = sum
                }
                if seenPoint {
                    let (s, o3) = scale.multipliedReportingOverflow(by: 10)
                    guard !o3 else { return nil }
                    scale = s
                }
            default:
                return nil
            }
        }
        if !wide { digits = Int128(small) }
        guard seenDigit, let value = ExactNumber(negative ? -digits : digits, scale) else { return nil }
        self = value
    }

    /// True when the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The value as an `Int`, when it is an integer that fits.
    public var intValue: Int? { isInteger ? Int(exactly: numerator) : nil }

    /// Sum, or nil on overflow.
    public func adding(_ other: ExactNumber) -> ExactNumber? {
        // Two integers (most sums): their sum, as the general path gives it.
        if denominator == 1, other.denominator == 1 {
            let (sum, overflow) = numerator.addingReportingOverflow(other.numerator)
            return overflow ? nil : ExactNumber(reduced: sum, 1)
        }
        guard let a = Self.multiply(numerator, other.denominator),
              let b = Self.multiply(other.numerator, denominator),
              let d = Self.multiply(denominator, other.denominator) else { return nil }
        let (n, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : ExactNumber(n, d)
    }

    /// Product, or nil on overflow.
    public func multiplied(by other: ExactNumber) -> ExactNumber? {
        // Two integers (most products): their product, as the general path gives it.
        if denominator == 1, other.denominator == 1 {
            let (product, overflow) = numerator.multipliedReportingOverflow(by: other.numerator)
            return overflow ? nil : ExactNumber(reduced: product, 1)
        }
        let g1 = Int128(Self.gcd(numerator.magnitude, other.denominator.magnitude))
        let g2 = Int128(Self.gcd(other.numerator.magnitude, denominator.magnitude))
        guard let n = Self.multiply(numerator / max(g1, 1), other.numerator / max(g2, 1)),
              let d = Self.multiply(denominator / max(g2, 1), other.denominator / max(g1, 1)) else { return nil }
        return ExactNumber(n, d)
    }

    /// Quotient, or nil on overflow or division by zero.
    public func divided(by other: ExactNumber) -> ExactNumber? {
        guard other.numerator != 0, let inverse = ExactNumber(other.denominator, other.numerator) else { return nil }
        return multiplied(by: inverse)
    }

    /// The value raised to an integer power (a negative one gives the reciprocal's), or nil on
    /// overflow, for 0 to a negative power, or when |exponent| > 64.
    public func power(_ exponent: Int) -> ExactNumber? {
        guard exponent.magnitude <= 64 else { return nil }
        var result = ExactNumber.one
        for _ in 0..<exponent.magnitude {
            guard let next = result.multiplied(by: self) else { return nil }
            result = next
        }
        return exponent >= 0 ? result : ExactNumber.one.divided(by: result)
    }

    /// The negated value.
    public var negated: ExactNumber { ExactNumber(-numerator, denominator) ?? self }

    /// The mean of two values, or nil on overflow.
    public func midpoint(_ other: ExactNumber) -> ExactNumber? {
        adding(other)?.divided(by: ExactNumber(integer: 2))
    }

    /// True when the value has a finite decimal expansion (denominator 2^a·5^b).
    public var isFiniteDecimal: Bool {
        var d = denominator
        while d % 2 == 0 { d /= 2 }
        while d % 5 == 0 { d /= 5 }
        return d == 1
    }

    /// The exact decimal string ("1500000000", "0.25", "-12"), or nil when the value has no
    /// finite decimal expansion.
    public var exactDecimal: String? {
        // Most values are integers that fit a machine word: their digits directly.
        if denominator == 1, let small = Int(exactly: numerator) {
            return String(unsafeUninitializedCapacity: Self.decimalCount(small)) { Self.writeDecimal(small, into: $0, at: 0) }
        }
        return isFiniteDecimal ? decimalString(fractionDigits: Int.max) : nil
    }

    /// The number of bytes `String(value)` writes: the digits and a minus sign.
    static func decimalCount(_ value: Int) -> Int {
        var count = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// Writes `value` as `String(value)` writes it into `buffer` from `position`; returns the
    /// position after it.
    static func writeDecimal(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        var start = position
        if value < 0 {
            buffer[start] = UInt8(ascii: "-")
            start += 1
        }
        let end = position + decimalCount(value)
        var rest = value.magnitude
        var cursor = end
        repeat {
            cursor -= 1
            buffer[cursor] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while cursor > start
        return end
    }

    /// The exact decimal when there is one; otherwise the value rounded half-up to
    /// `roundingDigits` significant digits ("0.666666666666667").
    public var decimal: String {
        if let exact = exactDecimal { return exact }
        let magnitude = numerator.magnitude / denominator.magnitude
        let integerDigits = magnitude == 0 ? 0 : String(magnitude).count
        var fractionDigits = Self.roundingDigits - integerDigits
        if integerDigits == 0 {
            // Leading zeros after the point do not count as significant.
            var remainder = numerator.magnitude % denominator.magnitude
            while remainder != 0, remainder * 10 < denominator.magnitude, fractionDigits < 60 {
                remainder *= 10
                fractionDigits += 1
            }
        }
        return decimalString(fractionDigits: max(0, fractionDigits))
    }

    /// `description` is `decimal`.
    public var description: String { decimal }

    /// Writes the value with at most `fractionDigits` digits after the point, rounding half up,
    /// without trailing zeros.
    private func decimalString(fractionDigits: Int) -> String {
        if let text = smallDecimalString(fractionDigits: fractionDigits) { return text }
        let negative = numerator < 0
        let d = denominator.magnitude
        var integer = numerator.magnitude / d
        var remainder = numerator.magnitude % d
        var fraction: [UInt8] = []
        while remainder != 0, fraction.count < fractionDigits {
            remainder *= 10
            fraction.append(UInt8(remainder / d))
            remainder %= d
        }
        if remainder != 0, remainder * 2 >= d {
            // Round half up, carrying into the integer part when needed.
            let count = fraction.count
            if fraction.withUnsafeMutableBufferPointer({ Self.roundUp($0, count: count) }) { integer += 1 }
        }
        while fraction.last == 0 { fraction.removeLast() }
        var text = String(integer)
        if !fraction.isEmpty { text += "." + String(decoding: fraction.map { $0 + UInt8(ascii: "0") }, as: UTF8.self) }
        return negative && text != "0" ? "-" + text : text
    }

    /// Adds one unit in the last of the first `count` decimal digits, carrying leftwards; true
    /// when the carry leaves the digits (all were 9) and goes into the integer part.
    private static func roundUp(_ digits: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Bool {
        var index = count - 1
        while index >= 0 {
            if digits[index] == 9 {
                digits[index] = 0
                index -= 1
            } else {
                digits[index] += 1
                return false
            }
        }
        return true
    }

    /// `decimalString` on machine words, written straight into the string, for a numerator that
    /// fits 64 bits and a denominator below 2^59 (so ten times a remainder fits too) with at most
    /// 128 digits after the point; nil for any other value.
    private func smallDecimalString(fractionDigits: Int) -> String? {
        let d128 = denominator.magnitude
        let n128 = numerator.magnitude
        guard d128 < UInt128(1) << 59, n128 >> 64 == 0 else { return nil }
        let d = UInt64(truncatingIfNeeded: d128)
        let n = UInt64(truncatingIfNeeded: n128)
        var integer = n / d
        var remainder = n % d
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { fraction -> String? in
            var count = 0
            while remainder != 0, count < fractionDigits {
                guard count < 128 else { return nil }
                remainder *= 10
                fraction[count] = UInt8(truncatingIfNeeded: remainder / d)
                remainder %= d
                count += 1
            }
            if remainder != 0, remainder * 2 >= d {
                // Round half up, carrying into the integer part when needed.
                if Self.roundUp(fraction, count: count) { integer += 1 }
            }
            while count > 0, fraction[count - 1] == 0 { count -= 1 }
            guard let whole = Int(exactly: integer) else { return nil }
            let sign = numerator < 0 && (whole != 0 || count > 0) ? 1 : 0
            let length = sign + Self.decimalCount(whole) + (count > 0 ? count + 1 : 0)
            return String(unsafeUninitializedCapacity: length) { buffer in
                if sign == 1 { buffer[0] = UInt8(ascii: "-") }
                var position = Self.writeDecimal(whole, into: buffer, at: sign)
                if count > 0 {
                    buffer[position] = UInt8(ascii: ".")
                    position += 1
                    for offset in 0..<count {
                        buffer[position] = UInt8(ascii: "0") + fraction[offset]
                        position += 1
                    }
                }
                return position
            }
        }
    }

    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.denominator == 1, rhs.denominator == 1 { return lhs.numerator < rhs.numerator }
        guard let a = multiply(lhs.numerator, rhs.denominator), let b = multiply(rhs.numerator, lhs.denominator) else {
            return Double(lhs.numerator) / Double(lhs.denominator) < Double(rhs.numerator) / Double(rhs.denominator)
        }
        return a < b
    }

    private static func multiply(_ a: Int128, _ b: Int128) -> Int128? {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : p
    }

    /// Euclid's algorithm. Most operands are small: a 1 (an integer's denominator) answers at
    /// once, and values that fit 64 bits run the loop on machine words, not 128-bit division.
    @inline(__always)
    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if b == 1 || a == 1 { return 1 }
        if a >> 64 == 0, b >> 64 == 0 {
            var x = UInt64(truncatingIfNeeded: a)
            var y = UInt64(truncatingIfNeeded: b)
            while y != 0 { (x, y) = (y, x % y) }
            return UInt128(x)
        }
        var x = a
        var y = b
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
