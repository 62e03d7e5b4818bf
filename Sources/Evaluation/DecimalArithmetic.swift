/// Exact sums and halves of plain decimal strings (for a range's midpoint).
enum DecimalArithmetic {
    /// Splits "12.5" into (125, 1) (digits as an integer, places after the point).
    static func parse(_ text: String) -> (Int, Int)? {
        let canonical = DecimalValue.canonical(text)
        let parts = canonical.split(separator: ".", omittingEmptySubsequences: false)
        let places = parts.count > 1 ? parts[1].count : 0
        guard let integer = Int(canonical.replacingOccurrences(of: ".", with: "")) else { return nil }
        return (integer, places)
    }

    static func format(_ integer: Int, _ places: Int) -> String {
        var digits = String(integer.magnitude)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return DecimalValue.canonical((integer < 0 ? "-" : "") + digits)
    }

    static func add(_ a: String, _ b: String) -> String? {
        guard let (x, p) = parse(a), let (y, q) = parse(b) else { return nil }
        let places = max(p, q)
        var left = x
        var right = y
        for _ in p..<places { left *= 10 }
        for _ in q..<places { right *= 10 }
        return format(left + right, places)
    }

    static func half(_ a: String) -> String? {
        guard let (x, p) = parse(a) else { return nil }
        return format(x * 5, p + 1)
    }
}
